import { collapseWhitespace } from '../../lib/text.ts';

// How agencies write their own names, and how the site credits them. Keys are lower
// case with dots removed ("A.P." -> "ap"). A hand-written list: agency credits are a
// short, slow-moving set, and a wrong guess here shows on every byline.
const AGENCY_NAMES: ReadonlyMap<string, string> = new Map([
  ['reuters', 'Reuters'], ['thomson reuters', 'Reuters'], ['reuters news', 'Reuters'], ['reuters health', 'Reuters'],
  ['reuters breakingviews', 'Reuters'], ['thomson reuters foundation', 'Thomson Reuters Foundation'],
  ['pti', 'PTI'], ['press trust of india', 'PTI'],
  ['ians', 'IANS'], ['indo-asian news service', 'IANS'], ['indo asian news service', 'IANS'],
  ['ani', 'ANI'], ['asian news international', 'ANI'],
  ['uni', 'UNI'], ['united news of india', 'UNI'],
  ['ap', 'AP'], ['associated press', 'AP'], ['the associated press', 'AP'],
  ['afp', 'AFP'], ['agence france-presse', 'AFP'], ['agence france presse', 'AFP'], ['afp-jiji', 'AFP'],
  ['dpa', 'dpa'], ['deutsche presse-agentur', 'dpa'], ['deutsche presse agentur', 'dpa'],
  ['un news', 'UN News'], ['united nations news', 'UN News'], ['un news centre', 'UN News'],
  ['xinhua', 'Xinhua'], ['xinhua news agency', 'Xinhua'], ['kyodo', 'Kyodo'], ['kyodo news', 'Kyodo'],
  ['yonhap', 'Yonhap'], ['bernama', 'Bernama'], ['wam', 'WAM'], ['spa', 'SPA'], ['qna', 'QNA'], ['kuna', 'KUNA'],
  ['app', 'APP'], ['associated press of pakistan', 'APP'], ['aa', 'Anadolu'], ['anadolu', 'Anadolu'],
  ['anadolu agency', 'Anadolu'], ['tass', 'TASS'], ['itar-tass', 'TASS'], ['ria', 'RIA Novosti'],
  ['ria novosti', 'RIA Novosti'], ['interfax', 'Interfax'], ['sputnik', 'Sputnik'], ['efe', 'EFE'],
  ['ansa', 'ANSA'], ['aap', 'AAP'], ['australian associated press', 'AAP'], ['bss', 'BSS'], ['unb', 'UNB'],
  ['rss', 'RSS'], ['irna', 'IRNA'], ['sana', 'SANA'], ['mena', 'MENA'], ['pna', 'PNA'], ['cna', 'CNA'],
  ['lusa', 'Lusa'], ['belga', 'Belga'], ['apa', 'APA'], ['ats', 'ATS'], ['ntb', 'NTB'], ['stt', 'STT'],
  ['tt', 'TT'], ['ritzau', 'Ritzau'], ['ctk', 'CTK'], ['jiji', 'Jiji'], ['jiji press', 'Jiji'],
  ['bloomberg', 'Bloomberg'], ['upi', 'UPI'], ['ips', 'IPS'], ['inter press service', 'IPS'],
  ['wenn', 'WENN'], ['pa', 'PA'], ['pa media', 'PA'], ['press association', 'PA'],
]);

function agencyKey(name: string): string {
  return collapseWhitespace(name)
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\.(?:com|org|net|int|de|fr|in|co\.uk)(?:\/.*)?$/, '')
    .replace(/\./g, '');
}

/** The site's credit for a known agency name or alias ("Press Trust of India" -> "PTI"). */
export function lookupAgency(name: string): string | undefined {
  return AGENCY_NAMES.get(agencyKey(name));
}

/** A declared agency as the site credits it: known ones canonical, others as written. */
export function normalizeAgency(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const trimmed = collapseWhitespace(name);
  if (trimmed === '') return undefined;
  return lookupAgency(trimmed) ?? trimmed.slice(0, 60);
}
