/**
 * A polite HTTP client for one OParl server: at most `concurrency` requests at a time, at most `requestsPerSecond`
 * started per second, and retries with exponential backoff on network errors, 429 and 5xx, waiting as long as the
 * server's Retry-After says when it says (RFC 9110 section 10.2.3: seconds or an HTTP date). Other 4xx answers are
 * final: asking again would not change them.
 */
export type Fetch = (url: string, init?: { headers?: Record<string, string>; signal?: AbortSignal }) => Promise<Response>;

export interface ClientOptions {
  fetch?: Fetch;
  concurrency?: number;
  requestsPerSecond?: number;
  retries?: number;
  /** The first backoff in milliseconds; each retry doubles it. */
  backoffMs?: number;
  /** The longest wait, whatever Retry-After asks. */
  maxWaitMs?: number;
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** A request that failed for good: the URL, and what the server said or what went wrong. */
export class OParlFetchError extends Error {
  constructor(
    readonly url: string,
    readonly reason: string,
    readonly status?: number,
  ) {
    super(`${url}: ${reason}`);
  }
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Retry-After as milliseconds: delay-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export class OParlClient {
  private readonly fetch: Fetch;
  private readonly concurrency: number;
  private readonly interval: number;
  private readonly retries: number;
  private readonly backoffMs: number;
  private readonly maxWaitMs: number;
  private readonly timeoutMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private active = 0;
  private readonly queue: Array<() => void> = [];
  private nextStart = 0;
  /** Requests made, retries included: the summary reports them. */
  requests = 0;
  /** The server's clock at its first answer (its Date header): `modified_since` is compared with the server's times. */
  serverDate: Date | undefined;

  constructor(options: ClientOptions = {}) {
    this.fetch = options.fetch ?? ((url, init) => fetch(url, init));
    this.concurrency = Math.max(1, options.concurrency ?? 4);
    this.interval = 1000 / Math.max(0.1, options.requestsPerSecond ?? 10);
    this.retries = options.retries ?? 5;
    this.backoffMs = options.backoffMs ?? 500;
    this.maxWaitMs = options.maxWaitMs ?? 60_000;
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.sleep = options.sleep ?? wait;
  }

  /** A JSON document. */
  async json(url: string): Promise<unknown> {
    const response = await this.request(url, 'application/json');
    const text = await response.text();
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new OParlFetchError(url, `not JSON: ${(error as Error).message}`);
    }
  }

  /** A file's bytes and the media type the server gave. */
  async bytes(url: string): Promise<{ content: Uint8Array; mediaType: string | undefined }> {
    const response = await this.request(url, '*/*');
    return { content: new Uint8Array(await response.arrayBuffer()), mediaType: response.headers.get('content-type') ?? undefined };
  }

  private async request(url: string, accept: string): Promise<Response> {
    for (let attempt = 0; ; attempt++) {
      let failure: string;
      let waitMs = Math.min(this.maxWaitMs, this.backoffMs * 2 ** attempt);
      try {
        const response = await this.slot(() => this.fetch(url, { headers: { accept }, signal: AbortSignal.timeout(this.timeoutMs) }));
        if (!this.serverDate) {
          const said = Date.parse(response.headers.get('date') ?? '');
          if (!Number.isNaN(said)) this.serverDate = new Date(said);
        }
        if (response.ok) return response;
        failure = `HTTP ${response.status}`;
        const retryable = response.status === 429 || response.status >= 500;
        await response.body?.cancel();
        if (!retryable) throw new OParlFetchError(url, failure, response.status);
        const asked = retryAfterMs(response.headers.get('retry-after'));
        if (asked !== undefined) waitMs = Math.min(this.maxWaitMs, asked);
        if (attempt >= this.retries) throw new OParlFetchError(url, `${failure} after ${attempt + 1} attempts`, response.status);
      } catch (error) {
        if (error instanceof OParlFetchError) throw error;
        failure = (error as Error).message;
        if (attempt >= this.retries) throw new OParlFetchError(url, `${failure} after ${attempt + 1} attempts`);
      }
      await this.sleep(waitMs);
    }
  }

  /** Runs one request when a slot is free and the rate allows. */
  private async slot<T>(run: () => Promise<T>): Promise<T> {
    if (this.active >= this.concurrency) await new Promise<void>((resolve) => this.queue.push(resolve));
    this.active++;
    try {
      const now = Date.now();
      const start = Math.max(now, this.nextStart);
      this.nextStart = start + this.interval;
      if (start > now) await wait(start - now);
      this.requests++;
      return await run();
    } finally {
      this.active--;
      this.queue.shift()?.();
    }
  }
}
