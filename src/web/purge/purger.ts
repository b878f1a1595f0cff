// What every purge target implements, and the one HTTP call they all make.
export type PurgeResult =
  | { readonly kind: 'ok' }
  /** `retryable`: worth trying again (network, 5xx, 429); a 4xx means the request itself is wrong. */
  | { readonly kind: 'failed'; readonly error: string; readonly retryable: boolean };

export interface Purger {
  /** Safe to log: kind and host or service id, never a credential or a URL's query. */
  readonly name: string;
  purge(keys: readonly string[]): Promise<PurgeResult>;
}

/** A purge that has not answered in this long has failed (and is retried). */
export const PURGE_TIMEOUT_MS = 5_000;

export interface PurgeRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Reads a 2xx body for a failure the status does not show (Cloudflare's `success: false`). */
  readonly check?: (body: string) => string | undefined;
}

/** Sends one purge request; the error text names the status or network failure, never a header. */
export async function sendPurgeRequest(req: PurgeRequest): Promise<PurgeResult> {
  let res: Response;
  try {
    res = await fetch(req.url, {
      method: req.method,
      headers: req.headers,
      ...(req.body !== undefined ? { body: req.body } : {}),
      signal: AbortSignal.timeout(PURGE_TIMEOUT_MS),
      redirect: 'error',
    });
  } catch (err) {
    const cause = (err as { cause?: { code?: unknown } }).cause?.code;
    return { kind: 'failed', error: `purge: ${typeof cause === 'string' ? cause : (err as Error).name}`, retryable: true };
  }
  const body = await res.text().catch(() => '');
  if (!res.ok) {
    return { kind: 'failed', error: `purge: HTTP ${res.status}`, retryable: res.status >= 500 || res.status === 429 };
  }
  const problem = req.check?.(body);
  return problem ? { kind: 'failed', error: `purge: ${problem}`, retryable: false } : { kind: 'ok' };
}

/** Splits keys into batches a target accepts in one request. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Runs one request per batch, in order; the first failure is the result. */
export async function purgeInBatches(keys: readonly string[], size: number, send: (batch: readonly string[]) => Promise<PurgeResult>): Promise<PurgeResult> {
  for (const batch of chunk(keys, size)) {
    const result = await send(batch);
    if (result.kind === 'failed') return result;
  }
  return { kind: 'ok' };
}
