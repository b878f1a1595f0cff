import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { charsetFromContentType, decodeBytes, xmlDeclaredEncoding } from './charset.ts';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const encode = (text: string, encoding: string): Uint8Array => iconv.encode(text, encoding);
const concat = (...parts: readonly Uint8Array[]): Uint8Array => Uint8Array.from(parts.flatMap((p) => [...p]));

describe('decodeBytes', () => {
  it('decodes windows-1252 bytes, including € (0x80)', () => {
    const bytes = encode('<?xml version="1.0" encoding="windows-1252"?><t>Euro €</t>', 'windows-1252');
    expect(decodeBytes(bytes)).toEqual({ text: '<?xml version="1.0" encoding="windows-1252"?><t>Euro €</t>', encoding: 'windows-1252' });
  });

  it('reads ISO-8859-1 as windows-1252, as WHATWG does (so 0x93/0x94 are curly quotes)', () => {
    const bytes = concat(encode('<?xml version="1.0" encoding="ISO-8859-1"?><t>Café ', 'latin1'), Uint8Array.of(0x93, 0x78, 0x94), utf8('</t>'));
    expect(decodeBytes(bytes).text).toBe('<?xml version="1.0" encoding="ISO-8859-1"?><t>Café “x”</t>');
  });

  it('trusts valid UTF-8 over a wrong prolog', () => {
    const bytes = utf8('<?xml version="1.0" encoding="ISO-8859-1"?><t>Café</t>');
    expect(decodeBytes(bytes)).toMatchObject({ text: '<?xml version="1.0" encoding="ISO-8859-1"?><t>Café</t>', encoding: 'utf-8' });
  });

  it('trusts valid UTF-8 over a wrong HTTP charset', () => {
    expect(decodeBytes(utf8('<t>Café</t>'), { contentType: 'text/xml; charset=iso-8859-1' }).text).toBe('<t>Café</t>');
  });

  it('uses the HTTP charset before the prolog for non-UTF-8 bytes', () => {
    const bytes = concat(utf8('<?xml version="1.0" encoding="utf-8"?>'), encode('<t>Пример</t>', 'windows-1251'));
    expect(decodeBytes(bytes, { contentType: 'application/rss+xml;charset="windows-1251"' }).text).toContain('Пример');
  });

  it('decodes KOI8-R from the prolog', () => {
    const bytes = encode('<?xml version="1.0" encoding="KOI8-R"?><title>Пример RSS ленты</title>', 'koi8-r');
    expect(decodeBytes(bytes)).toMatchObject({ text: expect.stringContaining('Пример RSS ленты'), encoding: 'koi8-r' });
  });

  it('decodes GB2312 (as GBK) from the prolog', () => {
    const bytes = encode('<?xml version="1.0" encoding="gb2312"?><t>流通纪念币</t>', 'gbk');
    expect(decodeBytes(bytes).text).toContain('流通纪念币');
  });

  it.each([
    ['UTF-8 BOM', concat(Uint8Array.of(0xef, 0xbb, 0xbf), utf8('<t>Café</t>')), 'utf-8'],
    ['UTF-16LE BOM', concat(Uint8Array.of(0xff, 0xfe), encode('<t>Café</t>', 'utf-16le')), 'utf-16le'],
    ['UTF-16BE BOM', concat(Uint8Array.of(0xfe, 0xff), encode('<t>Café</t>', 'utf-16be')), 'utf-16be'],
    ['UTF-16LE without BOM', encode('<t>Café</t>', 'utf-16le'), 'utf-16le'],
    ['UTF-16BE without BOM', encode('<t>Café</t>', 'utf-16be'), 'utf-16be'],
  ])('decodes %s and drops the BOM', (_name, bytes, encoding) => {
    expect(decodeBytes(bytes)).toEqual({ text: '<t>Café</t>', encoding });
  });

  it('ignores a BOM-less UTF-16 label on single-byte content', () => {
    const bytes = encode('<?xml version="1.0" encoding="utf-16"?><t>Café</t>', 'latin1');
    expect(decodeBytes(bytes)).toMatchObject({ text: '<?xml version="1.0" encoding="utf-16"?><t>Café</t>', encoding: 'windows-1252' });
  });

  it.each([
    ['an unknown prolog label', '<?xml version="1.0" encoding="invalid"?><t>Café</t>', undefined],
    ['an unknown HTTP label', '<t>Café</t>', 'text/xml; charset=x-unheard-of'],
    ['no label at all', '<t>Café</t>', undefined],
  ])('falls back to windows-1252 for %s', (_name, text, contentType) => {
    expect(decodeBytes(encode(text, 'latin1'), { contentType })).toEqual({ text, encoding: 'windows-1252' });
  });

  it('reads Latin-1 bytes under a UTF-8 label as windows-1252 when nothing in them is UTF-8', () => {
    const bytes = encode('<?xml version="1.0" encoding="utf-8"?><note to="Anaïs" from="Jürgen"/>', 'latin1');
    expect(decodeBytes(bytes).text).toContain('to="Anaïs" from="Jürgen"');
  });

  it('keeps mostly-UTF-8 text as UTF-8, stray bytes becoming U+FFFD', () => {
    const bytes = concat(utf8('<?xml version="1.0" encoding="utf-8"?><t>Café '), Uint8Array.of(0xe9), utf8('</t>'));
    expect(decodeBytes(bytes)).toEqual({ text: '<?xml version="1.0" encoding="utf-8"?><t>Café \uFFFD</t>', encoding: 'utf-8' });
  });
});

describe('charset labels', () => {
  it.each([
    ['text/xml; charset=UTF-8', 'utf-8'],
    ['text/xml;charset="latin1"', 'latin1'],
    ["text/xml; charset='koi8-r'; q=1", 'koi8-r'],
    ['text/xml', undefined],
    [undefined, undefined],
  ])('charsetFromContentType(%j) = %j', (header, label) => {
    expect(charsetFromContentType(header)).toBe(label);
  });

  it('reads the prolog encoding past leading comments and whitespace', () => {
    expect(xmlDeclaredEncoding(utf8('\n  <!-- x --><?xml?xml version="1.0" encoding="ISO-8859-15" ??>'))).toBe('iso-8859-15');
    expect(xmlDeclaredEncoding(utf8('<rss/>'))).toBeUndefined();
  });
});
