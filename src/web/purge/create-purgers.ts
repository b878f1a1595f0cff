// Configuration (WIREDESK_PURGE and its secrets) to purgers, one per target.
import type { PurgeConfig, PurgeTarget } from '../../config/config.ts';
import type { Purger } from './purger.ts';
import { createVarnishPurger } from './varnish-purger.ts';
import { createFastlyPurger, FASTLY_API } from './fastly-purger.ts';
import { createCloudflarePurger, CLOUDFLARE_API } from './cloudflare-purger.ts';
import { createWebhookPurger } from './webhook-purger.ts';

/** API hosts, replaced by tests with a local fake server; production uses the defaults. */
export interface PurgeApiBases {
  readonly fastly?: string;
  readonly cloudflare?: string;
}

export function createPurgers(config: PurgeConfig, apis: PurgeApiBases = {}): Purger[] {
  const { secrets } = config;
  return config.targets.map((target: PurgeTarget): Purger => {
    switch (target.kind) {
      case 'varnish':
        return createVarnishPurger(target.url);
      case 'fastly':
        // loadConfig refuses a fastly or cloudflare target without its credential.
        return createFastlyPurger(target.serviceId, secrets.fastlyKey ?? '', apis.fastly ?? FASTLY_API);
      case 'cloudflare':
        return createCloudflarePurger(target.zoneId, secrets.cloudflareToken ?? '', apis.cloudflare ?? CLOUDFLARE_API);
      case 'webhook':
        return createWebhookPurger(target.url, secrets.webhookSecret);
    }
  });
}
