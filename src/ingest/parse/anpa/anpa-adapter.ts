// ANPA-1312 take -> WireItem.
import type { WireItem } from '../../../domain/wire-item.ts';
import { escapeHtml } from '../../../lib/html-text.ts';
import { agencyFromCode } from '../agency-names.ts';
import { bylineName } from '../nitf/nitf-text.ts';
import type { AnpaTake } from './anpa-wire.ts';
import { takeKeySignals, takeKeyVersion, wireCategories } from './take-key.ts';

// Heading lines that are notes to editors, not the headline: photo and video lists, "Eds:".
const EDITORS_LINE = /^\(?(?:AP Photos?|AP Video|AP Graphic|Eds?:|EDITOR'S NOTE|With AP Photo|Editors:|Note:)/i;
// AP's trailer: `AP-WF-11-13-13 1509GMT` (agency, wire, mm-dd-yy, hhmm GMT).
const TRAILER = /\b([A-Z]{2,5})-[A-Z]{1,4}-(\d{2})-(\d{2})-(\d{2}) (\d{2})(\d{2}) ?GMT/;

export function adaptAnpaTake(take: AnpaTake): WireItem {
  if (!take.complete) throw new Error('take is cut off (no ETX)');
  const { headline, author, extra } = readHeading(take.headingLines);
  const lines = [...extra, ...take.bodyLines].map((line) => line.replace(/\s*[<=]\s*$/, ''));
  const paragraphs = take.tabular ? [] : toParagraphs(lines);
  const table = take.tabular ? trimBlankLines(lines.map((line) => line.replace(/^\t {0,3}/, '').trimEnd())) : '';
  const trailer = TRAILER.exec(take.trailer);
  const signals = takeKeySignals(take.version);
  return {
    guid: take.keyword,
    title: headline ?? '',
    bodyText: take.tabular ? table || undefined : paragraphs.join('\n\n') || undefined,
    bodyHtml: table ? `<pre>${escapeHtml(table)}</pre>` : undefined,
    author,
    published: trailer ? trailerDate(trailer) : undefined,
    categories: wireCategories(take.priority, take.category),
    agency: agencyFromCode(trailer?.[1]),
    version: takeKeyVersion(take.version),
    pubStatus: signals.includes('kill') ? 'canceled' : undefined,
    signals: signals.length > 0 ? signals : undefined,
  };
}

// The first heading line that is not a byline or an editors' note is the headline; bylines
// (`By …`, then an affiliation line) give the author; other heading lines are story text
// (an alert or a list of headlines has nothing else).
function readHeading(lines: readonly string[]): { headline?: string; author?: string; extra: readonly string[] } {
  let headline: string | undefined;
  let author: string | undefined;
  const extra: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '' || EDITORS_LINE.test(line)) continue;
    if (/^By\s/i.test(line) && author === undefined) {
      author = bylineName(line);
      if (/^(?:The\s)?Associated Press$|^AP\s/i.test(lines[i + 1] ?? '')) i++;
    } else if (headline === undefined) headline = line;
    else extra.push(`\t${line}`);
  }
  return { headline, author, extra };
}

// A TAB (or a heading line) opens a paragraph, a blank line closes one, other lines continue it.
function toParagraphs(lines: readonly string[]): readonly string[] {
  const paragraphs: string[] = [];
  let current = '';
  for (const line of lines) {
    const text = line.trim();
    if (line.startsWith('\t') || text === '') {
      if (current !== '') paragraphs.push(current);
      current = text;
    } else current = current === '' ? text : `${current} ${text}`;
  }
  if (current !== '') paragraphs.push(current);
  return paragraphs;
}

function trimBlankLines(lines: readonly string[]): string {
  return lines.join('\n').replace(/^\n+|\n+$/g, '');
}

function trailerDate(match: RegExpExecArray): string | undefined {
  const [, , month, day, year, hour, minute] = match.map(Number) as number[];
  const ms = Date.UTC(2000 + year!, month! - 1, day!, hour!, minute!);
  const date = new Date(ms);
  return Number.isNaN(ms) || date.getUTCMonth() !== month! - 1 ? undefined : date.toISOString();
}
