// Every agency file in the shared third-party corpus (../shared/corpus/iptc and /wire, see
// its README and EXPECTATIONS.md) parses, or fails for the reason listed here; and what the
// upstream suites (superdesk-core, apa-it, IPTC) assert about single samples holds, except
// where we differ on purpose, said next to the check.
//
// IPTC schema tests (`should_fail`) are validator fixtures: a lenient reader is no validator,
// so the ones that are well-formed XML or JSON are read like any other document. Files that
// are not documents of a format we read fail as values: NewsML-G2 items that carry no news
// (concept, knowledge, planning, catalog items), spec listings that show a fragment, a
// Reuters API poll result, Ritzau's own XML, and the ninjs tests that are not even JSON.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ParsedFeed, ParseOutcome, WireItem } from '../../domain/wire-item.ts';
import { toPlainText } from './feed-text.ts';
import { parseFeed } from './index.ts';
import { adaptNinjsItem } from './ninjs/ninjs-adapter.ts';
import { readNinjsDocument } from './ninjs/ninjs-wire.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CORPUS = resolve(PROJECT_ROOT, '../shared/corpus');
const PRESENT = existsSync(join(CORPUS, 'iptc')) && existsSync(join(CORPUS, 'wire'));
if (!PRESENT) console.info(`shared corpus absent at ${CORPUS}: wire corpus tests skipped`);
const describeCorpus = PRESENT ? describe : describe.skip;

const NON_NEWS_G2_ROOTS: ReadonlySet<string> = new Set(['conceptItem', 'knowledgeItem', 'planningItem', 'catalogItem', 'catalog']);

// Files that must fail, by path, with why.
const MUST_FAIL: readonly { readonly path: RegExp; readonly error: RegExp; readonly reason: string }[] = [
  { path: /examples\/LISTING_(7|8|9|25|28)_/, error: /^parse: not a feed \(root element <(groupSet|contentSet|contentMeta)> is not a feed\)$/, reason: 'spec listing of a fragment' },
  { path: /reuters-channel1-results\.xml$/, error: /^parse: not a feed/, reason: 'Reuters API poll result: ids only' },
  { path: /^wire\/ritzau\//, error: /^parse: not a feed/, reason: "Ritzau's own XML (no parser)" },
  { path: /ninjs\/.*1\.0\/should_fail\/001_no_uri_declared\.json$/, error: /^parse: not a feed \(JSON but neither/, reason: 'an empty object' },
  {
    path: /ninjs\/.*(1\.0\/should_fail\/01[012]_|1\.0\/should_fail\/009_|1\.3\/should_fail\/006_bad_genre)/,
    error: /^parse\/ninjs: malformed JSON: /,
    reason: 'not JSON (EXPECTATIONS: five should_fail files are not valid JSON)',
  },
];

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)]);
}

function rootName(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder().decode(bytes.subarray(0, 4096)).replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/g, '');
  return /<([A-Za-z][\w:.-]*)/.exec(head)?.[1]?.replace(/^\w+:/, '');
}

function expectedFailure(local: string, bytes: Uint8Array): RegExp | undefined {
  const listed = MUST_FAIL.find((entry) => entry.path.test(local));
  if (listed) return listed.error;
  const root = local.startsWith('iptc/newsml-g2/') ? rootName(bytes) : undefined;
  return root && NON_NEWS_G2_ROOTS.has(root) ? /^parse: unsupported format \(NewsML-G2 <\w+> carries no news\)$/ : undefined;
}

const outcomes = new Map<string, ParseOutcome>();

function outcomeOf(local: string): ParseOutcome {
  let outcome = outcomes.get(local);
  if (!outcome) {
    outcome = parseFeed(readFileSync(join(CORPUS, local)));
    outcomes.set(local, outcome);
  }
  return outcome;
}

function feedOf(local: string): ParsedFeed {
  const outcome = outcomeOf(local);
  if (outcome.kind !== 'ok') throw new Error(`${local}: ${outcome.error}`);
  return outcome.feed;
}

function itemOf(local: string): WireItem {
  const item = feedOf(local).items[0];
  if (!item) throw new Error(`${local}: no item (${JSON.stringify(feedOf(local).rejected)})`);
  return item;
}

/** Superdesk's guid for versioned agency items is `<guid>:<version>`; ours keeps the two apart. */
function versionedGuid(item: WireItem): string {
  return `${item.guid}:${item.version}`;
}

