import { describe, expect, it } from 'vitest';
import { detectFormat, sniffFormat } from './detect-format.ts';

describe('detectFormat', () => {
  it.each([
    ['<rss version="2.0"><channel/></rss>', 'rss'],
    ['\uFEFF<?xml version="1.0"?>\n<!-- c --><rss><channel/></rss>', 'rss'],
    ['  \n<?xml version="1.0"?><?xml-stylesheet href="s.xsl"?><rss/>', 'rss'],
    ['<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://x/rss-0.91.dtd"><rss version="0.91"/>', 'rss'],
    ['<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"/>', 'rdf'],
    ['<feed xmlns="http://www.w3.org/2005/Atom"></feed>', 'atom'],
    ['<atom:feed xmlns:atom="http://www.w3.org/2005/Atom"/>', 'atom'],
    ['<entry xmlns="http://www.w3.org/2005/Atom"/>', 'atom'],
    ['<feed version="0.3" xmlns="http://purl.org/atom/ns#"/>', 'atom'],
    ['{"version": "https://jsonfeed.org/version/1.1", "items": []}', 'jsonfeed'],
    ['{"title": "x", "items": [], "version": "https:\\/\\/jsonfeed.org\\/version\\/1"}', 'jsonfeed'],
    ['<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="g"/>', 'newsml-g2'],
    ['\uFEFF<?xml version="1.0"?><newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet/></newsMessage>', 'newsml-g2'],
    ['<nar:packageItem xmlns:nar="http://iptc.org/std/nar/2006-10-01/"/>', 'newsml-g2'],
    ['<newsItem guid="no-namespace"/>', 'newsml-g2'],
    ['<!DOCTYPE nitf SYSTEM "nitf-3-2.dtd"><nitf><head/></nitf>', 'nitf'],
    ['<NewsML Version="1.2"><NewsItem/></NewsML>', 'newsml1'],
    ['{"uri": "urn:x", "type": "text"}', 'ninjs'],
    ['[{"uri": "a"}, {"uri": "b"}]', 'ninjs'],
    ['{"guid": "x", "versioncreated": "2017-08-24T04:38:34+0000", "headline": "h"}', 'ninjs'],
    ['\x16\x16\x01W2870\x1fasian\nf l\x13\x11 BC-Story     11-13 1049\n\x02^BC-Story,1<', 'anpa'],
    ['\r\n\x01V4644\x1f-----\r\nr e\x13\x11 AP-Top     02-09 0121\r\n', 'anpa'],
    ['\x01eca062 4 i 211 ccccb   dpa 061\r\n\r\nGermany-politics/\r\n\x02Headline =', 'iptc7901'],
  ])('%j -> %s', (text, format) => {
    expect(detectFormat(text)).toBe(format);
  });

  it.each([
    ['', 'empty document'],
    ['   ', 'empty document'],
    ['hello', 'no XML or JSON content'],
    ['<!DOCTYPE html><html><head></head></html>', 'looks like an HTML page'],
    ['<html><body>x</body></html>', 'looks like an HTML page'],
    ['<head><title>Document Moved</title></head>', 'looks like an HTML page'],
    ['<?xml version="1.0"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN" "x"><html xmlns="http://www.w3.org/1999/xhtml"/>', 'looks like an HTML page'],
    ['<catalog><book/></catalog>', 'root element <catalog> is not a feed'],
    ['<feed xmlns="urn:other"/>', 'root element <feed> is not in the Atom namespace'],
    ['<newsItem xmlns="urn:other"/>', 'root element <newsItem> is not in the NewsML-G2 namespace'],
    ['<groupSet root="G1"/>', 'root element <groupSet> is not a feed'],
    ['\x01not a wire header\r\n', 'framed wire text that is neither ANPA-1312 nor IPTC 7901'],
    ['{"items": []}', 'JSON but neither a JSON Feed (no jsonfeed.org version) nor ninjs (no uri)'],
  ])('%j is not a feed: %s', (text, reason) => {
    expect(detectFormat(text)).toBeUndefined();
    expect(sniffFormat(text)).toEqual({ kind: 'not-feed', reason });
  });

  it('calls RSS-in-JSON unsupported', () => {
    expect(sniffFormat('{"rss": {"version": "2.0", "channel": {}}}')).toEqual({ kind: 'unsupported', reason: 'RSS-in-JSON' });
  });

  it.each(['conceptItem', 'knowledgeItem', 'planningItem', 'catalogItem', 'catalog'])('calls a NewsML-G2 %s unsupported (no news in it)', (root) => {
    expect(sniffFormat(`<${root} xmlns="http://iptc.org/std/nar/2006-10-01/"/>`)).toEqual({ kind: 'unsupported', reason: `NewsML-G2 <${root}> carries no news` });
  });
});
