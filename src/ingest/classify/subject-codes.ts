// IPTC subject codes and Media Topics (what NewsML-G2 and ninjs items carry as
// `subj:15000000`, `medtop:15000000` or the cv.iptc.org URI) mapped to the demo
// sectors. The agency's editors chose these codes, so they outrank the feed's free-text
// categories and our keyword guess. Top-level codes, plus the few second-level subject
// codes that name a demo sector the top level lumps in with others.

// https://cv.iptc.org/newscodes/subjectcode/ — 8 digits, the first two the top level.
const SUBJECT_DETAIL: Readonly<Record<string, string>> = {
  '04001000': 'agro-forestry', // agriculture
  '04005000': 'energy-extractives', // energy and resource
  '04015000': 'transport', // transport
};
const SUBJECT_TOP: Readonly<Record<string, string>> = {
  '01': 'art-culture', '02': 'law-governance', '04': 'economy-business', '05': 'education', '06': 'science-environment',
  '07': 'health', '09': 'economy-business', '10': 'art-culture', '11': 'politics', '13': 'technology', '14': 'social-gender',
  '15': 'sports', '16': 'politics', '17': 'science-environment',
};
// https://cv.iptc.org/newscodes/mediatopic/ — top-level topics only: lower levels are
// numbered 20000000 and up, with no prefix to read the parent from.
const MEDIA_TOPIC_TOP: Readonly<Record<string, string>> = {
  '01000000': 'art-culture', '02000000': 'law-governance', '04000000': 'economy-business', '05000000': 'education',
  '06000000': 'science-environment', '07000000': 'health', '09000000': 'economy-business', '10000000': 'art-culture',
  '11000000': 'politics', '13000000': 'technology', '14000000': 'social-gender', '15000000': 'sports', '16000000': 'politics',
  '17000000': 'science-environment',
};

const CODE = /(?:^|[/:])(subj|subjectcode|medtop|mediatopic)[:/](\d{8})\b/i;

/** The demo sector an IPTC code names, if any. */
export function sectorForSubject(code: string): string | undefined {
  const m = CODE.exec(code);
  const scheme = m?.[1]?.toLowerCase();
  const number = m?.[2];
  if (!scheme || !number) return undefined;
  if (scheme === 'medtop' || scheme === 'mediatopic') return MEDIA_TOPIC_TOP[number];
  return SUBJECT_DETAIL[number] ?? SUBJECT_TOP[number.slice(0, 2)];
}
