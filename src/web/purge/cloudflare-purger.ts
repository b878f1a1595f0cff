// Cloudflare purge by cache tag: POST /client/v4/zones/{zone}/purge_cache with
// `{"tags": [...]}` and a bearer API token; pages carry the tags in `Cache-Tag`.
// Cloudflare answers 200 with `success: false` for some refusals, so the body counts.
import { purgeInBatches, sendPurgeRequest, type Purger } from './purger.ts';

export const CLOUDFLARE_API = 'https://api.cloudflare.com';
/** Cloudflare's documented maximum of purge operations per request. */
const TAGS_PER_REQUEST = 100;

function cloudflareRefusal(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { success?: unknown; errors?: { code?: unknown }[] };
    if (parsed.success === true) return undefined;
    const codes = (parsed.errors ?? []).map((e) => e.code).filter((c) => c !== undefined);
    return `cloudflare refused${codes.length ? ` (errors ${codes.join(', ')})` : ''}`;
  } catch {
    return 'cloudflare answered with something other than JSON';
  }
}

export function createCloudflarePurger(zoneId: string, apiToken: string, apiBase: string = CLOUDFLARE_API): Purger {
  const url = `${apiBase}/client/v4/zones/${encodeURIComponent(zoneId)}/purge_cache`;
  return {
    name: `cloudflare ${zoneId}`,
    purge: (keys) =>
      purgeInBatches(keys, TAGS_PER_REQUEST, (batch) =>
        sendPurgeRequest({
          method: 'POST',
          url,
          headers: { authorization: `Bearer ${apiToken}`, 'content-type': 'application/json' },
          body: JSON.stringify({ tags: batch }),
          check: cloudflareRefusal,
        }),
      ),
  };
}
