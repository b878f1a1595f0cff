// What wire-text formats (ANPA-1312, IPTC 7901) say about a take in its version field or
// take key: `1stLd-Writethru` (AP), `1ST LEAD`, `REFILE`, `CORRECTION`, `KILL`.

/** A lead's number as the story's version: the 1st lead is version 2, the original being 1. */
export function takeKeyVersion(key: string | undefined): number | undefined {
  const lead = /\b(\d{1,3})\s*(?:st|nd|rd|th)\s*(?:Ld|Lead)\b/i.exec(key ?? '');
  return lead ? Number(lead[1]) + 1 : undefined;
}

/** Signals in publish's short names: `update` for leads, writethrus and refiles, `correction`, `kill`. */
export function takeKeySignals(key: string | undefined): readonly string[] {
  if (!key) return [];
  const signals: string[] = [];
  if (/\b(?:\d+\s*(?:st|nd|rd|th)\s*)?(?:Ld|Lead|Writethru|Update|Refile|Sub)\b/i.test(key)) signals.push('update');
  if (/\bCorrect/i.test(key)) signals.push('correction');
  if (/\b(?:Kill|Elimination|Withdraw)/i.test(key)) signals.push('kill');
  return signals;
}

/** Priority and category codes as categories (`priority:f`, `category:a`), for classify to map. */
export function wireCategories(priority: string | undefined, category: string | undefined): readonly string[] {
  return [priority && `priority:${priority.toLowerCase()}`, category && `category:${category.toLowerCase()}`]
    .filter((c): c is string => typeof c === 'string' && c !== '');
}
