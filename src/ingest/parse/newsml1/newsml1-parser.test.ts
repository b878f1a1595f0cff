import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WireItem } from '../../../domain/wire-item.ts';
import { parseFeed } from '../index.ts';
import { parseNewsML1 } from './newsml1-parser.ts';

const IDENTIFICATION = '<Identification><NewsIdentifier><ProviderId>afp.com</ProviderId><DateId>20140829T135002Z</DateId>' +
  '<NewsItemId>TX-PAR-FXW86</NewsItemId><RevisionId PreviousRevision="1" Update="N">2</RevisionId>' +
  '<PublicIdentifier>urn:newsml:afp.com:20140829T135002Z:TX-PAR-FXW86:2</PublicIdentifier></NewsIdentifier></Identification>';

function newsItem(management: string, component: string, attrs = ' xml:lang="en"', identification = IDENTIFICATION): string {
  return `<NewsItem${attrs}>${identification}<NewsManagement>${management}</NewsManagement><NewsComponent>${component}</NewsComponent></NewsItem>`;
}

function itemOf(management: string, component: string, attrs?: string): WireItem {
  const outcome = parseNewsML1(`<NewsML Version="1.2">${newsItem(management, component, attrs)}</NewsML>`);
  if (outcome.kind !== 'ok') throw new Error(outcome.error);
  const item = outcome.feed.items[0];
  if (!item) throw new Error(`no item: ${JSON.stringify(outcome.feed.rejected)}`);
  return item;
}

const LINES = '<NewsLines><HeadLine>Sweden court accepts receivership</HeadLine><DateLine>STOCKHOLM, Aug 29, 2014 (AFP) -</DateLine>' +
  '<ByLine>By Jo Doe</ByLine><SubHeadLine>The sub</SubHeadLine></NewsLines>';

describe('parseNewsML1', () => {
  it('reads identity, revision, dates, status, lines and provider', () => {
    const item = itemOf('<FirstCreated>20140829T134951+0000</FirstCreated><ThisRevisionCreated>20140829T150000+0200</ThisRevisionCreated><Status FormalName="Usable"/>',
      `${LINES}<AdministrativeMetadata><Provider><Party FormalName="AFP"/></Provider></AdministrativeMetadata>`);
    expect(item).toMatchObject({
      guid: 'urn:newsml:afp.com:20140829T135002Z:TX-PAR-FXW86', version: 2, published: '2014-08-29T13:49:51.000Z',
      updated: '2014-08-29T13:00:00.000Z', pubStatus: 'usable', title: 'Sweden court accepts receivership',
      dateline: 'STOCKHOLM, Aug 29, 2014 (AFP) -', author: 'Jo Doe', summary: 'The sub', agency: 'AFP', language: 'en',
      signals: ['update'],
    });
  });

  it.each([
    ['<Status FormalName="Withheld"/>', 'withheld', undefined],
    ['<Status FormalName="Canceled"/>', 'canceled', undefined],
    ['<Status FormalName="Embargoed"/><StatusWillChange><FutureStatus FormalName="Usable"/><DateAndTime>20240301T120000Z</DateAndTime></StatusWillChange>', 'usable', '2024-03-01T12:00:00.000Z'],
    ['<Status FormalName="Embargoed"/>', 'withheld', undefined],
  ])('maps %s', (management, pubStatus, embargoUntil) => {
    expect(itemOf(management, LINES)).toMatchObject({ pubStatus, embargoUntil });
  });

  it('reads a correction instruction as a correction signal', () => {
    expect(itemOf('<Instruction FormalName="Correction"/>', LINES).signals).toEqual(['update', 'correction']);
  });

  it('keeps subject codes as subj: qcodes and topic names (in the item language) and keywords as categories', () => {
    const component = `${LINES}<TopicSet><Topic><FormalName Scheme="IptcSubjectCodes">09003000</FormalName>` +
      '<Description xml:lang="el" Variant="Name">Απασχόληση</Description><Description xml:lang="en" Variant="Name">Employment</Description></Topic></TopicSet>' +
      '<DescriptiveMetadata><SubjectCode><SubjectDetail FormalName="04011002" cat="ECO"/></SubjectCode>' +
      '<Property FormalName="Keyword" Value="Saab"/><Property FormalName="Country" Value="SWE"/></DescriptiveMetadata>';
    const item = itemOf('', component);
    expect(item.subjects).toEqual(['subj:04011002', 'subj:09003000']);
    expect(item.categories).toEqual(['Employment', 'Saab']);
  });

  it.each([
    ['NITF', '<DataContent><nitf><body><body.content><p>A</p><hl2>B</hl2></body.content></body></nitf></DataContent>', { bodyHtml: '<p>A</p><h2>B</h2>' }],
    ['HTML in CDATA', '<DataContent><![CDATA[<P>Wage &amp; employment</P>]]></DataContent>', { bodyHtml: '<P>Wage &amp; employment</P>' }],
    ['HTML elements', '<DataContent><p>One</p>\n<p>Two</p></DataContent>', { bodyHtml: '<p>One</p>\n<p>Two</p>' }],
    ['plain text', '<DataContent>Tom &amp; Jerry</DataContent>', { bodyText: 'Tom & Jerry' }],
  ])('reads a %s body from a nested component', (_name, data, expected) => {
    const component = `${LINES}<NewsComponent><ContentItem><MediaType FormalName="Text"/>${data}</ContentItem></NewsComponent>`;
    expect(itemOf('', component)).toMatchObject(expected);
  });

  it('takes a photo ContentItem as the image', () => {
    const photo = '<ContentItem Href="https://e.com/p.jpg"><MediaType FormalName="Photo"/><MimeType FormalName="image/jpeg"/>' +
      '<Characteristics><Property FormalName="Width" Value="800"/><Property FormalName="Height" Value="600"/></Characteristics></ContentItem>';
    expect(itemOf('', `${LINES}<NewsComponent>${photo}</NewsComponent>`).image).toEqual({ url: 'https://e.com/p.jpg', width: 800, height: 600, type: 'image/jpeg', caption: undefined });
  });

  it('lower-cases an upper-case Language FormalName', () => {
    expect(itemOf('', `${LINES}<DescriptiveMetadata><Language FormalName="EN"/></DescriptiveMetadata>`, '').language).toBe('en');
  });

  it('fails malformed and truncated XML with its stage', () => {
    expect(parseNewsML1('<NewsML><NewsItem>')).toMatchObject({ kind: 'failed', error: expect.stringMatching(/^parse\/newsml1: truncated XML/) });
  });

  it('never throws on mutated contract fixtures', () => {
    const fixture = new Uint8Array(readFileSync(new URL('testdata/contract.xml', import.meta.url)));
    fc.assert(fc.property(fc.nat(), fc.nat({ max: 40 }), fc.uint8Array({ maxLength: 12 }), (at, length, insert) => {
      const pos = at % fixture.length;
      const outcome = parseFeed(Uint8Array.from([...fixture.subarray(0, pos), ...insert, ...fixture.subarray(pos + length)]));
      expect(outcome.kind === 'ok' || /^parse(\/[\w-]+)?: (?!unexpected error)/.test(outcome.error)).toBe(true);
    }), { numRuns: 300 });
  });
});
