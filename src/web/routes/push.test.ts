import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWeb, type WebHarness } from '../testing/web-fixtures.ts';
import { testEngines } from '../../store/testing/test-stores.ts';
import { insertSource } from '../../store/source-repository.ts';
import { listStories } from '../../store/story-lists.ts';

const WIRE = readFileSync(new URL('../../ingest/testdata/wire-v1.rss', import.meta.url));
const TOKEN = 'push-token-for-tests-0123456789';

describe.each(testEngines())('POST /api/ingest/{source} on %s', (engine) => {
  let w: WebHarness;
  beforeEach(async () => {
    w = await startWeb(engine);
    await insertSource(w.t.store.db, { name: 'pti-push', url: 'push:pti-push', intervalSeconds: 300, agency: 'PTI', pushToken: TOKEN }, new Date());
    await insertSource(w.t.store.db, { name: 'polled', url: 'https://wire.example/feed', intervalSeconds: 300 }, new Date());
  });
  afterEach(async () => {
    await w.close();
  });

  const push = (source: string, body: Buffer | string, headers: Record<string, string>) =>
    w.app.inject({ method: 'POST', url: `/api/ingest/${source}`, payload: body, headers: { 'content-type': 'application/rss+xml', ...headers } });

  it('a bearer-authenticated push publishes and answers per item; a repeat is unchanged', async () => {
    const res = await push('pti-push', WIRE, { authorization: `Bearer ${TOKEN}` });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ new: number; rejected: number; items: { outcome: string; status: string; url: string }[] }>();
    expect(body).toMatchObject({ new: 2, updated: 0, unchanged: 0, rejected: 1 });
    expect(body.items.map((i) => [i.outcome, i.status])).toEqual([['new', 'published'], ['new', 'published']]);
    const article = await w.get(body.items[0]!.url);
    expect(article.statusCode).toBe(301);
    expect((await w.get(article.headers.location as string)).statusCode).toBe(200);
    const again = await push('pti-push', WIRE, { authorization: `Bearer ${TOKEN}` });
    expect(again.json()).toMatchObject({ new: 0, updated: 0, unchanged: 2 });
    expect(await listStories(w.t.store.db, {}, { limit: 10 })).toHaveLength(2);
  });

  it('accepts an HMAC-SHA256 signature of the body instead of the token', async () => {
    const signature = `sha256=${createHmac('sha256', TOKEN).update(WIRE).digest('hex')}`;
    expect((await push('pti-push', WIRE, { 'x-wiredesk-signature': signature })).statusCode).toBe(200);
  });

  it.each([
    ['no credentials', {}, 401],
    ['a wrong token', { authorization: 'Bearer nope' }, 401],
    ['a signature over other bytes', { 'x-wiredesk-signature': `sha256=${createHmac('sha256', TOKEN).update('other').digest('hex')}` }, 401],
  ])('refuses %s and stores nothing', async (_name, headers, status) => {
    const res = await push('pti-push', WIRE, headers);
    expect(res.statusCode).toBe(status);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="wiredesk"');
    expect(await listStories(w.t.store.db, {}, { limit: 10 })).toEqual([]);
  });

  it('404 for an unknown or polled source, 422 for a body that is not a feed, with the reason', async () => {
    expect((await push('nobody', WIRE, { authorization: `Bearer ${TOKEN}` })).statusCode).toBe(404);
    expect((await push('polled', WIRE, { authorization: `Bearer ${TOKEN}` })).statusCode).toBe(404);
    const bad = await push('pti-push', '<rss><channel><item><title>cut', { authorization: `Bearer ${TOKEN}` });
    expect(bad.statusCode).toBe(422);
    expect(bad.json<{ error: string }>().error).toMatch(/^parse/);
  });

  it('never shows the token in the source list', async () => {
    const res = await w.get('/');
    expect(res.body).not.toContain(TOKEN);
  });
});
