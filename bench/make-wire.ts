// Writes synthetic RSS 2.0 wire files for the benchmarks: realistic sizes (a
// headline, a dateline lead and a few paragraphs), spread over sectors, agencies
// and cities. Deterministic for a given seed so runs compare.
// Each item's headline and lead are its own (words drawn per item from a few hundred),
// as on a real wire: until the duplicates stage, items ten apart carried the same
// headline and lead but for their number, so every item was a near re-send of the
// one ten before it (and would have been merged). The topic phrase stays in the body.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const CITIES = ['NEW DELHI', 'MOSCOW', 'NAIROBI', 'GENEVA', 'LAGOS', 'JAKARTA', 'BRASILIA', 'BERLIN', 'SUVA', 'CAIRO'];
const AGENCIES = ['PTI', 'Reuters', 'AFP', 'IANS'];
const TOPICS = [
  ['Health', 'vaccine drive reaches remote districts as malaria cases fall'],
  ['Sports', 'national cricket team wins series after final-over thriller'],
  ['Economy & Business', 'central bank holds rates as inflation eases and exports climb'],
  ['Technology', 'startups bet on artificial intelligence tools for farmers'],
  ['Energy & Extractives', 'solar capacity additions hit record as coal output slows'],
  ['Education', 'schools reopen with new digital classrooms in rural areas'],
  ['Transport', 'metro rail extension opens to commuters after delays'],
  ['WASH', 'drinking water and sanitation scheme covers thousands of villages'],
  ['Politics', 'parliament passes budget after heated debate on subsidies'],
  ['Science & Environment', 'heatwave warning issued as monsoon retreats early'],
];
const WHO = [
  'farmers', 'nurses', 'port workers', 'teachers', 'students', 'miners', 'fishermen', 'traders', 'pilots', 'doctors',
  'villagers', 'engineers', 'judges', 'lawmakers', 'mayors', 'regulators', 'investors', 'exporters', 'truckers', 'weavers',
  'tea growers', 'rail unions', 'bus drivers', 'midwives', 'scientists', 'coastguards', 'ministers', 'retailers', 'bankers', 'athletes',
];
const DO = [
  'demand', 'reject', 'welcome', 'protest', 'debate', 'review', 'approve', 'delay', 'expand', 'audit',
  'question', 'back', 'oppose', 'unveil', 'extend', 'suspend', 'restore', 'challenge', 'fund', 'test',
];
const WHAT = [
  'new tariffs', 'wage talks', 'flood barriers', 'grain subsidies', 'clinic closures', 'bridge repairs', 'fuel prices', 'exam rules',
  'land titles', 'port fees', 'vaccine stocks', 'loan waivers', 'rail fares', 'mining permits', 'fishing quotas', 'pension reform',
  'crop insurance', 'power cuts', 'water tariffs', 'border checks', 'tax rebates', 'housing grants', 'road tolls', 'seed prices',
  'drug trials', 'bus routes', 'school meals', 'coal imports', 'river dredging', 'spectrum auction', 'cyclone shelters', 'forest rights',
];
const WHY = [
  'after record rains', 'amid budget strain', 'before the harvest', 'as prices climb', 'after a court ruling', 'ahead of elections',
  'after weeks of talks', 'amid supply delays', 'as demand slows', 'after an audit', 'despite objections', 'amid a heatwave',
  'after strikes', 'as exports rise', 'before the monsoon', 'after a survey', 'amid staff shortages', 'as costs mount',
];
const WHEN = ['on Monday', 'on Tuesday', 'on Wednesday', 'on Thursday', 'on Friday', 'on Saturday', 'this week', 'late on Sunday'];

/** A small seeded generator (mulberry32): the same item number always gives the same words. */
function seeded(n: number): () => number {
  let a = (n * 2_654_435_761) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ra', 'su', 'te', 'vo', 'na', 'bi', 'do', 'ge', 'ha', 'ju', 'ze', 'po', 'wa', 'ri', 'the', 'ban', 'dor', 'mel', 'sar', 'tin', 'gul'];

/** A made-up proper name of two or three syllables: "Kalomi", "Bansu". */
function nameOf(rand: () => number): string {
  const n = 2 + Math.floor(rand() * 2);
  let name = '';
  for (let i = 0; i < n; i++) name += SYLLABLES[Math.floor(rand() * SYLLABLES.length)]!;
  return name.charAt(0).toUpperCase() + name.slice(1);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function makeItem(n: number, base: Date): string {
  const [category, phrase] = TOPICS[n % TOPICS.length] as [string, string];
  const city = CITIES[n % CITIES.length]!;
  const agency = AGENCIES[n % AGENCIES.length]!;
  const at = new Date(base.getTime() - n * 60_000);
  const rand = seeded(n + 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const [who, does, what, why] = [pick(WHO), pick(DO), pick(WHAT), pick(WHY)];
  // Names of people and places a real story carries: without them items drawn from these
  // few hundred words shared so much that most of them clustered into a few large "events".
  const [person, place] = [nameOf(rand), nameOf(rand)];
  const title = `${city.charAt(0)}${city.slice(1).toLowerCase()} ${who} ${does} ${what} in ${place} ${why} (${n})`;
  const lead = `${city}, ${MONTHS[at.getUTCMonth()]!} ${at.getUTCDate()} (${agency}) - ${who.charAt(0).toUpperCase()}${who.slice(1)} in ${place} ${pick(WHEN)} said they would ${does} ${what} ${why}, ${person} said. Item ${n}.`;
  const body = [
    lead,
    `Officials said that the ${phrase}, in a move welcomed by experts and residents alike.`,
    'The announcement follows months of consultations with local bodies, civil society groups and industry representatives, who had pressed for faster action and clearer timelines.',
    '"This is a significant step, and we will keep monitoring progress closely," a senior official told reporters, adding that a review would be held at the end of the quarter.',
    'Analysts cautioned that funding gaps and staff shortages could slow implementation in some regions, but said the overall direction was encouraging.',
  ]
    .map((p) => `<p>${escapeXml(p)}</p>`)
    .join('');
  return `<item><title>${escapeXml(title)}</title><link>https://wire.example/${agency.toLowerCase()}/${n}</link><guid isPermaLink="false">bench-${n}</guid><pubDate>${at.toUTCString()}</pubDate><category>${escapeXml(category)}</category><description>${escapeXml(lead)}</description><content:encoded><![CDATA[${body}]]></content:encoded></item>`;
}

/** Writes `count` items (numbered from `first`) into files of `perFile` items; returns the file paths. */
export function writeWireFiles(dir: string, count: number, perFile = 1000, base = new Date('2026-11-28T12:00:00Z'), first = 0): string[] {
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (let start = first; start < first + count; start += perFile) {
    const items: string[] = [];
    for (let n = start; n < Math.min(start + perFile, first + count); n++) items.push(makeItem(n, base));
    const path = join(dir, `wire-${String(files.length).padStart(3, '0')}.rss`);
    writeFileSync(
      path,
      `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Bench wire</title><link>https://wire.example/</link><description>synthetic</description>${items.join('')}</channel></rss>`,
    );
    files.push(path);
  }
  return files;
}
