import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';
import { DEFAULT_EDITIONS, DEFAULT_SECTORS } from './site-defaults.ts';
import { parseRoundupsVariable } from './roundup-topics.ts';

const parse = (text: string) => parseRoundupsVariable(text, DEFAULT_SECTORS, DEFAULT_EDITIONS);

describe('WIREDESK_ROUNDUPS', () => {
  it('defaults to the demo topics', () => {
    const topics = loadConfig({}).roundups;
    expect(topics.map((t) => t.slug)).toEqual(['health', 'business', 'us-domestic', 'world']);
    expect(topics.find((t) => t.slug === 'health')?.schedule).toEqual({ kind: 'at', times: ['08:00', '20:00'] });
    expect(topics.find((t) => t.slug === 'world')?.excludeCountries).toContain('IN');
    expect(loadConfig({ WIREDESK_ROUNDUPS: 'off' }).roundups).toEqual([]);
  });

  it('resolves a topic: slug from the name, sector from the first sector, editions to countries, defaults', () => {
    const [topic] = parse('[{"name":"Café Société","sectors":["art-culture"],"editions":["north-america"],"every":"3h"}]');
    expect(topic).toEqual({
      name: 'Café Société',
      slug: 'cafe-societe',
      sector: 'art-culture',
      sectors: ['art-culture'],
      countries: ['US', 'CA'],
      excludeCountries: [],
      schedule: { kind: 'every', seconds: 3 * 3600 },
      minBriefs: 3,
      maxBriefs: 10,
      maxAgeSeconds: 24 * 3600,
    });
  });

  it.each([
    ['{"name":"x"}', /JSON array/],
    ['[{"name":"X","sectors":["nope"]}]', /"nope" is not one of the site's sectors/],
    ['[{"name":"X","sector":"health","editions":["mars"]}]', /"mars" is not one of the site's editions/],
    ['[{"name":"X","countries":["usa"],"sector":"health"}]', /countries.0: an ISO 3166-1 alpha-2 code/],
    ['[{"name":"X"}]', /"sector" .* is required/],
    ['[{"name":"X","sector":"health","every":"6h","at":["08:00"]}]', /not both/],
    ['[{"name":"X","sector":"health","at":["25:00"]}]', /at.0: a time HH:MM/],
    ['[{"name":"X","sector":"health","every":"10s"}]', /at least 1m/],
    ['[{"name":"X","sector":"health"},{"name":"x","sector":"health"}]', /slug "x" is used twice/],
    ['[{"name":"X","sector":"health","minBriefs":5,"maxBriefs":2}]', /minBriefs is more than maxBriefs/],
    ['[{"name":"X","sector":"health","colour":"red"}]', /Unrecognized key/],
  ])('rejects %s', (text, message) => {
    expect(() => parse(text)).toThrow(message);
  });

  it('stops start-up naming the variable', () => {
    expect(() => loadConfig({ WIREDESK_ROUNDUPS: '[{"name":"X"}]' })).toThrow(ConfigError);
    expect(() => loadConfig({ WIREDESK_ROUNDUPS: 'nonsense' })).toThrow(/^WIREDESK_ROUNDUPS: not JSON/);
  });
});
