// Every purge target against a local fake server: the request it sends, and how it
// reads the answer. Never a real CDN host: the API base is injected.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { refusedUrl, startFakePurgeServer, type FakePurgeServer } from './fake-purge-server.ts';
import { createVarnishPurger } from './varnish-purger.ts';
import { createFastlyPurger } from './fastly-purger.ts';
import { createCloudflarePurger } from './cloudflare-purger.ts';
import { createWebhookPurger, SIGNATURE_HEADER } from './webhook-purger.ts';
import type { Purger } from './purger.ts';

const ZONE = '0123456789abcdef0123456789abcdef';
const KEYS = ['home', 'list-latest', 'story-7'];

interface Case {
  readonly name: string;
  readonly make: (base: string) => Purger;
  /** Checks the one request a purge of KEYS sends. */
  readonly expectRequest: (req: FakePurgeServer['requests'][number]) => void;
  readonly keysPerRequest: number;
}

const CASES: Case[] = [
  {
    name: 'varnish',
    make: (base) => createVarnishPurger(base),
    expectRequest: (req) => {
      expect(req.method).toBe('PURGE');
      expect(req.url).toBe('/');
      expect(req.headers['xkey-purge']).toBe('home list-latest story-7');
    },
    keysPerRequest: 200,
  },
  {
    name: 'fastly',
    make: (base) => createFastlyPurger('SVC123', 'fastly-secret-key', base),
    expectRequest: (req) => {
      expect(req.method).toBe('POST');
      expect(req.url).toBe('/service/SVC123/purge');
      expect(req.headers['fastly-key']).toBe('fastly-secret-key');
      expect(req.headers['surrogate-key']).toBe('home list-latest story-7');
    },
    keysPerRequest: 256,
  },
  {
    name: 'cloudflare',
    make: (base) => createCloudflarePurger(ZONE, 'cf-secret-token', base),
    expectRequest: (req) => {
      expect(req.method).toBe('POST');
      expect(req.url).toBe(`/client/v4/zones/${ZONE}/purge_cache`);
      expect(req.headers.authorization).toBe('Bearer cf-secret-token');
      expect(JSON.parse(req.body)).toEqual({ tags: KEYS });
    },
    keysPerRequest: 100,
  },
  {
    name: 'webhook',
    make: (base) => createWebhookPurger(`${base}/hooks/purge?token=abc`, 'hook-secret'),
    expectRequest: (req) => {
      expect(req.method).toBe('POST');
      expect(req.url).toBe('/hooks/purge?token=abc');
      expect(JSON.parse(req.body)).toEqual({ keys: KEYS });
      expect(req.headers[SIGNATURE_HEADER]).toBe(`sha256=${createHmac('sha256', 'hook-secret').update(req.body).digest('hex')}`);
    },
    keysPerRequest: 10_000, // one request, whatever the length
  },
];

describe.each(CASES)('$name purger', ({ make, expectRequest, keysPerRequest }) => {
  let server: FakePurgeServer;
  beforeEach(async () => {
    server = await startFakePurgeServer();
  });
  afterEach(async () => {
    await server.close();
  });

  it('sends the keys and reports ok on 200', async () => {
    await expect(make(server.url).purge(KEYS)).resolves.toEqual({ kind: 'ok' });
    expect(server.requests).toHaveLength(1);
    expectRequest(server.requests[0]!);
  });

  it.each([
    [500, true],
    [503, true],
    [429, true],
    [401, false],
    [403, false],
  ])('HTTP %i fails, retryable: %s', async (status, retryable) => {
    server.answer({ status });
    await expect(make(server.url).purge(KEYS)).resolves.toEqual({ kind: 'failed', error: `purge: HTTP ${status}`, retryable });
  });

  it('a refused connection fails, retryable, naming the cause', async () => {
    await expect(make(await refusedUrl()).purge(KEYS)).resolves.toEqual({ kind: 'failed', error: 'purge: ECONNREFUSED', retryable: true });
  });

  it('splits a long key list into requests the target accepts, every key once', async () => {
    const many = Array.from({ length: 450 }, (_, i) => `story-${i}`);
    await expect(make(server.url).purge(many)).resolves.toEqual({ kind: 'ok' });
    expect(server.requests).toHaveLength(Math.ceil(many.length / keysPerRequest));
    const sent = server.requests.flatMap((r) => {
      if (r.headers['xkey-purge']) return String(r.headers['xkey-purge']).split(' ');
      if (r.headers['surrogate-key']) return String(r.headers['surrogate-key']).split(' ');
      const body = JSON.parse(r.body) as { tags?: string[]; keys?: string[] };
      return body.tags ?? body.keys ?? [];
    });
    expect(sent).toEqual(many);
  });

  it('names itself without credentials or query', () => {
    const name = make(server.url).name;
    expect(name).not.toMatch(/secret|token/);
  });
});

describe('cloudflare purger', () => {
  it('reads a 200 that says success: false as a failure', async () => {
    const server = await startFakePurgeServer();
    try {
      server.answer({ status: 200, body: '{"success":false,"errors":[{"code":1134,"message":"no"}]}' });
      await expect(createCloudflarePurger(ZONE, 't', server.url).purge(KEYS)).resolves.toEqual({
        kind: 'failed',
        error: 'purge: cloudflare refused (errors 1134)',
        retryable: false,
      });
    } finally {
      await server.close();
    }
  });
});

describe('webhook purger', () => {
  it('sends no signature without a secret', async () => {
    const server = await startFakePurgeServer();
    try {
      await createWebhookPurger(`${server.url}/p`).purge(KEYS);
      expect(server.requests[0]?.headers[SIGNATURE_HEADER]).toBeUndefined();
    } finally {
      await server.close();
    }
  });
});
