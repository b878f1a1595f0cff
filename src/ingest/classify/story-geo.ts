// Countries and tags for one story draft: what publish stores beside its sector.
import type { StoryDraft } from '../../domain/story.ts';
import { htmlPrefix, htmlToText } from '../../lib/html.ts';
import { detectCountries } from './geo/country-mentions.ts';
import type { Tag, Tagger } from './tags.ts';

export interface DraftGeo {
  readonly countries: readonly string[];
  readonly tags: readonly Tag[];
}

// The lead decides what a story is about; the rest costs time and adds passing mentions.
const LEAD_CHARS = 3000;

export function classifyGeo(draft: Pick<StoryDraft, 'headline' | 'summary' | 'bodyHtml' | 'categories' | 'datelineCity'>, tagger: Tagger): DraftGeo {
  const bodyText = htmlToText(htmlPrefix(draft.bodyHtml, LEAD_CHARS));
  const text = { headline: draft.headline, summary: draft.summary, bodyText, datelineCity: draft.datelineCity, categories: draft.categories };
  return { countries: detectCountries(text), tags: tagger(text) };
}
