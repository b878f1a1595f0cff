// Varnish with vmod xkey (deploy/varnish/wiredesk.vcl): `PURGE /` with the keys in an
// `xkey-purge` header drops every object tagged with any of them. One purger per
// proxy: each Varnish keeps its own cache.
import { purgeInBatches, sendPurgeRequest, type Purger } from './purger.ts';

/** Keeps the header well under Varnish's default 8 KB request-header limit. */
const KEYS_PER_REQUEST = 200;

export function createVarnishPurger(proxyUrl: string): Purger {
  const base = new URL(proxyUrl);
  return {
    name: `varnish ${base.host}`,
    purge: (keys) =>
      purgeInBatches(keys, KEYS_PER_REQUEST, (batch) =>
        sendPurgeRequest({ method: 'PURGE', url: new URL('/', base).toString(), headers: { 'xkey-purge': batch.join(' ') } }),
      ),
  };
}
