import path from 'node:path';
import { AppError } from '../../../shared/errors/app-error.js';
import type { AttachResult } from '../../../shared/ipc/output-channels.js';
import { OutputFlow } from '../../../shared/output/output-flow.js';
import type { ClientConnection } from '../client-connection.js';
import { OutputStream } from './output-stream.js';
import { readLogTail } from './read-log-tail.js';

/** What a finished stream's view shows from its log file; older output stays in the file. */
const finishedTailBytes = 4 * 1024 * 1024;

interface View {
  client: ClientConnection;
  flow: OutputFlow;
  stop: () => void;
}

/** Pauses and resumes the producer of a lossless stream (the Shell tab's pty). */
export interface Throttle {
  pause(): void;
  resume(): void;
}

/**
 * Every output stream the engine has, and which client views which. Each view has its own flow
 * control: a slow view never slows a build; for a lossless stream it pauses the producer instead.
 */
export class OutputHub {
  private readonly streams = new Map<string, OutputStream>();
  private readonly throttles = new Map<string, Throttle>();
  private readonly views = new Map<string, Map<string, View>>();
  private readonly paused = new Set<string>();

  constructor(private readonly logDir: string) {}

  create(id: string, options: { lossless?: boolean; throttle?: Throttle } = {}): OutputStream {
    const stream = new OutputStream(id, path.join(this.logDir, `${id.replace(/[^A-Za-z0-9._-]/g, '_')}.log`), options.lossless ?? false);
    this.streams.set(id, stream);
    if (options.throttle) this.throttles.set(id, options.throttle);
    return stream;
  }

  get(id: string): OutputStream | undefined {
    return this.streams.get(id);
  }

  /** Starts sending a stream to a client, after giving it what the stream produced so far. */
  async attach(client: ClientConnection, streamId: string, logPath?: string): Promise<AttachResult> {
    const stream = this.streams.get(streamId);
    if (!stream) {
      if (!logPath) throw new AppError(`No output named ${streamId}.`);
      const { text, omittedBytes } = await readLogTail(logPath, finishedTailBytes);
      return { streamId, backlog: text, omitted: omittedBytes, live: false, logPath };
    }
    this.detach(client, streamId);
    if (stream.ended) {
      const { text, omittedBytes } = await readLogTail(stream.logPath, finishedTailBytes);
      return { streamId, backlog: text, omitted: omittedBytes, live: false, logPath: stream.logPath };
    }
    stream.flush();
    const { text, omitted } = stream.tail.snapshot();
    const flow = new OutputFlow({ lossless: stream.lossless });
    flow.offer(text);
    const stop = stream.listen({
      onBatch: (data, offset) => {
        const release = flow.offer(data);
        if (release) client.send('output:data', { streamId, offset, data: release.data });
        this.updateThrottle(streamId);
      },
      onEnd: (end) => client.send('output:end', end),
    });
    this.viewsOf(streamId).set(client.id, { client, flow, stop });
    return { streamId, backlog: text, omitted, live: true, logPath: stream.logPath };
  }

  ack(client: ClientConnection, streamId: string, chars: number): void {
    const view = this.views.get(streamId)?.get(client.id);
    if (!view) return;
    const release = view.flow.ack(chars);
    const stream = this.streams.get(streamId);
    if (release && stream) {
      // Held output always ends at the newest batch, so its position follows from the stream's length.
      const offset = stream.emittedChars - release.data.length;
      client.send('output:data', { streamId, offset, data: release.data, skipped: release.skipped || undefined });
    }
    this.updateThrottle(streamId);
  }

  detach(client: ClientConnection, streamId: string): void {
    const view = this.views.get(streamId)?.get(client.id);
    if (!view) return;
    view.stop();
    this.views.get(streamId)?.delete(client.id);
    this.updateThrottle(streamId);
  }

  disconnect(client: ClientConnection): void {
    for (const streamId of this.views.keys()) this.detach(client, streamId);
  }

  private viewsOf(streamId: string): Map<string, View> {
    let views = this.views.get(streamId);
    if (!views) {
      views = new Map();
      this.views.set(streamId, views);
    }
    return views;
  }

  private updateThrottle(streamId: string): void {
    const throttle = this.throttles.get(streamId);
    if (!throttle) return;
    const flows = [...(this.views.get(streamId)?.values() ?? [])].map((view) => view.flow);
    if (!this.paused.has(streamId) && flows.some((flow) => flow.shouldPause)) {
      this.paused.add(streamId);
      throttle.pause();
    } else if (this.paused.has(streamId) && flows.every((flow) => flow.mayResume)) {
      this.paused.delete(streamId);
      throttle.resume();
    }
  }
}
