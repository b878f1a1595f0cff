// IPTC 7901 messages (as dpa and others transmit them) as they come over the wire.
//
//   SOH <source><message number> SP <priority> SP <category> SP <word count> SP <optional fields> LF
//   LF <keyword>/ LF
//   STX [<take key lines> LF] <headline> [LF By <byline>] SP = LF LF <text …> ETX <ddhhmm GMT Mon dd> EOT
//
// The ` =` ends the heading; text paragraphs are separated by blank lines and wrapped.
import { wireLines, type FramedMessage } from '../anpa/wire-framing.ts';

export interface Iptc7901Message {
  readonly complete: boolean;
  readonly source?: string;
  readonly messageNumber?: string;
  readonly priority?: string;
  readonly category?: string;
  /** Header fields after the word count (`ccccb dpa 061`): selectors, originator, sequence. */
  readonly headerRest: readonly string[];
  readonly keyword?: string;
  readonly takeKey?: string;
  readonly headline?: string;
  readonly byline?: string;
  readonly textLines: readonly string[];
}

const HEADER = /^\s*([A-Za-z]*)(\d+)\s+(\d)\s+([A-Za-z]{1,3})\s+(\d+)\s*(.*)$/;
// The heading ends at the first line closed by ` =` within its first few lines.
const MAX_HEADING_LINES = 6;

export function readIptc7901Message(message: FramedMessage): Iptc7901Message {
  const headingLines = wireLines(message.heading).filter((line) => line.trim() !== '');
  const header = HEADER.exec(headingLines[0] ?? '');
  const keywordLine = headingLines.slice(1).find((line) => line.trim() !== '');
  const lines = wireLines(message.text);
  const end = lines.slice(0, MAX_HEADING_LINES).findIndex((line) => /\s*=\s*$/.test(line));
  const heading = (end < 0 ? lines.slice(0, 1) : lines.slice(0, end + 1)).map((line) => line.replace(/\s*=\s*$/, '').trim());
  const hasByline = heading.length > 1 && /^By\s/i.test(heading[heading.length - 1]!);
  const headlineAt = heading.length - (hasByline ? 2 : 1);
  return {
    complete: message.complete,
    source: header?.[1] || undefined,
    messageNumber: header?.[2],
    priority: header?.[3],
    category: header?.[4],
    headerRest: (header?.[6] ?? '').split(/\s+/).filter((field) => field !== ''),
    keyword: keywordLine?.trim().replace(/\/+$/, '') || undefined,
    takeKey: heading.slice(0, Math.max(0, headlineAt)).join(' ') || undefined,
    headline: heading[headlineAt] || undefined,
    byline: hasByline ? heading[heading.length - 1] : undefined,
    textLines: lines.slice(heading.length),
  };
}
