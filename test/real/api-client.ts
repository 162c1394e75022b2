import { request } from 'node:https';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * A very small JSON client for the apiserver: HTTPS against our own CA, bearer-token auth.
 * Enough for the harness to create nodes and objects and to watch one Deployment by polling.
 */
export class ApiClient {
  constructor(
    readonly server: string,
    private readonly ca: string,
    private readonly token: string,
  ) {}

  get<T>(path: string): Promise<T> {
    return this.send<T>('GET', path);
  }

  post<T>(path: string, body: unknown): Promise<T> {
    return this.send<T>('POST', path, body, 'application/json');
  }

  /** A JSON merge patch. */
  patch<T>(path: string, body: unknown, subresource = ''): Promise<T> {
    return this.send<T>('PATCH', `${path}${subresource ? `/${subresource}` : ''}`, body, 'application/merge-patch+json');
  }

  /** GET that answers undefined for 404 instead of throwing. */
  async find<T>(path: string): Promise<T | undefined> {
    try {
      return await this.get<T>(path);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return undefined;
      throw error;
    }
  }

  /** The plain-text answer of a health endpoint such as /readyz, or the error's text. */
  async health(path: string): Promise<{ ok: boolean; text: string }> {
    try {
      return { ok: true, text: await this.send<string>('GET', path, undefined, undefined, true) };
    } catch (error) {
      return { ok: false, text: error instanceof Error ? error.message : String(error) };
    }
  }

  private send<T>(method: string, path: string, body?: unknown, contentType?: string, raw = false): Promise<T> {
    const url = new URL(path, this.server);
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise<T>((resolve, reject) => {
      const req = request(
        url,
        {
          method,
          ca: this.ca,
          timeout: 15_000,
          headers: {
            authorization: `Bearer ${this.token}`,
            accept: raw ? 'text/plain' : 'application/json',
            ...(contentType ? { 'content-type': contentType } : {}),
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            const status = response.statusCode ?? 0;
            if (status < 200 || status >= 300) return reject(new ApiError(status, `${method} ${url.pathname}: HTTP ${status} ${text.slice(0, 500)}`));
            if (raw) return resolve(text as T);
            try {
              resolve(JSON.parse(text) as T);
            } catch (error) {
              reject(error instanceof Error ? error : new Error(String(error)));
            }
          });
          response.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`${method} ${url.pathname}: no answer in 15 s`)));
      req.on('error', reject);
      req.end(payload);
    });
  }
}
