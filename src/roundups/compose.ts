// A roundup article from its briefs: title from the top two headlines, each brief a
// subheading with its lead and a link to the full story. Pure; the body is built from
// escaped text only, so nothing a wire sent can become markup.
import type { RoundupBrief, RoundupTopic } from '../domain/roundup.ts';
import { escapeHtml } from '../lib/html.ts';
import { hashFields } from '../lib/hash.ts';
import { slugify } from '../ingest/normalize/slug.ts';

export interface ComposedRoundup {
  readonly headline: string;
  readonly summary: string;
  readonly bodyHtml: string;
  readonly slug: string;
  readonly contentHash: string;
}

/** A headline inside the title: no closing full stop before the `;`. */
function titlePart(headline: string): string {
  return headline.trim().replace(/[\s.;:,]+$/u, '');
}

/** `{Topic} News Roundup: {headline 1}; {headline 2} and more` ("and more" only when there is more). */
export function roundupHeadline(topicName: string, headlines: readonly string[]): string {
  const top = headlines.slice(0, 2).map(titlePart);
  return `${topicName} News Roundup: ${top.join('; ')}${headlines.length > 2 ? ' and more' : ''}`;
}

export function roundupSummary(topicName: string, count: number): string {
  return `Following is a summary of current ${topicName} news briefs: ${count} ${count === 1 ? 'story' : 'stories'} from the wires, each with a link to the full story.`;
}

/** `absolute` turns a story path into the URL printed in the body (feeds carry bodies elsewhere). */
export function composeRoundup(topic: Pick<RoundupTopic, 'name'>, briefs: readonly RoundupBrief[], absolute: (path: string) => string): ComposedRoundup {
  const headline = roundupHeadline(topic.name, briefs.map((b) => b.headline));
  const summary = roundupSummary(topic.name, briefs.length);
  const parts = [`<p>${escapeHtml(summary)}</p>`];
  for (const b of briefs) {
    parts.push(`<h2>${escapeHtml(b.headline)}</h2>`);
    if (b.summary) parts.push(`<p>${escapeHtml(b.summary)}</p>`);
    const credit = b.agency ? ` (${escapeHtml(b.agency)})` : '';
    parts.push(`<p><a href="${escapeHtml(absolute(b.path))}">Read the full story</a>${credit}</p>`);
  }
  const bodyHtml = parts.join('\n');
  return { headline, summary, bodyHtml, slug: slugify(headline), contentHash: hashFields([headline, summary, bodyHtml]) };
}
