import { describe, expect, it } from 'vitest';
import { acceptsGzip, isCacheableUrl, NOT_FOUND_KEY, PageCache, type CachedResponse } from './page-cache.ts';

function response(body: string, keys: string[], status = 200): Omit<CachedResponse, 'storedAt'> {
  return { status, headers: { 'content-type': 'text/html' }, body: Buffer.from(body), gzip: undefined, keys, routeUrl: undefined, params: {} };
}

/** A cache whose clock the test moves. */
function cacheAt(opts: { maxBytes?: number; ttlMs?: number } = {}) {
  const clock = { now: 0 };
  return { clock, cache: new PageCache({ ...opts, now: () => clock.now }) };
}

describe('PageCache', () => {
  it('drops exactly the entries carrying a dropped key', () => {
    const { cache } = cacheAt();
    cache.set('/article/politics/1-a', response('a1', ['site', 'story-1', 'sector-politics']), cache.generation);
    cache.set('/article/sport/2-b', response('a2', ['site', 'story-2', 'sector-sport']), cache.generation);
    cache.set('/news/politics', response('list', ['site', 'sector-politics', 'list-sector-politics', 'story-1']), cache.generation);
    expect(cache.dropKeys(['story-1'])).toBe(2);
    expect(cache.get('/article/politics/1-a')).toBeUndefined();
    expect(cache.get('/news/politics')).toBeUndefined();
    expect(cache.get('/article/sport/2-b')?.body.toString()).toBe('a2');
  });

  it('`site` drops everything, and so does a change whose keys are unknown', () => {
    const { cache } = cacheAt();
    cache.set('/a', response('a', ['site', 'story-1']), cache.generation);
    cache.set('/b', response('b', ['site', 'story-2']), cache.generation);
    expect(cache.dropKeys(['home', 'site'])).toBe(2);
    expect(cache.size).toBe(0);
    cache.set('/a', response('a', ['site', 'story-1']), cache.generation);
    expect(cache.dropChange({ storyIds: [9] })).toBe(1);
    expect(cache.size).toBe(0);
  });

  it('a change drops its stories, its keys and every cached 404, and nothing else', () => {
    const { cache } = cacheAt();
    cache.set('/article/x/5-new', response('missing', ['site', NOT_FOUND_KEY], 404), cache.generation);
    cache.set('/', response('home', ['site', 'home']), cache.generation);
    cache.set('/article/x/3-c', response('c', ['site', 'story-3']), cache.generation);
    cache.set('/article/x/4-d', response('d', ['site', 'story-4']), cache.generation);
    expect(cache.dropChange({ storyIds: [3], keys: ['home'] })).toBe(3);
    expect([...['/article/x/5-new', '/', '/article/x/3-c', '/article/x/4-d'].filter((u) => cache.get(u))]).toEqual(['/article/x/4-d']);
  });

  it('refuses a response rendered before a drop (it may show what was dropped)', () => {
    const { cache } = cacheAt();
    const before = cache.generation;
    cache.dropKeys(['story-1']);
    expect(cache.set('/article/x/1-a', response('old', ['site', 'story-1']), before)).toBe(false);
    expect(cache.get('/article/x/1-a')).toBeUndefined();
    expect(cache.set('/article/x/1-a', response('new', ['site', 'story-1']), cache.generation)).toBe(true);
  });

  it('stays within its byte bound, dropping the least recently used first', () => {
    const { cache } = cacheAt({ maxBytes: 20_000 });
    const body = 'x'.repeat(1_400);
    const urls = Array.from({ length: 10 }, (_, i) => `/${i}`);
    for (const url of urls) cache.set(url, response(body, ['site']), cache.generation);
    // Each entry is 1,400 bytes of body plus ~530 of allowance: 10 fit, an 11th does not.
    expect(cache.size).toBe(10);
    cache.get('/0'); // now the most recently used
    cache.set('/new', response(body, ['site']), cache.generation);
    expect(cache.size).toBe(10);
    expect(cache.byteSize).toBeLessThanOrEqual(20_000);
    expect(cache.get('/0')).toBeDefined();
    expect(cache.get('/1')).toBeUndefined();
    expect(cache.get('/new')).toBeDefined();
  });

  it('never keeps one response bigger than a tenth of the cache', () => {
    const { cache } = cacheAt({ maxBytes: 10_000 });
    expect(cache.set('/big', response('x'.repeat(1_000), ['site']), cache.generation)).toBe(false);
    expect(cache.size).toBe(0);
  });

  it('forgets an entry after its time to live', () => {
    const { cache, clock } = cacheAt({ ttlMs: 1_000 });
    cache.set('/a', response('a', ['site', 'story-1']), cache.generation);
    clock.now = 999;
    expect(cache.get('/a')).toBeDefined();
    clock.now = 1_000;
    expect(cache.get('/a')).toBeUndefined();
    expect(cache.byteSize).toBe(0);
    // Its keys went with it: a later drop finds nothing.
    expect(cache.dropKeys(['story-1'])).toBe(0);
  });
});

describe('isCacheableUrl', () => {
  it.each([
    ['/', true],
    ['/article/politics/12-some-slug', true],
    ['/news/politics?page=2', true],
    ['/rss.xml', true],
    ['/news/politics?page=2&x=1', false],
    ['/?utm_source=x', false],
    ['/search?q=monsoon', false],
    ['/api/ingest/pti', false],
    ['/metrics', false],
    ['/healthz', false],
    ['/readyz', false],
  ])('%s: %s', (url, cacheable) => {
    expect(isCacheableUrl(url)).toBe(cacheable);
  });
});

describe('acceptsGzip', () => {
  it.each([
    [undefined, false],
    ['gzip, deflate, br', true],
    ['br;q=1.0, gzip;q=0.8, *;q=0.1', true],
    ['gzip;q=0', false],
    ['x-gzip2', false],
    ['identity', false],
  ])('%s: %s', (header, accepted) => {
    expect(acceptsGzip(header)).toBe(accepted);
  });
});
