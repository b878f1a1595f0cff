// IPTC 7901 message -> WireItem.
import type { WireItem } from '../../../domain/wire-item.ts';
import { agencyFromCode, agencyFromSource } from '../agency-names.ts';
import { takeKeySignals, takeKeyVersion, wireCategories } from '../anpa/take-key.ts';
import { bylineName } from '../nitf/nitf-text.ts';
import type { Iptc7901Message } from './iptc7901-wire.ts';

// dpa ends its English service texts with a notebook (contacts, links, "not for
// publication") and the editors' initials: neither is story text.
const NOTEBOOK = /^#+\s*(?:dpa\s+)?notebook\b/i;
const SIGN_OFF = /^dpa(?:\s+[a-z]{2,4})+$/;

export function adaptIptc7901Message(message: Iptc7901Message): WireItem {
  if (!message.complete) throw new Error('message is cut off (no ETX)');
  const signals = takeKeySignals(message.takeKey);
  return {
    guid: message.keyword,
    title: message.headline ?? '',
    bodyText: toParagraphs(message.textLines).join('\n\n') || undefined,
    author: bylineName(message.byline),
    categories: wireCategories(message.priority, message.category),
    agency: originator(message.headerRest),
    version: takeKeyVersion(message.takeKey),
    pubStatus: signals.includes('kill') ? 'canceled' : undefined,
    signals: signals.length > 0 ? signals : undefined,
  };
}

// Wrapped lines joined; blank lines separate paragraphs; the text stops at a dpa notebook.
function toParagraphs(lines: readonly string[]): readonly string[] {
  const paragraphs: string[] = [];
  let current = '';
  for (const line of lines) {
    const text = line.trim();
    if (NOTEBOOK.test(text)) break;
    if (text === '') {
      if (current !== '') paragraphs.push(current);
      current = '';
    } else current = current === '' ? text : `${current} ${text}`;
  }
  if (current !== '') paragraphs.push(current);
  const last = paragraphs[paragraphs.length - 1];
  if (last !== undefined && paragraphs.length > 1 && SIGN_OFF.test(last)) paragraphs.pop();
  return paragraphs;
}

// The originator is one of the header's trailing fields (`dpa 061`, `dpa-tns 0908`).
function originator(fields: readonly string[]): string | undefined {
  for (const field of fields) {
    const agency = agencyFromSource(field) ?? agencyFromCode(field.split('-')[0]);
    if (agency) return agency;
  }
  return undefined;
}
