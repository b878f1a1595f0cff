// Anything else (another CDN, a cache-warmer, a message queue): POST
// `{"keys": [...]}` as JSON. With a secret, the body is signed like GitHub's
// webhooks, `X-Wiredesk-Signature: sha256=<hex HMAC of the body>`, so the secret
// itself never travels.
import { createHmac } from 'node:crypto';
import { sendPurgeRequest, type Purger } from './purger.ts';

export const SIGNATURE_HEADER = 'x-wiredesk-signature';

export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export function createWebhookPurger(url: string, secret?: string): Purger {
  const target = new URL(url);
  return {
    // The path and query may hold a token: log the origin only.
    name: `webhook ${target.origin}`,
    purge: (keys) => {
      const body = JSON.stringify({ keys });
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (secret) headers[SIGNATURE_HEADER] = signBody(body, secret);
      return sendPurgeRequest({ method: 'POST', url, headers, body });
    },
  };
}
