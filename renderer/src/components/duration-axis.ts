/**
 * Round tick values for an axis of durations in seconds, and the short words they are written in.
 * A step is picked so that about `count` ticks cover 0…max; the last tick is at or beyond max, so a
 * bar never runs past the axis.
 */
const steps = [0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400];

export function durationTicks(maxSeconds: number, count = 5): number[] {
  const max = Math.max(maxSeconds, 0.1);
  const step = steps.find((s) => max / s <= count) ?? Math.ceil(max / count / 86400) * 86400;
  const ticks: number[] = [];
  for (let value = 0; ticks.length === 0 || ticks[ticks.length - 1]! < max; value += step) ticks.push(Number(value.toFixed(1)));
  return ticks;
}

/** "0", "0.5 s", "30 s", "2 min", "1 h 30 min": words for a tick, which is always a round value. */
export function tickLabel(seconds: number): string {
  if (seconds === 0) return '0';
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return seconds % 60 === 0 ? `${seconds / 60} min` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
  const minutes = Math.round((seconds % 3600) / 60);
  return minutes === 0 ? `${Math.floor(seconds / 3600)} h` : `${Math.floor(seconds / 3600)} h ${minutes} min`;
}

/** Cuts a label to about `chars` characters, keeping its start and end ("[sig-scheduling] Sched… [Serial]"). */
export function fitLabel(text: string, chars: number): string {
  if (text.length <= chars) return text;
  const keep = Math.max(chars - 1, 4);
  const tail = Math.floor(keep / 3);
  return `${text.slice(0, keep - tail)}…${text.slice(text.length - tail)}`;
}
