// The sector model ingest files stories with: trained from the editors' labels in the
// store (sector_labels), retrained only when a label was added (one small count query a
// feed), so a correction made at the desk shapes the filing as soon as the new model is
// trained: about 1 ms a label, in turns (the event loop keeps serving meanwhile).
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';
import type { Sector } from '../domain/site.ts';
import { listSectorLabels, sectorLabelsVersion } from '../store/geo-repository.ts';
import { trainSectorModelInTurns, type SectorModel } from './classify/sector-model.ts';

interface Trained {
  readonly version: string;
  /** Training gives the event loop turns, so feeds polled meanwhile share one run. */
  readonly model: Promise<SectorModel>;
  /** The labels' version a newer model is being trained for, while this one still serves. */
  readonly next?: string;
}

// Per store handle and sector list (both long-lived objects).
const TRAINED = new WeakMap<Kysely<Database>, WeakMap<readonly Sector[], Trained>>();

/**
 * The model for these sectors, learned from every label in the store; undefined when there
 * are none (the seed model applies). After a new label the previous model keeps answering
 * while the new one trains (about 1 ms a label): a desk page or a poll never waits for it,
 * and the first call after it is ready gets it.
 */
export async function sectorModelFromLabels(db: Kysely<Database>, sectors: readonly Sector[]): Promise<SectorModel | undefined> {
  const version = await sectorLabelsVersion(db);
  if (version.startsWith('0:')) return undefined;
  const bySectors = TRAINED.get(db) ?? new WeakMap<readonly Sector[], Trained>();
  TRAINED.set(db, bySectors);
  const cached = bySectors.get(sectors);
  if (cached?.version === version || cached?.next === version) return cached.model;
  const model = listSectorLabels(db).then((labels) => trainSectorModelInTurns(sectors, labels));
  if (!cached) {
    bySectors.set(sectors, { version, model });
    // A failed read is not kept: the next poll tries again.
    model.catch(() => {
      if (bySectors.get(sectors)?.model === model) bySectors.delete(sectors);
    });
    return model;
  }
  bySectors.set(sectors, { ...cached, next: version });
  model.then(
    () => {
      if (bySectors.get(sectors)?.next === version) bySectors.set(sectors, { version, model });
    },
    () => {
      // Keep the model that works; the next call tries again.
      const current = bySectors.get(sectors);
      if (current?.next === version) bySectors.set(sectors, { version: current.version, model: current.model });
    },
  );
  return cached.model;
}
