import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config/config.ts';
import { migrate, openStore, type Store } from '../../src/store/store.ts';
import { buildApp } from '../../src/web/app.ts';
import { ingestInput } from '../../src/ingest/pipeline.ts';
import { listDemoFiles } from '../../src/demo/demo-wire.ts';

export interface DemoSite {
  readonly url: string;
  readonly app: FastifyInstance;
  readonly store: Store;
  close(): Promise<void>;
}

/** The real app on a loopback port over a fresh database holding the demo wire. */
export async function startDemoSite(): Promise<DemoSite> {
  const dir = mkdtempSync(join(tmpdir(), 'wiredesk-e2e-'));
  const config = loadConfig({ WIREDESK_SITE_NAME: 'Wiredesk Demo', WIREDESK_TIMEZONE: 'Asia/Kolkata', WIREDESK_CONTACT_EMAIL: 'desk@wiredesk.example' });
  const store = openStore({ kind: 'sqlite', path: join(dir, 'e2e.db') });
  await migrate(store);
  for (const file of listDemoFiles()) {
    const run = await ingestInput(file.path, { store, sectors: config.site.sectors, now: () => new Date('2026-11-29T06:00:00Z'), ...(file.agency ? { agency: file.agency } : {}), ...(file.kind ? { kind: file.kind } : {}) });
    if (run.error) throw new Error(run.error);
  }
  const app = await buildApp({ store, config });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: address,
    app,
    store,
    async close() {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
