// Versioned migrations, one file each, applied in name order by Kysely's Migrator.
// Each migration is written once for both engines; the only dialect differences
// (identity columns) go through ./column-types.ts.
import type { Migration, MigrationProvider } from 'kysely/migration';
import type { Engine } from '../engine.ts';
import { initial } from './0001-initial.ts';
import { leases } from './0002-leases.ts';
import { agencyIndex } from './0003-agency-index.ts';
import { versions } from './0004-versions.ts';
import { pushSources } from './0005-push-sources.ts';
import { search } from './0006-search.ts';
import { sourceHealth } from './0007-source-health.ts';
import { websub } from './0008-websub.ts';
import { rateLimits } from './0009-rate-limits.ts';
import { geo } from './0012-geo.ts';
import { viewReaders } from './0013-view-readers.ts';
import { clusters } from './0014-clusters.ts';
import { storyKinds } from './0015-story-kinds.ts';
import { roundups } from './0016-roundups.ts';
import { clusterIndex } from './0017-cluster-index.ts';
import { tagRecency } from './0018-tag-recency.ts';
import { countryRecency } from './0019-country-recency.ts';
import { changeNotes } from './0020-change-notes.ts';
import { searchInline } from './0021-search-inline.ts';
import { leadIndexes } from './0022-lead-indexes.ts';
import { desk } from './0023-desk.ts';

export function migrationProvider(engine: Engine): MigrationProvider {
  return {
    getMigrations: async (): Promise<Record<string, Migration>> => ({
      '0001-initial': initial(engine),
      '0002-leases': leases(),
      '0003-agency-index': agencyIndex(),
      '0004-versions': versions(engine),
      '0005-push-sources': pushSources(),
      '0006-search': search(engine),
      '0007-source-health': sourceHealth(),
      '0008-websub': websub(engine),
      '0009-rate-limits': rateLimits(),
      '0012-geo': geo(engine),
      '0013-view-readers': viewReaders(),
      '0014-clusters': clusters(engine),
      '0015-story-kinds': storyKinds(),
      '0016-roundups': roundups(),
      '0017-cluster-index': clusterIndex(),
      '0018-tag-recency': tagRecency(),
      '0019-country-recency': countryRecency(),
      '0020-change-notes': changeNotes(engine),
      '0021-search-inline': searchInline(engine),
      '0022-lead-indexes': leadIndexes(engine),
      '0023-desk': desk(engine),
    }),
  };
}
