// `classify explain <story id>`: why a story is filed where it is (by the sector model
// trained from editors' labels, the story's own label left out), and its countries and tags. `classify label <story id> <sector>
// --by NAME`: records an editor's correction in sector_labels and refiles the story, telling
// the serving nodes and caching proxies (cli/announce.ts).
import { parseCommandArgs } from '../args.ts';
import { UsageError } from '../usage.ts';
import { configWithDb, openMigratedStore } from '../context.ts';
import { findStoryById } from '../../store/story-repository.ts';
import { findStoryCountries, findStoryTags, listSectorLabels, refileStory } from '../../store/geo-repository.ts';
import { explainSector } from '../../ingest/classify/index.ts';
import { trainSectorModel } from '../../ingest/classify/sector-model.ts';
import { refiledKeys } from '../../web/surrogate-keys.ts';
import { announceChange } from '../announce.ts';

function storyIdOf(text: string | undefined): number {
  const id = Number(text);
  if (!text || !/^[1-9][0-9]{0,9}$/.test(text) || id > 2_147_483_647) throw new UsageError(`classify: story id must be a positive whole number, got "${text ?? ''}"`);
  return id;
}

export async function runClassify(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('classify', args, { db: { type: 'string' }, by: { type: 'string' } });
  const [action, idText, sector] = positionals;
  if (action !== 'explain' && action !== 'label') throw new UsageError(`classify: expected "explain" or "label", got "${action ?? ''}"`);
  const id = storyIdOf(idText);
  const config = configWithDb(values.db);
  const sectors = config.site.sectors;
  if (action === 'label') {
    if (!sector || !sectors.some((s) => s.slug === sector)) throw new UsageError(`classify label: sector must be one of ${sectors.map((s) => s.slug).join(', ')}`);
    if (!values.by?.trim()) throw new UsageError('classify label: --by NAME is required (who corrected it)');
  }
  const store = await openMigratedStore(config);
  try {
    const story = await findStoryById(store.db, id);
    if (!story) {
      console.error(`classify: no story ${id}`);
      return 1;
    }
    if (action === 'label' && sector && values.by) {
      await refileStory(store.db, { storyId: id, sector, labelledBy: values.by.trim(), labelledAt: new Date().toISOString() });
      if (story.sector !== sector) await announceChange(config, store, { storyIds: [id], keys: refiledKeys(story, sector) });
      console.log(`story ${id}: ${story.sector} -> ${sector}, labelled by ${values.by.trim()}`);
      return 0;
    }
    const labels = await listSectorLabels(store.db);
    // Its own label would only echo the editor back.
    const model = trainSectorModel(sectors, labels.filter((l) => l.storyId !== id));
    const why = explainSector(story, sectors, { model });
    const [countries, tags] = await Promise.all([findStoryCountries(store.db, id), findStoryTags(store.db, id)]);
    console.log(`story ${id}: ${story.headline}`);
    console.log(`sector: ${story.sector} (stored); classifier: ${why.sector} via ${why.via}, score ${why.score}`);
    console.log(`top terms: ${why.terms.join(', ') || '(none)'}`);
    console.log(`countries: ${countries.join(', ') || '(none: Global)'}`);
    console.log(`tags: ${tags.map((t) => `${t.name} (${t.kind})`).join(', ') || '(none)'}`);
    console.log(`learned from ${model.labelled} editor label(s) of other stories`);
    return 0;
  } finally {
    await store.close();
  }
}
