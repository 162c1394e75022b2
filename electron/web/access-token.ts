import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** Cookies are shared by every port of a host, so the cookie is named after the port it belongs to. */
export function tokenCookie(port: number): string {
  return `studio_token_${port}`;
}

/** A fresh random secret for one run of browser mode. */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/** The token a request carries, from `?token=` or from the cookie set on the first page load. */
export function tokenOf(request: IncomingMessage, port: number): string | undefined {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const fromQuery = url.searchParams.get('token');
  if (fromQuery) return fromQuery;
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === tokenCookie(port)) return value.join('=');
  }
  return undefined;
}

export function tokenMatches(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
