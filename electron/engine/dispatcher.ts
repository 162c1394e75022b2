import { AppError, toErrorInfo } from '../../shared/errors/app-error.js';
import { isRequestChannel, requestChannels, type RequestChannel, type RequestOutput } from '../../shared/ipc/contract.js';
import type { Envelope } from '../../shared/ipc/envelope.js';
import type { z } from 'zod';
import type { ClientConnection } from './client-connection.js';

type ParsedInput<C extends RequestChannel> = z.output<(typeof requestChannels)[C]['input']>;

export type Handlers = {
  [C in RequestChannel]: (input: ParsedInput<C>, client: ClientConnection) => Promise<RequestOutput<C>> | RequestOutput<C>;
};

/**
 * The one door into the engine: checks the channel and its payload, runs the handler, and answers
 * with an envelope. Nothing thrown escapes as an exception; everything comes back as data.
 */
export async function dispatch(handlers: Handlers, channel: unknown, input: unknown, client: ClientConnection): Promise<Envelope<unknown>> {
  try {
    if (!isRequestChannel(channel)) throw new AppError(`Unknown request channel: ${String(channel).slice(0, 100)}`);
    const contract = requestChannels[channel];
    const parsed = contract.input.safeParse(input ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AppError(`Invalid input for ${channel}: ${issue?.path.join('.') || 'payload'}: ${issue?.message ?? 'invalid'}`);
    }
    const handler = handlers[channel] as (input: unknown, client: ClientConnection) => unknown;
    const result = contract.output.parse(await handler(parsed.data, client));
    return { ok: true, result };
  } catch (error) {
    return { ok: false, error: toErrorInfo(error) };
  }
}
