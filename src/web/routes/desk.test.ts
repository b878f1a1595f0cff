// The desk: sign-in, the wire as filed with the classifier's top terms, refiling a story
// (a label the classifier learns from), and what a refiling tells the rest of the site.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import { createTestStore, testEngines, type TestStore } from '../../store/testing/test-stores.ts';
import { insertStory } from '../../store/story-repository.ts';
import { addEditor } from '../../store/desk-repository.ts';
import { listSectorLabels } from '../../store/geo-repository.ts';
import { BROWSER_UA, storyRow, testConfig, textOf } from '../testing/web-fixtures.ts';

const ORIGIN = 'https://news.example';
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

describe.each(testEngines())('the desk on %s', (engine) => {
  let t: TestStore;
  let app: FastifyInstance;
  let token: string;
  const edited: { storyIds: readonly number[]; keys: readonly string[] }[] = [];

  const post = (url: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url, payload: form(fields), headers: { host: 'news.example', origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded', 'user-agent': BROWSER_UA, ...headers } });
  const get = (url: string, cookie?: string) => app.inject({ method: 'GET', url, headers: { host: 'news.example', 'user-agent': BROWSER_UA, ...(cookie ? { cookie } : {}) } });
  const signIn = async (): Promise<string> => {
    const res = await post('/desk/login', { name: 'Asha Rao', token });
    expect(res.statusCode).toBe(303);
    const cookie = String(res.headers['set-cookie']);
    return cookie.split(';')[0] ?? '';
  };

  beforeEach(async () => {
    t = await createTestStore(engine);
    edited.length = 0;
    app = await buildApp({ store: t.store, config: testConfig(), onEdited: (change) => edited.push(change) });
    token = await addEditor(t.store.db, 'Asha Rao', new Date());
    await insertStory(
      t.store.db,
      storyRow(1, { headline: 'Measles vaccine drive reaches remote villages', summary: 'Health workers gave vaccine doses to children as measles cases rose.', sector: 'health' }),
    );
    await insertStory(t.store.db, storyRow(2, { headline: 'Court jails former minister for graft', summary: 'The judge sentenced him after a corruption trial.', sector: 'politics' }));
  });
  afterEach(async () => {
    await app.close();
    await t.dispose();
  });

  it('sends a reader who is not signed in to the sign-in form, never caching a desk page', async () => {
    const res = await get('/desk');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/desk/login');
    const login = await get('/desk/login');
    expect(login.statusCode).toBe(200);
    expect(login.headers['cache-control']).toBe('no-store');
    expect(login.body).toContain('<form method="post" action="/desk/login"');
    expect((await get('/desk/story/1')).headers.location).toBe('/desk/login');
  });

  it('refuses a wrong token, and a sign-in posted from another site', async () => {
    const wrong = await post('/desk/login', { name: 'Asha Rao', token: `${token}x` });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('Unknown name or token.');
    expect(wrong.headers['set-cookie']).toBeUndefined();
    const elsewhere = await post('/desk/login', { name: 'Asha Rao', token }, { origin: 'https://evil.example' });
    expect(elsewhere.statusCode).toBe(403);
    const unnamed = await app.inject({ method: 'POST', url: '/desk/login', payload: form({ name: 'Asha Rao', token }), headers: { host: 'news.example', 'content-type': 'application/x-www-form-urlencoded' } });
    expect(unnamed.statusCode).toBe(403);
  });

  it('pages the wire 50 stories at a time, keeping the sector', async () => {
    for (let n = 3; n <= 55; n++) await insertStory(t.store.db, storyRow(n % 60, { identity: `guid:p${n}`, content_hash: `p${n}`, slug: `p-${n}`, sector: 'politics' }));
    const cookie = await signIn();
    const first = await get('/desk', cookie);
    expect(first.body.match(/<tr>|<tr class/g)?.length).toBe(51);
    expect(first.body).toContain('<a rel="next" href="/desk?page=2">Older</a>');
    expect(first.body).not.toContain('rel="prev"');
    const second = await get('/desk?page=2', cookie);
    expect(second.body.match(/<tr>|<tr class/g)?.length).toBe(1 + 5);
    expect(second.body).toContain('<a rel="prev" href="/desk">Newer</a>');
    expect(second.body).not.toContain('rel="next"');
    const politics = await get('/desk?sector=politics', cookie);
    expect(politics.body).toContain('<a rel="next" href="/desk?sector=politics&amp;page=2">Older</a>');
    expect((await get('/desk?page=0', cookie)).statusCode).toBe(400);
    expect((await get('/desk?page=x', cookie)).statusCode).toBe(400);
  });

  it('lets an address try 10 sign-ins a minute, then answers 429', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 11; i++) codes.push((await post('/desk/login', { name: 'Asha Rao', token: `guess${i}` })).statusCode);
    expect(codes).toEqual([...Array<number>(10).fill(401), 429]);
  });

  it('signs in with a cookie only the desk sees, lists the wire with the classifier’s top terms, and signs out', async () => {
    const res = await post('/desk/login', { name: 'Asha Rao', token });
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/^wiredesk_desk=[A-Za-z0-9_-]{43}; Path=\/desk; HttpOnly; SameSite=Strict; Max-Age=43200; Secure$/);
    const cookie = setCookie.split(';')[0] ?? '';
    const list = await get('/desk', cookie);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Asha Rao');
    const rowOf = (html: string, headline: string) => html.split('<tr').find((r) => r.includes(headline)) ?? '';
    const row = rowOf(list.body, 'Measles vaccine drive');
    expect(textOf(row, /<td>(Health)<\/td>/)).toBe('Health');
    // How the classifier filed it, and on which words.
    expect(row).toMatch(/Health <small>by text classifier<\/small><small>: [^<]*(measle|vaccine)/);
    expect(row).not.toContain('differs');
    const politics = await get('/desk?sector=politics', cookie);
    expect(politics.body).toContain('Court jails former minister');
    // Filed under Politics, read as a court story: the row says so in words, not only by colour.
    const court = rowOf(politics.body, 'Court jails former minister');
    expect(court).toMatch(/^ class="desk-differs">/);
    expect(court).toContain('<strong class="desk-flag"> differs</strong>');
    expect(politics.body).not.toContain('Measles vaccine drive');
    const out = await post('/desk/logout', {}, { cookie });
    expect(out.statusCode).toBe(303);
    expect(String(out.headers['set-cookie'])).toContain('Max-Age=0');
    expect((await get('/desk', cookie)).headers.location).toBe('/desk/login');
  });

  it('refiles a story: a label by the editor, the new sector, the old address redirecting, and the rest of the site told', async () => {
    const cookie = await signIn();
    const page = await get('/desk/story/2', cookie);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<form method="post" action="/desk/story/2/sector"');
    expect(page.body).toContain('No editor has filed it yet.');
    // Decided by its words: no second reading. One decided by a category shows the text's own.
    expect(page.body).not.toContain('the text alone');
    await insertStory(t.store.db, storyRow(3, { headline: 'A clinic opens beside the stadium', summary: 'Notes from the weekend.', categories: '["Sport"]', sector: 'sports' }));
    expect((await get('/desk/story/3', cookie)).body).toMatch(/Sports <small>by feed categories<\/small><small>: Sport<\/small>.*the text alone: <span class="desk-why">[^<]+<small>by text classifier<\/small><small>: [^<]*(clinic|stadium)/s);
    // From another site: refused, nothing changed.
    expect((await post('/desk/story/2/sector', { sector: 'law-governance' }, { cookie, origin: 'https://evil.example' })).statusCode).toBe(403);
    expect(await listSectorLabels(t.store.db)).toEqual([]);
    const refiled = await post('/desk/story/2/sector', { sector: 'law-governance' }, { cookie });
    expect(refiled.statusCode).toBe(303);
    expect(refiled.headers.location).toBe('/desk/story/2?filed=law-governance');
    const after = await get('/desk/story/2?filed=law-governance', cookie);
    expect(after.body).toContain('Filed under Law &amp; Governance. The classifier learns from it.');
    expect(after.body).toMatch(/<li>Law &amp; Governance by Asha Rao, \d{4}-\d\d-\d\d \d\d:\d\d UTC<\/li>/);
    expect((await listSectorLabels(t.store.db)).map((l) => [l.storyId, l.sector])).toEqual([[2, 'law-governance']]);
    const old = await get('/article/politics/2-headline-number-2');
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toContain('/article/law-governance/2-headline-number-2');
    expect(edited).toHaveLength(1);
    expect(edited[0]?.storyIds).toEqual([2]);
    expect(edited[0]?.keys).toEqual(expect.arrayContaining(['story-2', 'list-sector-politics', 'list-sector-law-governance', 'home', 'list-latest']));
    // The same sector again is a label, not a change to tell anyone about.
    await post('/desk/story/2/sector', { sector: 'law-governance' }, { cookie });
    expect(edited).toHaveLength(1);
  });

  it('answers a bad sector, a missing story and an ended session clearly, changing nothing', async () => {
    const cookie = await signIn();
    const bad = await post('/desk/story/2/sector', { sector: 'gossip' }, { cookie });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("&quot;gossip&quot; is not one of the site's sectors.");
    expect((await post('/desk/story/99/sector', { sector: 'health' }, { cookie })).statusCode).toBe(404);
    expect((await get('/desk/story/abc', cookie)).statusCode).toBe(404);
    const ended = await post('/desk/story/2/sector', { sector: 'health' }, { cookie: 'wiredesk_desk=made-up' });
    expect(ended.statusCode).toBe(401);
    expect(await listSectorLabels(t.store.db)).toEqual([]);
    expect(edited).toEqual([]);
  });
});
