// Fastly batch surrogate-key purge: POST /service/{id}/purge with the keys in a
// `Surrogate-Key` header, authenticated by `Fastly-Key`; up to 256 keys a request.
import { purgeInBatches, sendPurgeRequest, type Purger } from './purger.ts';

export const FASTLY_API = 'https://api.fastly.com';
const KEYS_PER_REQUEST = 256;

export function createFastlyPurger(serviceId: string, apiKey: string, apiBase: string = FASTLY_API): Purger {
  const url = `${apiBase}/service/${encodeURIComponent(serviceId)}/purge`;
  return {
    name: `fastly ${serviceId}`,
    purge: (keys) =>
      purgeInBatches(keys, KEYS_PER_REQUEST, (batch) =>
        sendPurgeRequest({ method: 'POST', url, headers: { 'fastly-key': apiKey, 'surrogate-key': batch.join(' '), accept: 'application/json' } }),
      ),
  };
}
