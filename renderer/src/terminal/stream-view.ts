import type { Terminal } from '@xterm/xterm';
import type { StudioApi } from '../../../shared/ipc/contract.js';
import type { OutputBatch } from '../../../shared/ipc/output-channels.js';

export interface StreamViewOptions {
  api: StudioApi;
  terminal: Terminal;
  streamId: string;
  onEnd?: () => void;
}

/**
 * Shows one output stream in a terminal: first what the stream produced so far, then live batches.
 * Each batch is acknowledged once xterm.js has actually written it, which is what lets the engine
 * hold back (or, for a shell, pause) when this view falls behind.
 */
export function viewStream({ api, terminal, streamId, onEnd }: StreamViewOptions): () => void {
  let disposed = false;
  let liveFrom: number | undefined;
  let logPath: string | undefined;
  const early: OutputBatch[] = [];

  const write = (batch: OutputBatch): void => {
    if (liveFrom !== undefined && batch.offset + batch.data.length <= liveFrom && !batch.skipped) return;
    if (batch.skipped) {
      terminal.write(`\r\n\x1b[2m… ${batch.skipped.toLocaleString()} characters not shown to keep up; the full output is in ${logPath ?? 'the log file'}\x1b[0m\r\n`);
    }
    terminal.write(batch.data, () => {
      if (!disposed) void api.request('output:ack', { streamId, chars: batch.data.length }).catch(() => undefined);
    });
  };

  const stopData = api.subscribe('output:data', (batch) => {
    if (batch.streamId !== streamId || disposed) return;
    if (liveFrom === undefined) early.push(batch);
    else write(batch);
  });
  const stopEnd = api.subscribe('output:end', (end) => {
    if (end.streamId === streamId && !disposed) onEnd?.();
  });

  void api.request('output:attach', { streamId }).then(
    (attached) => {
      if (disposed) return;
      logPath = attached.logPath;
      if (attached.omitted > 0) {
        terminal.write(`\x1b[2m… earlier output (${attached.omitted.toLocaleString()} more) is in ${attached.logPath ?? 'the log file'}\x1b[0m\r\n`);
      }
      const backlog = attached.backlog;
      terminal.write(backlog, () => {
        if (!disposed && attached.live && backlog.length > 0) void api.request('output:ack', { streamId, chars: backlog.length }).catch(() => undefined);
      });
      liveFrom = attached.omitted + backlog.length;
      for (const batch of early.splice(0)) write(batch);
      if (!attached.live) onEnd?.();
    },
    (error: Error) => {
      if (!disposed) terminal.write(`\x1b[31mCould not show this output: ${error.message}\x1b[0m\r\n`);
    },
  );

  return () => {
    disposed = true;
    stopData();
    stopEnd();
    void api.request('output:detach', { streamId }).catch(() => undefined);
  };
}
