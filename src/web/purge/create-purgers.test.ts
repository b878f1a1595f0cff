// WIREDESK_PURGE and its secrets, from the environment to purgers.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config/config.ts';
import { createPurgers } from './create-purgers.ts';

const ZONE = '0123456789abcdef0123456789abcdef';

function purgeConfig(env: Record<string, string>) {
  return loadConfig(env).purge;
}

describe('WIREDESK_PURGE', () => {
  it('is empty by default: no purgers', () => {
    expect(purgeConfig({})).toEqual({ targets: [], secrets: {} });
    expect(createPurgers(purgeConfig({}))).toEqual([]);
  });

  it('reads a list of kind:argument entries, in order, each kind any number of times', () => {
    const config = purgeConfig({
      WIREDESK_PURGE: ' varnish:http://10.0.0.5:6081/ , varnish:http://10.0.0.6:6081,fastly:SU1Z0isxPaozGVKXdv0eY,' + `cloudflare:${ZONE},webhook:https://hooks.example/purge?token=abc`,
      WIREDESK_PURGE_FASTLY_KEY: 'fk',
      WIREDESK_PURGE_CLOUDFLARE_TOKEN: 'ct',
    });
    expect(config.targets).toEqual([
      { kind: 'varnish', url: 'http://10.0.0.5:6081' },
      { kind: 'varnish', url: 'http://10.0.0.6:6081' },
      { kind: 'fastly', serviceId: 'SU1Z0isxPaozGVKXdv0eY' },
      { kind: 'cloudflare', zoneId: ZONE },
      { kind: 'webhook', url: 'https://hooks.example/purge?token=abc' },
    ]);
    expect(createPurgers(config).map((p) => p.name)).toEqual([
      'varnish 10.0.0.5:6081',
      'varnish 10.0.0.6:6081',
      'fastly SU1Z0isxPaozGVKXdv0eY',
      `cloudflare ${ZONE}`,
      'webhook https://hooks.example',
    ]);
  });

  it.each([
    ['varnish', 'WIREDESK_PURGE: "varnish" is not one of a comma-separated list of varnish:URL, fastly:SERVICE_ID, cloudflare:ZONE_ID or webhook:URL'],
    ['squid:http://x', 'WIREDESK_PURGE: "squid:http://x" is not one of'],
    ['varnish:', 'WIREDESK_PURGE: "varnish:": varnish takes an http(s) URL of the proxy'],
    ['varnish:ftp://x', 'WIREDESK_PURGE: "varnish:ftp://x": varnish takes an http(s) URL of the proxy'],
    ['fastly:abc-def', 'WIREDESK_PURGE: "fastly:abc-def": fastly takes a service id (letters and digits)'],
    ['cloudflare:xyz', 'WIREDESK_PURGE: "cloudflare:xyz": cloudflare takes a zone id (32 hex digits)'],
    ['webhook:hooks.example', 'WIREDESK_PURGE: "webhook:hooks.example": webhook takes an http(s) URL'],
  ])('refuses %s', (value, message) => {
    expect(() => purgeConfig({ WIREDESK_PURGE: value })).toThrow(ConfigError);
    expect(() => purgeConfig({ WIREDESK_PURGE: value })).toThrow(message);
  });

  it.each([
    ['fastly:SVC', 'WIREDESK_PURGE_FASTLY_KEY: required by the fastly target in WIREDESK_PURGE'],
    [`cloudflare:${ZONE}`, 'WIREDESK_PURGE_CLOUDFLARE_TOKEN: required by the cloudflare target in WIREDESK_PURGE'],
  ])('%s needs its credential', (value, message) => {
    expect(() => purgeConfig({ WIREDESK_PURGE: value })).toThrow(message);
  });

  it('a webhook secret is optional', () => {
    expect(purgeConfig({ WIREDESK_PURGE: 'webhook:https://h.example/p' }).secrets).toEqual({});
    expect(purgeConfig({ WIREDESK_PURGE: 'webhook:https://h.example/p', WIREDESK_PURGE_WEBHOOK_SECRET: 's' }).secrets).toEqual({ webhookSecret: 's' });
  });
});
