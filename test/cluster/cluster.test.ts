// `serve` with WIREDESK_WORKERS=2 on the embedded store, as a real process: both
// workers answer, a push taken by one worker reaches the other worker's cached home
// page at once (the primary relays the change), /metrics counts every worker's
// requests, and SIGTERM stops the workers and the primary cleanly.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, openStore } from '../../src/store/store.ts';
import { insertSource } from '../../src/store/source-repository.ts';
import { killAll, startServeNode, type ServeNode } from '../support/serve-node.ts';

const TOKEN = 'cluster-test-token-0123456789';
const WIRE = readFileSync(new URL('../../src/ingest/testdata/wire-v1.rss', import.meta.url));
const HEADLINE = 'Flood warnings issued along the Brahmaputra';

/** One request on a connection of its own, so the primary hands it to the next worker. */
function get(base: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, base), { agent: false, headers: { connection: 'close' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function childPids(pid: number): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).map(Number);
  } catch {
    return []; // pgrep exits 1 when there are none
  }
}

describe('serve with two workers on SQLite', () => {
  let dir: string;
  let node: ServeNode;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wiredesk-cluster-'));
    const dbPath = join(dir, 'site.db');
    const store = openStore({ kind: 'sqlite', path: dbPath });
    await migrate(store);
    await insertSource(store.db, { name: 'wire', url: 'push:wire', intervalSeconds: 0, agency: 'PTI', pushToken: TOKEN }, new Date());
    await store.close();
    node = await startServeNode({ name: 'cluster', env: { WIREDESK_DB: dbPath, WIREDESK_WORKERS: '2' }, readyTimeoutMs: 60_000 });
  }, 90_000);

  afterAll(async () => {
    if (node) await killAll([node]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs two workers under the primary, each announced', { timeout: 40_000 }, async () => {
    expect(childPids(node.pid)).toHaveLength(2);
    // The primary may say ready a moment before the second worker's own line is read.
    for (let i = 0; i < 300 && node.logs.filter((l) => l.event === 'worker_ready').length < 2; i++) await new Promise((r) => setTimeout(r, 100));
    expect(node.logs.filter((l) => l.event === 'worker_ready').map((l) => l.worker).sort()).toEqual([1, 2]);
    expect(node.logs.find((l) => l.event === 'ready')).toMatchObject({ workers: 2 });
  });

  it('a push on one worker is on every worker’s home page within a second', async () => {
    // Both workers now hold the home page's data in their caches.
    for (let i = 0; i < 4; i++) expect((await get(node.url, '/')).body).not.toContain(HEADLINE);
    const pushed = await fetch(new URL('/api/ingest/wire', node.url), { method: 'POST', body: WIRE, headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/rss+xml' } });
    expect(pushed.status).toBe(200);
    await new Promise((r) => setTimeout(r, 1000));
    const pages = await Promise.all(Array.from({ length: 6 }, () => get(node.url, '/')));
    expect(pages.map((p) => p.body.includes(HEADLINE))).toEqual([true, true, true, true, true, true]);
  });

  it('/metrics sums the requests of both workers', async () => {
    const before = homeRequests((await get(node.url, '/metrics')).body);
    for (let i = 0; i < 10; i++) await get(node.url, '/');
    const after = homeRequests((await get(node.url, '/metrics')).body);
    // One worker alone would have seen about half of them.
    expect(after - before).toBe(10);
  });

  it('SIGTERM stops both workers and then the primary, with exit code 0', async () => {
    const workers = childPids(node.pid);
    node.kill('SIGTERM');
    const exit = await node.exited;
    expect(exit.code).toBe(0);
    expect(workers.filter((pid) => isAlive(pid))).toEqual([]);
    expect(node.logs.filter((l) => l.event === 'stopped')).toHaveLength(3);
  });
});

function homeRequests(metrics: string): number {
  const line = metrics.split('\n').find((l) => l.startsWith('wiredesk_http_requests_total{route="/",status_class="2xx"}'));
  return line ? Number(line.split(' ').pop()) : 0;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
