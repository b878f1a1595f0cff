// Countries and tags for one story draft: what publish stores beside its sector.
import type { StoryDraft } from '../../domain/story.ts';
import { detectCountries } from './geo/country-mentions.ts';
import { gazetteer } from './geo/gazetteer.ts';
import { storyLead } from './sector-model.ts';
import { mergeTags, slugifyTag, subjectTags, type Tag, type Tagger } from './tags.ts';

export interface DraftGeo {
  readonly countries: readonly string[];
  readonly tags: readonly Tag[];
}

/**
 * Without a tagger (the ingest default), tags are the story's countries and the feed's
 * subject categories: well under a millisecond. With compromise's tagger (tags.ts) people
 * and organisations come too, at about 8 ms a story.
 */
export function classifyGeo(
  draft: Pick<StoryDraft, 'headline' | 'summary' | 'bodyHtml' | 'categories' | 'datelineCity'>,
  tagger?: Tagger,
  /** The body's lead as plain text (sector-model.ts storyLead), when the caller already has it. */
  leadText?: string,
): DraftGeo {
  const bodyText = leadText ?? storyLead(draft.bodyHtml);
  const text = { headline: draft.headline, summary: draft.summary, bodyText, datelineCity: draft.datelineCity, categories: draft.categories };
  const countries = detectCountries(text);
  if (tagger) return { countries, tags: tagger(text) };
  const names = gazetteer().countryNames;
  const places = countries.map((code): Tag => {
    const name = names.get(code) ?? code;
    return { slug: slugifyTag(name), name, kind: 'place' };
  });
  return { countries, tags: mergeTags(places, subjectTags(draft.categories)) };
}
