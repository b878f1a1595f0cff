// RSS <source> and dc:source usually name the feed an item was copied from, which is only
// sometimes a news agency. We record an agency only when the text is exactly one of these
// names (case and punctuation ignored); anything else stays undefined for normalize.
const KNOWN_AGENCIES: readonly string[] = [
  'AP', 'Associated Press', 'The Associated Press', 'Reuters', 'Thomson Reuters', 'AFP',
  'Agence France-Presse', 'Agence France Presse', 'dpa', 'Deutsche Presse-Agentur', 'ANSA', 'EFE',
  'Agencia EFE', 'Europa Press', 'Xinhua', 'Kyodo', 'Kyodo News', 'Yonhap', 'PA', 'PA Media',
  'Press Association', 'AAP', 'Australian Associated Press', 'APA', 'Austria Presse Agentur',
  'Keystone-SDA', 'SDA', 'ANP', 'Belga', 'Lusa', 'Agência Lusa', 'UPI', 'United Press International',
  'TASS', 'Interfax', 'Anadolu', 'Anadolu Agency', 'PTI', 'Press Trust of India', 'IANS', 'ANI',
  'CP', 'The Canadian Press', 'Canadian Press', 'NTB', 'TT', 'STT', 'Ritzau', 'CTK', 'ČTK', 'PAP',
  'MTI', 'ANA-MPA', 'Bernama', 'Antara', 'KNA', 'Kathpress', 'epd', 'AP Photo', 'Bloomberg',
];

const normalizeName = (name: string): string =>
  name.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, ' ').trim();

const AGENCIES: ReadonlyMap<string, string> = new Map(KNOWN_AGENCIES.map((name) => [normalizeName(name), name]));

/** The agency named by a source text, as the feed wrote it, when it is a known agency. */
export function agencyFromSource(source: string | undefined): string | undefined {
  if (source === undefined || source.length > 60) return undefined;
  const name = source.trim();
  return AGENCIES.has(normalizeName(name)) ? name : undefined;
}

// Agency formats name their sender by code rather than by name: IPTC provider qcodes
// (`nprov:REUTERS`), NewsML 1 ProviderIds and literals that are domains (`reuters.com`,
// `ana-mpe.gr`), ANPA trailers (`AP-WF-…`). Codes that are not a known name themselves.
const AGENCY_CODE_ALIASES: Readonly<Record<string, string>> = {
  'thomsonreuters': 'Reuters', 'ana mpe': 'ANA-MPA', 'apa ots': 'APA',
};

/**
 * The canonical name of an agency given by code (`nprov:AP` -> `AP`, `reuters.com` ->
 * `Reuters`, `apa` -> `APA`); undefined when the code is not a known agency.
 */
export function agencyFromCode(code: string | undefined): string | undefined {
  if (code === undefined || code.length > 60) return undefined;
  const bare = code.trim().replace(/^[\w-]+:(?!\/)/, '').replace(/^(?:https?:\/\/)?(?:www\.)?/i, '')
    .replace(/\.(?:com|org|net|de|at|it|fi|gr|se|no|dk|es|fr|uk|co\.uk|com\.au|au)(?:\/.*)?$/i, '');
  const key = normalizeName(bare);
  return AGENCY_CODE_ALIASES[key] ?? AGENCIES.get(key);
}
