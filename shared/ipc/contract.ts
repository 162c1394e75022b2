import type { z } from 'zod';
import { appEvents, appRequests } from './app-channels.js';
import { outputEvents, outputRequests } from './output-channels.js';
import { settingsEvents, settingsRequests } from './settings-channels.js';
import { shellRequests } from './shell-channels.js';
import { sourceRequests } from './source-channels.js';
import { testRequests } from './test-channels.js';
import { runEvents, runRequests } from './run-channels.js';
import { remoteEvents, remoteRequests } from './remote-channels.js';
import { stepEvents, stepRequests } from './step-channels.js';

/**
 * Everything that crosses between the UI and the engine. Requests answer with a promise;
 * events are pushed by the engine. Each payload is checked against its schema on arrival.
 */
export const requestChannels = {
  ...appRequests,
  ...stepRequests,
  ...outputRequests,
  ...shellRequests,
  ...settingsRequests,
  ...sourceRequests,
  ...testRequests,
  ...runRequests,
  ...remoteRequests,
} as const;

export const eventChannels = {
  ...appEvents,
  ...stepEvents,
  ...outputEvents,
  ...runEvents,
  ...remoteEvents,
  ...settingsEvents,
} as const;

export type RequestChannel = keyof typeof requestChannels;
export type EventChannel = keyof typeof eventChannels;
export type RequestInput<C extends RequestChannel> = z.input<(typeof requestChannels)[C]['input']>;
export type RequestOutput<C extends RequestChannel> = z.output<(typeof requestChannels)[C]['output']>;
export type EventPayload<E extends EventChannel> = z.output<(typeof eventChannels)[E]>;

export const requestChannelNames = Object.keys(requestChannels) as RequestChannel[];
export const eventChannelNames = Object.keys(eventChannels) as EventChannel[];

export function isRequestChannel(name: unknown): name is RequestChannel {
  return typeof name === 'string' && Object.hasOwn(requestChannels, name);
}

export function isEventChannel(name: unknown): name is EventChannel {
  return typeof name === 'string' && Object.hasOwn(eventChannels, name);
}

/** The UI's whole view of the engine: the same in Electron (IPC) and in browser mode (WebSocket). */
export interface StudioApi {
  request<C extends RequestChannel>(channel: C, input: RequestInput<C>): Promise<RequestOutput<C>>;
  subscribe<E extends EventChannel>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}
