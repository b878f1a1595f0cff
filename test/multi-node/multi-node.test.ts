// Three real `serve` processes on one PostgreSQL database polling a growing local wire:
// each source is polled by one node at a time, every item is published exactly once,
// and when one node is SIGKILLed mid-poll the others take its sources over once its
// leases lapse. Needs WIREDESK_TEST_PG (a server where databases may be created).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { sql } from 'kysely';
import { createTestStore, type TestStore } from '../../src/store/testing/test-stores.ts';
import { insertSource } from '../../src/store/source-repository.ts';
import { CHANNEL } from '../../src/jobs/change-bus.ts';
import { startWireServer, type WireServer, type WireRequest } from '../support/wire-server.ts';
import { killAll, startServeNode, type ServeNode } from '../support/serve-node.ts';

const ADMIN_URL = process.env.WIREDESK_TEST_PG;
if (!ADMIN_URL) console.log('test/multi-node skipped: set WIREDESK_TEST_PG=postgres://… (a server where this test may create a database)');

const FEEDS = 18;
const SLOW_FEEDS = [0, 1, 2];
const SLOW_MS = 1500;
const LEASE_SECONDS = 5;
const NODE_ENV = { WIREDESK_SCHEDULER_TICK_MS: '200', WIREDESK_LEASE_SECONDS: String(LEASE_SECONDS) };

/** Waits for `check` to return a value (not undefined), polling; fails naming `what`. */
async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs: number, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Requests for one URL that overlap in time: the same source polled twice at once. */
function overlappingPolls(requests: readonly WireRequest[]): string[] {
  const byUrl = Map.groupBy(requests, (r) => r.url);
  const found: string[] = [];
  for (const [url, list] of byUrl) {
    const sorted = [...list].sort((a, b) => a.startedAt - b.startedAt);
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1]!;
      if (sorted[i]!.startedAt < prev.endedAt) found.push(`${url} at ${new Date(sorted[i]!.startedAt).toISOString()}`);
    }
  }
  return found;
}

function pidOf(leaseOwner: string): number {
  return Number(leaseOwner.split(':').at(-2));
}

