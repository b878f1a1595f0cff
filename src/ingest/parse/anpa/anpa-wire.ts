// ANPA-1312 takes (as AP and others transmit them) as they come over the wire.
//
//   SYN SYN SOH <service level><message number 4> US <selector codes> LF
//   <priority> SP <category> <format DC3|DC4><DC1|DC2> SP <keyword ≤24> SP <version> <mm-dd> SP <word count> LF
//   STX ^<keyword line>< LF ^<headline>< LF ^By <byline>= LF … TAB <paragraph> LF … ETX <trailer> EOT
//
// In the text, `^` opens a heading line and `<` (quad left) or `=` (quad centre) ends one;
// a TAB opens a paragraph. DC4 (tabular) or DC2 marks a take whose layout must be kept.
import { wireLines, type FramedMessage } from './wire-framing.ts';

export interface AnpaTake {
  readonly complete: boolean;
  readonly serviceLevel?: string;
  readonly messageNumber?: string;
  readonly priority?: string;
  readonly category?: string;
  readonly tabular: boolean;
  readonly keyword?: string;
  /** The version field (`1stLd-Writethru`), when there is one. */
  readonly version?: string;
  readonly fileDate?: string;
  /** Heading lines (without `^` and the quad code) before the first paragraph, keyword line excluded. */
  readonly headingLines: readonly string[];
  /** Paragraph lines of the text, in order; empty strings separate paragraphs. */
  readonly bodyLines: readonly string[];
  readonly trailer: string;
}

const FIRST_LINE = /^\s*([A-Za-z])(\d{4})(?:\x1f(.*))?/;
const SECOND_LINE = /^\s*([a-z])\s([a-z]{1,2})([\x12-\x14]?)([\x11\x12]?)\s*(\S+)(?:\s+(.*?))?\s+(\d{1,2}-\d{1,2})\s+(\d{1,4})\s*$/i;

export function readAnpaTake(message: FramedMessage): AnpaTake {
  const [first = '', second = ''] = message.heading.split(/\r?\n/).filter((line) => line.trim() !== '');
  const one = FIRST_LINE.exec(first);
  const two = SECOND_LINE.exec(second);
  const lines = wireLines(message.text);
  const keyword = two?.[5];
  const start = isKeywordLine(lines[0], keyword) ? 1 : 0;
  const headingLines: string[] = [];
  let i = start;
  for (; i < lines.length && /^\s*\^/.test(lines[i]!) && !lines[i]!.startsWith('\t'); i++) headingLines.push(headingText(lines[i]!));
  return {
    complete: message.complete,
    serviceLevel: one?.[1],
    messageNumber: one?.[2],
    priority: two?.[1],
    category: two?.[2],
    tabular: two?.[3] === '\x14' || two?.[4] === '\x12',
    keyword,
    version: two?.[6]?.trim() || undefined,
    fileDate: two?.[7],
    headingLines,
    bodyLines: lines.slice(i).map((line) => (line.trim() === '' ? '' : line.replace(/^\^/, ''))),
    trailer: message.trailer,
  };
}

// The text repeats the keyword in full on its first line: `^BC-LT--Argentina-Cancer Beauty,466<`.
function isKeywordLine(line: string | undefined, keyword: string | undefined): boolean {
  if (line === undefined || !line.trimStart().startsWith('^')) return false;
  return (keyword !== undefined && line.includes(keyword.slice(0, 5))) || /,\s*\d*\s*<\s*$/.test(line);
}

function headingText(line: string): string {
  return line.trim().replace(/^\^/, '').replace(/[<=]\s*$/, '').trim();
}