const SD = 'superdesk__superdesk-core';
const G2 = `iptc/newsml-g2/${SD}`;
const APA = 'iptc/newsml-g2/apa-it__wordpress-newsml-g2';
const NINJS = `iptc/ninjs/${SD}`;
const NINJS_SUITE = 'iptc/ninjs/iptc__newsinjson/test_suite';
const NITF = `iptc/nitf/${SD}`;
const NEWSML1 = `iptc/newsml-1/${SD}`;
const ANPA = `wire/anpa-1312/${SD}`;
const IPTC7901 = `wire/iptc-7901/${SD}`;

describeCorpus('shared corpus: agency formats', () => {
  it('parses every IPTC and wire file, and fails exactly the listed non-documents', () => {
    const files = [...listFiles(join(CORPUS, 'iptc')), ...listFiles(join(CORPUS, 'wire'))].sort();
    const counts = new Map<string, { parsed: number; items: number; failed: number; expected: number }>();
    const unexpected: string[] = [];
    for (const path of files) {
      const local = relative(CORPUS, path);
      const family = local.split('/').slice(0, 2).join('/');
      const count = counts.get(family) ?? { parsed: 0, items: 0, failed: 0, expected: 0 };
      counts.set(family, count);
      let outcome: ParseOutcome;
      try {
        outcome = outcomeOf(local);
      } catch (error) {
        unexpected.push(`${local}: threw ${String(error)}`);
        continue;
      }
      const mustFail = expectedFailure(local, readFileSync(path));
      if (outcome.kind === 'ok') {
        count.parsed++;
        count.items += outcome.feed.items.length;
      }
      else if (mustFail?.test(outcome.error)) count.expected++;
      else count.failed++;
      if (outcome.kind === 'failed' && outcome.error.startsWith('parse: unexpected error')) unexpected.push(`${local}: ${outcome.error}`);
      else if (mustFail && !(outcome.kind === 'failed' && mustFail.test(outcome.error))) {
        unexpected.push(`${local}: should fail ${mustFail}, got ${outcome.kind === 'ok' ? 'ok' : outcome.error}`);
      } else if (!mustFail && outcome.kind === 'failed') unexpected.push(`${local}: ${outcome.error}`);
    }
    const summary = [...counts].map(([family, c]) => `${family} ${c.parsed} parsed (${c.items} items)/${c.failed} failed/${c.expected} expected failures`);
    console.info(`wire corpus (${files.length} files): ${summary.join('; ')}`);
    expect(unexpected).toEqual([]);
    expect(files.length).toBeGreaterThan(500);
  });

  describe('NewsML-G2 (superdesk-core, apa-it)', () => {
    it('reads the Reuters PRECIOUS text item', () => {
      const item = itemOf(`${G2}/tag_reuters.com,0000_newsml_L4N1FL0N0_1132689232.xml`);
      expect(item).toMatchObject({
        title: 'PRECIOUS-Gold rises as Trump policy fuels safe haven demand', published: '2017-01-31T03:47:29.000Z',
        agency: 'Reuters', language: 'en', pubStatus: 'usable',
      });
      expect(versionedGuid(item)).toBe('tag:reuters.com,0000:newsml_L4N1FL0N0:1132689232');
      expect(item.bodyHtml).toMatch(/^<p>\(Adds comments, detail\)/);
    });

    it('reads the Reuters OPTA results as preformatted text', () => {
      expect(itemOf(`${G2}/tag_reuters.com,2018_newsml_MTZXEE13ZXCZES_2.xml`).bodyHtml).toMatch(/^<pre>Jan 3 \(OPTA\) - Results and fixtures for the Primeira/);
    });

    it('reads the ANSA items: language, body, update signal', () => {
      expect(itemOf(`${G2}/ansa-newsmlg2-text.xml`).language).toBe('it-IT'); // superdesk keeps the primary subtag, `it`
      const culture = itemOf(`${G2}/ansa_culture.xml`);
      expect(culture.bodyHtml).toContain('(ANSA) - ROMA, 1 LUG - TEST FROM XAWES');
      expect(culture).toMatchObject({ signals: ['update'], agency: 'ANSA', dateline: 'ANSA TEST - ROMA, 01 LUG -' });
    });

    it('reads IPTC LISTING 1 (superdesk copy): guid, version, embargo, update signal', () => {
      const feed = feedOf(`${G2}/LISTING_1_A_NewsML-G2_News_Item.xml`);
      expect(feed.items).toHaveLength(1);
      expect(feed.items[0]).toMatchObject({
        guid: 'urn:newsml:acmenews.com:20161018:US-FINANCE-FED', version: 9, updated: '2016-10-21T21:25:32.000Z',
        embargoUntil: '2016-10-23T12:00:00.000Z', signals: ['update'], pubStatus: 'usable', agency: 'Reuters', dateline: 'Berlin',
        subjects: ['medtop:04000000', 'medtop:20000523'],
      });
    });

    it('reads a lone package (LISTING 6) as one story', () => {
      expect(feedOf(`${G2}/LISTING_6_Simple_NewsML-G2_Package.xml`).items).toMatchObject([{ title: 'UK', version: 9 }]);
      // The Reuters package references its text and pictures by id only: it is the story.
      expect(feedOf(`${G2}/tag_reuters.com_2014_newsml_KBN0FL0NM_version_10.xml`).items).toMatchObject([
        { guid: 'tag_reuters.com_2014_newsml_KBN0FL0NM', version: 10, title: 'Confident Assad launches new term in stronger position' },
      ]);
    });

    it('reads the Scoop item (UTF-8 BOM) and its inline NITF', () => {
      const item = itemOf(`${G2}/scoop.xml`);
      expect(versionedGuid(item)).toBe('BD-20160112123540:3');
      expect(item.title).toBe('Dick Smith receivers install Don Grover as acting CEO as Abboud quits; retailer put up for sale');
      // superdesk's Scoop override takes the byline from the first paragraph; the NITF byline says "Staff Reporter".
      expect(item.bodyHtml).toMatch(/^<p>By Jonathan Underhill<\/p>/);
    });

    it('reads the STT items', () => {
      const item = itemOf(`${G2}/stt_newsml_test.xml`);
      expect(versionedGuid(item)).toBe('urn:newsml:stt.fi:20171219:101801633:4');
      expect(item).toMatchObject({ signals: ['update'], dateline: 'Helsinki', agency: 'STT', language: 'fi-FI' });
      // superdesk reads STT's zone-less times as Helsinki time (15:36:20Z); a zone-less time is UTC to us.
      expect(itemOf(`${G2}/stt_archive_newsml_test.xml`).published).toBe('2013-02-16T17:36:20.000Z');
    });

    it('takes the picture of a package for its text item (video.xml)', () => {
      const feed = feedOf(`${G2}/video.xml`);
      expect(feed.items.map((i) => i.guid)).toEqual(['tag:reuters.com,2013:newsml_OVE933ZR5']);
      expect(feed.items[0]?.image).toMatchObject({ url: expect.stringMatching(/LOVE9230WHZNR/), width: 960, height: 540 });
    });

    it('reads a Reuters picture item with its web rendition', () => {
      expect(itemOf(`${G2}/picture.xml`)).toMatchObject({
        title: "A woman casts her ballot inside a polling station in Kenya's town of Gatundu",
        image: { url: expect.stringMatching(/VIEWIMAGE$/), width: 640, height: 417, type: 'image/jpeg' },
      });
    });

    it('reads the APA, Kathpress and Reuters items of the WordPress plugin', () => {
      const apa = itemOf(`${APA}/apa1.xml`);
      expect(apa).toMatchObject({
        guid: 'urn:newsml:apa.at:20150413:APA0520', title: 'Emmanuelle Bercot eröffnet das Filmfestival von Cannes',
        version: 2, signals: ['correction'], agency: 'APA', dateline: 'Paris', language: 'de',
      });
      expect(apa.subjects?.filter((s) => s.startsWith('medtop:'))).toEqual(['medtop:01000000', 'medtop:20000002', 'medtop:20000005', 'medtop:20000006']);
      expect(itemOf(`${APA}/kap1.xml`).title).toBe('Vatikan: Zahl der Priesteramtskandidaten weltweit rückläufig');
      const reuters = itemOf(`${APA}/reuters1.xml`);
      expect(reuters).toMatchObject({ title: 'China complains Japanese air, sea surveillance raises safety risks', agency: 'Reuters' });
      const subj = reuters.subjects?.filter((s) => s.startsWith('subj:'));
      expect(subj).toHaveLength(6);
      expect(subj?.[0]).toBe('subj:11001000');
    });
  });

  describe('NewsML 1 (superdesk-core)', () => {
    it('reads the AFP item', () => {
      const item = itemOf(`${NEWSML1}/afp.xml`);
      expect(item).toMatchObject({
        title: 'Sweden court accepts receivership for Saab carmaker', dateline: 'STOCKHOLM, Aug 29, 2014 (AFP) -', agency: 'AFP',
        pubStatus: 'usable', language: 'en',
      });
      expect(versionedGuid(item)).toBe('urn:newsml:afp.com:20140829T135002Z:TX-PAR-FXW86:1');
      expect(item.subjects).toHaveLength(5);
    });

    it('reads the French AFP item declared iso-8859-1 (its bytes are UTF-8)', () => {
      expect(itemOf(`${NEWSML1}/afp20.xml`)).toMatchObject({
        title: "Décès de Naomi Musenga: l'opératrice du Samu définitivement condamnée", dateline: 'Strasbourg, 10 juil 2024 (AFP)', language: 'fr',
      });
    });

    it('reads the ANA-MPA item', () => {
      // superdesk builds "ATHENS, April 4 ANA -"; the file's DateLine says 4/4/2018, which is what we pass on.
      expect(itemOf(`${NEWSML1}/ana1.xml`)).toMatchObject({ title: 'Wage employment balance positive in Jan-March', agency: 'ANA-MPA', dateline: '4/4/2018' });
    });
  });

  describe('ninjs (superdesk-core, IPTC)', () => {
    it('reads superdesk ninjs1', () => {
      expect(itemOf(`${NINJS}/ninjs1.json`)).toMatchObject({
        title: 'headline', summary: '<p>abstract</p>', updated: '2017-08-24T04:38:34.000Z', version: 2, author: 'Peter and Jane',
      });
    });

    // superdesk emits associations as items of their own; to us an associated picture is the story's image.
    it('gives the ninjs2 text its associated picture', () => {
      const feed = feedOf(`${NINJS}/ninjs2.json`);
      expect(feed.items.map((i) => i.title)).toEqual(['Oil prices edge up on first drop in US drilling in months']);
      expect(feed.items[0]?.image).toMatchObject({ url: expect.stringMatching(/^http:\/\/localhost:5000\//), width: 1400 });
      expect(itemOf(`${NINJS}/ninjs3.json`)).toMatchObject({ title: 'German Air Force Museum', image: { url: expect.any(String) } });
      expect(itemOf(`${NINJS}/bbc-ninjs-comp-test.json`)).toMatchObject({ title: 'abcdef', image: { url: expect.stringMatching(/logo-footer\.png$/), caption: 'abc' } });
    });

    it('reads the example texts and the embargo', () => {
      expect(itemOf(`${NINJS}/ninjsExSimpleText1.json`).bodyHtml ?? itemOf(`${NINJS}/ninjsExSimpleText1.json`).bodyText).toContain('GROSSETO');
      expect(itemOf(`${NINJS}/ninjsExMediumText1.json`).language).toBe('en');
      expect(itemOf(`${NINJS}/ninjs_embargoed.json`).embargoUntil).toBe('2022-06-29T02:30:00.000Z');
    });

    it.each([
      ['1.0/should_pass/021_pubstatus_usable.json', 'usable'],
      ['1.0/should_pass/022_pubstatus_withheld.json', 'withheld'],
      ['1.0/should_pass/023_pubstatus_canceled.json', 'canceled'],
      // Not valid ninjs, read leniently: the British spelling still means canceled; other words mean nothing.
      ['1.0/should_fail/007_pubstatus_cancelled.json', 'canceled'],
      ['1.0/should_fail/015_pubstatus_commissioned.json', undefined],
      ['1.2/should_fail/005_pubstatus_replaced.json', undefined],
    ])('IPTC test suite %s has pubStatus %s', (file, pubStatus) => {
      // Most carry nothing but a uri and a status, so the feed rejects them as items; the mapping is read directly.
      const [raw] = readNinjsDocument(JSON.parse(readFileSync(join(CORPUS, NINJS_SUITE, file), 'utf8')));
      expect(raw && adaptNinjsItem(raw).pubStatus).toBe(pubStatus);
    });

    it('reads the AP Media API picture', () => {
      expect(itemOf(`wire/ap-media-api/${SD}/ap_media_picture.json`)).toMatchObject({ title: 'US Paul Simon Poets Society', agency: 'AP' });
    });
  });

  describe('NITF (superdesk-core, IPTC)', () => {
    it('reads the IPTC fishing sample: canceled, guid, subjects, byline', () => {
      expect(itemOf(`${NITF}/nitf-fishing.xml`)).toMatchObject({
        pubStatus: 'canceled', title: 'Weather and Tide Updates for Norfolk', guid: 'iptc.321656141.b', author: 'Alan Karben',
        subjects: ['subj:17000000', 'subj:17004000', 'subj:04001002'], dateline: 'Newport News, VA',
      });
    });

    it('reads AAP, AP, PA and EFE items', () => {
      // superdesk adds the parent codes of each subject (4); we keep the two the file gives.
      expect(itemOf(`${NITF}/aap.xml`)).toMatchObject({
        title: "The main stories on today's 1900 ABC TV news", guid: 'AAP.115314987.5417374', dateline: 'Sydney', author: 'John Doe',
        published: '2013-10-20T08:27:51.000Z',
      });
      expect(itemOf(`${NITF}/ap-nitf.xml`)).toMatchObject({ title: 'Can trading pollution like stocks help fight climate change?', author: 'BERNARD CONDON' });
      expect(itemOf(`${NITF}/pa1.xml`)).toMatchObject({ title: 'PA SPORT TRIVIA (OCTOBER 14)', guid: 'af1f7ad5-5619-49de-84cc-2e608538c77fSSS-3-1' });
      expect(itemOf(`${NITF}/pa1.xml`).subjects).toHaveLength(4);
      expect(itemOf(`${NITF}/pa2.xml`)).toMatchObject({ guid: 'T201510140143580001T', subjects: undefined, bodyHtml: expect.stringMatching(/^<pre>/) });
      expect(itemOf(`${NITF}/pa5.xml`).title).toBe('HARD BREXIT TO COST UK UP TO £66BN A YEAR, SAYS TREASURY');
      expect(itemOf(`${NITF}/efe_nitf.xml`)).toMatchObject({ title: 'Honduran president announces Cabinet changes', dateline: 'Tegucigalpa' });
    });

    it('tolerates invalid dates', () => {
      expect(itemOf(`${NITF}/handle_invalid_fields.xml`)).toMatchObject({ published: '2020-07-03T20:51:36.000Z', embargoUntil: undefined });
    });
  });

  describe('ANPA-1312 and IPTC 7901 (superdesk-core)', () => {
    it('reads the AP Argentina take', () => {
      const item = itemOf(`${ANPA}/anpa-1.tst`);
      expect(item).toMatchObject({
        title: 'For Argentine chemo patients, mirrors can hurt', author: 'PAUL BYRNE and ALMUDENA CALATRAVA',
        published: '2013-11-13T15:09:00.000Z', categories: ['priority:f', 'category:l'], agency: 'AP',
      });
      expect(item.bodyText).toMatch(/^BUENOS/);
    });

    it('reads take keys, tables and headline lists', () => {
      expect(itemOf(`${ANPA}/anpa-2.tst`)).toMatchObject({ version: 2, signals: ['update'], categories: ['priority:r', 'category:a'] });
      expect(itemOf(`${ANPA}/anpa-3.tst`).bodyHtml).toMatch(/^<pre>/);
      expect(itemOf(`${ANPA}/ap_anpa-2.tst`).bodyHtml).toMatch(/^<pre>/);
      expect(itemOf(`${ANPA}/anpa-4.tst`).bodyText).toMatch(/^Ex-bodyguard testifies/);
      expect(itemOf(`${ANPA}/ap_anpa-5.tst`)).toMatchObject({ guid: 'BC-US--APNewsAlert', bodyText: expect.stringMatching(/^HONOLULU/) });
    });

    it('reads the dpa 7901 texts', () => {
      // The generic superdesk parser keeps the headline's closing " ="; it ends the heading, so we drop it.
      expect(itemOf(`${IPTC7901}/IPTC7901.txt`)).toMatchObject({
        guid: 'Germany-politics', title: 'Germany Social Democrats: Coalition talks with Merkel could fail',
        categories: ['priority:4', 'category:i'], agency: 'dpa',
      });
      expect(itemOf(`${IPTC7901}/IPTC7901_odd_charset.txt`).bodyText).toContain('Müller');
      expect(itemOf(`${IPTC7901}/dpa_four_line.txt`)).toMatchObject({ guid: 'Switzerland/migration/UN', version: 2 });
      expect(itemOf(`${IPTC7901}/dpa_two_line.txt`).title).toBe('Peace talks on Yemen to take place in Sweden next month, Mattis says');
      expect(itemOf(`${IPTC7901}/dpa_copyright.txt`)).toMatchObject({ title: 'Impressum', categories: ['priority:4', 'category:rs'] });
    });

    it('never leaves control characters in titles or bodies', () => {
      for (const file of readdirSync(join(CORPUS, ANPA)).map((f) => `${ANPA}/${f}`).concat(readdirSync(join(CORPUS, IPTC7901)).map((f) => `${IPTC7901}/${f}`))) {
        for (const item of feedOf(file).items) {
          expect(`${item.title}${item.bodyText ?? ''}`).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
          expect(toPlainText(item.title)).toBe(item.title);
        }
      }
    });
  });
});