describe.skipIf(!ADMIN_URL)('several serve nodes on one PostgreSQL', () => {
  let testDb: TestStore | undefined;
  let wire: WireServer | undefined;
  let listener: pg.Client | undefined;
  const nodes: ServeNode[] = [];
  const announced = new Set<number>();
  let announcedEverything = false;

  beforeAll(async () => {
    testDb = await createTestStore('postgres');
    wire = await startWireServer({ feeds: FEEDS, initialItems: 2, growEveryMs: 1000, topSize: 40 });
    for (const f of SLOW_FEEDS) wire.setSlow(f, SLOW_MS);
    const now = new Date();
    for (let f = 0; f < FEEDS; f++) await insertSource(testDb.store.db, { name: `feed-${f}`, url: wire.feedUrl(f), intervalSeconds: 1 }, now);
    // Two sources carry the same newest items as the feeds: nodes race to publish them.
    await insertSource(testDb.store.db, { name: 'top', url: wire.feedUrl('top'), intervalSeconds: 1 }, now);
    await insertSource(testDb.store.db, { name: 'top-mirror', url: `${wire.feedUrl('top')}?mirror=1`, intervalSeconds: 2 }, now);
    listener = new pg.Client({ connectionString: testDb.url });
    await listener.connect();
    listener.on('notification', (msg) => {
      const ids = (JSON.parse(msg.payload ?? '{}') as { storyIds?: number[] }).storyIds ?? [];
      if (ids.length === 0) announcedEverything = true;
      for (const id of ids) announced.add(id);
    });
    await listener.query(`LISTEN ${CHANNEL}`);
  });

  afterAll(async () => {
    await killAll(nodes);
    await listener?.end().catch(() => undefined);
    await wire?.close();
    await testDb?.dispose();
  });

  it('publishes every served item exactly once and keeps every source polled after a node is killed', async () => {
    const { store, url: databaseUrl } = testDb!;
    const db = store.db;
    const w = wire!;
    const sourceCount = FEEDS + 2;
    const started = await Promise.allSettled(['node-a', 'node-b', 'node-c'].map((name) => startServeNode({ name, env: { ...NODE_ENV, DATABASE_URL: databaseUrl } })));
    for (const s of started) if (s.status === 'fulfilled') nodes.push(s.value);
    for (const s of started) if (s.status === 'rejected') throw s.reason;
    const startedAt = Date.now();
    const polls = (n: ServeNode, after = 0) => n.logs.filter((l) => l.msg === 'source polled' && Number(l.time) >= after).length;
    const byPid = new Map(nodes.map((n) => [n.pid, n]));

    // Every source succeeded once and every node did some of the work.
    await waitFor(
      'every source polled and every node polling',
      async () => {
        const fresh = await db.selectFrom('sources').select('id').where('last_success_at', 'is', null).execute();
        return fresh.length === 0 && nodes.every((n) => polls(n) > 0) ? true : undefined;
      },
      20_000,
    );

    // Kill a node just after it claimed a slow feed: it dies holding the lease, mid-body.
    const slowNames = SLOW_FEEDS.map((f) => `feed-${f}`);
    const victim = await waitFor(
      'a node mid-poll on a slow feed',
      async () => {
        // Claimed within the last SLOW_MS / 2: the second half of its body is still on its way.
        const fresh = new Date(Date.now() + LEASE_SECONDS * 1000 - SLOW_MS / 2).toISOString();
        const rows = await db
          .selectFrom('sources')
          .select(['lease_owner', 'url'])
          .where('name', 'in', slowNames)
          .where('lease_expires_at', '>', fresh)
          .execute();
        // The lease alone is not enough: the feed may have answered 304 at once, or the
        // request may not have gone out yet. Its body must be half sent right now.
        const mid = w.midBody();
        const row = rows.find((r) => r.lease_owner !== null && mid.has(new URL(r.url).pathname + new URL(r.url).search));
        return row?.lease_owner ? byPid.get(pidOf(row.lease_owner)) : undefined;
      },
      20_000,
      25,
    );
    victim.kill('SIGKILL');
    const killAt = Date.now();
    await victim.exited;
    const killIso = new Date(killAt).toISOString();
    const stranded = await db
      .selectFrom('sources')
      .select(['name', 'lease_owner'])
      .where('lease_owner', 'like', `%:${victim.pid}:%`)
      .where('lease_expires_at', '>', killIso)
      .execute();
    expect(stranded.length, 'the kill landed while the node held leases').toBeGreaterThan(0);
    const cutOff = () => w.requests().filter((r) => r.outcome === 'aborted' && r.endedAt >= killAt - 1000);
    await expect.poll(() => cutOff().length, { message: 'the kill cut a feed response off mid-body' }).toBeGreaterThan(0);
    const survivors = nodes.filter((n) => n !== victim);

    // Recovery: every source, the stranded ones included, succeeds again after the kill.
    const recoveredAt = await waitFor(
      'every source polled again after the kill',
      async () => {
        const behind = await db
          .selectFrom('sources')
          .select('id')
          .where((eb) => eb.or([eb('last_success_at', 'is', null), eb('last_success_at', '<=', killIso)]))
          .execute();
        return behind.length === 0 ? Date.now() : undefined;
      },
      LEASE_SECONDS * 1000 + 25_000,
    );
    for (const n of survivors) expect(n.hasExited(), `${n.name} died:\n${n.tail()}`).toBe(false);

    // Let the wire grow a little longer, then freeze it and let the nodes catch up.
    await new Promise((r) => setTimeout(r, 2000));
    w.stopGrowing();
    const created = new Set(w.items().map((i) => `guid:${i.guid}`));
    const caughtUpAt = await waitFor(
      'every wire item published',
      async () => {
        const { n } = await db.selectFrom('stories').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
        return Number(n) >= created.size ? Date.now() : undefined;
      },
      30_000,
    );

    // With nothing new, the stored validators turn every poll into a 304 (RFC 9110 §13).
    const urls = [...new Set(w.requests().map((r) => r.url))];
    expect(urls).toHaveLength(sourceCount);
    await waitFor(
      'a 304 for every source once the wire stopped',
      async () => (urls.every((u) => w.requests().some((r) => r.url === u && r.outcome === 304 && r.startedAt > caughtUpAt)) ? true : undefined),
      15_000,
    );

    // The change bus reached the surviving nodes: their front page shows the newest story
    // (the newest that leads its event: lists show another report of an event under its lead).
    const newest = await db.selectFrom('stories').select(['id', 'headline']).where('cluster_id', 'is', null).orderBy('created_at', 'desc').orderBy('id', 'desc').executeTakeFirstOrThrow();
    for (const n of survivors) {
      await waitFor(`${n.name}'s front page to show "${newest.headline}"`, async () => ((await (await fetch(`${n.url}/`)).text()).includes(newest.headline) ? true : undefined), 10_000, 200);
    }

    // Graceful stop: both exit 0.
    for (const n of survivors) n.kill('SIGTERM');
    const exits = await Promise.all(survivors.map((n) => n.exited));
    for (const [i, e] of exits.entries()) expect(e, `${survivors[i]!.name}:\n${survivors[i]!.tail()}`).toEqual({ code: 0, signal: null });

    // Exactly once: one story per identity, the identities are exactly the wire's items,
    // and every one of those went out in a complete response at least once.
    const dupes = await db.selectFrom('stories').select(['identity', (eb) => eb.fn.countAll<string>().as('n')]).groupBy('identity').having((eb) => eb.fn.countAll(), '>', 1).execute();
    expect(dupes).toEqual([]);
    const identities = (await db.selectFrom('stories').select(['id', 'identity']).execute());
    expect(new Set(identities.map((s) => s.identity))).toEqual(created);
    expect(new Set([...w.served()].map((g) => `guid:${g}`))).toEqual(created);

    // No source was polled by two nodes at once (the killed node's request was cut off
    // before the lease lapsed), and each source ended unleased or with a lapsed lease.
    expect(overlappingPolls(w.requests())).toEqual([]);
    const sources = await db.selectFrom('sources').selectAll().execute();
    expect(sources).toHaveLength(sourceCount);
    const nowIso = new Date().toISOString();
    const stillLeased = sources.filter((s) => s.lease_owner !== null && s.lease_expires_at !== null && s.lease_expires_at > nowIso).map((s) => s.name);

    expect(stillLeased).toEqual([]);
    expect(sources.filter((s) => s.last_error !== null).map((s) => `${s.name}: ${s.last_error}`)).toEqual([]);

    // Every story was announced on the change bus.
    const unannounced = identities.filter((s) => !announced.has(Number(s.id)));
    if (!announcedEverything) expect(unannounced.map((s) => s.identity)).toEqual([]);

    const problems = survivors.flatMap((n) =>
      n.logs
        .filter((l) => l.event === 'source_crashed' || l.event === 'scheduler_failed' || l.event === 'change_bus_error')
        .map((l) => `${n.name} ${l.event} source ${l.source_id}: ${(l.err as { message?: string } | undefined)?.message}`),
    );
    expect(problems).toEqual([]);

    // Publish races lost to another node show as rolled-back transactions (then retried).
    const stats = await sql<{ rollbacks: string }>`SELECT xact_rollback AS rollbacks FROM pg_stat_database WHERE datname = current_database()`.execute(db);

    const afterKill = survivors.map((n) => `${n.name} ${polls(n, killAt)}`).join(', ');
    console.log(
      `multi-node: items served ${w.served().size}, stories published ${identities.length}, duplicates ${dupes.length}, ` +
        `recovered ${((recoveredAt - killAt) / 1000).toFixed(1)} s after SIGKILL of ${victim.name} (lease ${LEASE_SECONDS} s; it held ${stranded.map((s) => s.name).join(' ')} and was mid-body on ${cutOff().map((r) => r.url).join(' ')}), ` +
        `caught up ${((caughtUpAt - w.items().at(-1)!.publishedAt.getTime()) / 1000).toFixed(1)} s after the last item, ` +
        `rolled-back transactions ${stats.rows[0]?.rollbacks}, wire requests ${w.requests().length} (304: ${w.requests().filter((r) => r.outcome === 304).length}), polls after the kill: ${afterKill}, ` +
        `run ${((Date.now() - startedAt) / 1000).toFixed(1)} s`,
    );
  }, 90_000);
});
