// The one request we make of a hub: a form POST (W3C WebSub §5.1 subscribe, and the
// de-facto `hub.mode=publish` ping). Errors name the status or network failure, never
// the form (it carries the subscription's secret).
export type HubResult = { readonly kind: 'ok' } | { readonly kind: 'failed'; readonly error: string; readonly retryable: boolean };

export const HUB_TIMEOUT_MS = 10_000;

export async function postToHub(hub: string, form: Readonly<Record<string, string | readonly string[]>>, timeoutMs = HUB_TIMEOUT_MS): Promise<HubResult> {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(form)) for (const v of typeof value === 'string' ? [value] : value) body.append(name, v);
  let res: Response;
  try {
    res = await fetch(hub, { method: 'POST', body, signal: AbortSignal.timeout(timeoutMs), redirect: 'error', headers: { 'user-agent': 'Wiredesk/0.1 (WebSub)' } });
  } catch (err) {
    const cause = (err as { cause?: { code?: unknown } }).cause?.code;
    return { kind: 'failed', error: `websub: hub unreachable (${typeof cause === 'string' ? cause : (err as Error).name})`, retryable: true };
  }
  await res.body?.cancel();
  if (res.ok) return { kind: 'ok' };
  return { kind: 'failed', error: `websub: hub answered HTTP ${res.status}`, retryable: res.status >= 500 || res.status === 429 };
}
