// Bytes -> string for feeds and other XML/JSON documents.
//
// Order of evidence (strongest first):
//   1. a byte-order mark (UTF-8, UTF-16LE/BE) — nothing else can be true then;
//   2. UTF-16 without BOM, recognised by the `<?` / `{` pattern of XML 1.0 Appendix F;
//   3. bytes that are valid UTF-8 are UTF-8, whatever a header or prolog claims: a wrong
//      declaration is far more common than non-UTF-8 text that happens to be valid UTF-8;
//   4. the HTTP `charset` parameter, then the XML declaration's `encoding`;
//   5. windows-1252, which is also what WHATWG does for ISO-8859-1 and US-ASCII labels.
// Unknown labels are skipped; a UTF-8 or UTF-16 label on bytes that are not is skipped too.
import iconv from 'iconv-lite';

export interface DecodedText {
  readonly text: string;
  /** The encoding actually used, lower-case (e.g. `utf-8`, `windows-1252`, `koi8-r`). */
  readonly encoding: string;
}

const FALLBACK = 'windows-1252';
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientUtf8 = new TextDecoder('utf-8', { ignoreBOM: true });

// WHATWG Encoding Standard maps these labels to a superset codec; iconv-lite would
// otherwise decode bytes 0x80–0x9F as C1 controls where publishers meant “ ” € etc.
const LABEL_ALIASES: Readonly<Record<string, string>> = {
  'iso-8859-1': FALLBACK, 'iso8859-1': FALLBACK, iso88591: FALLBACK, 'iso_8859-1': FALLBACK,
  'iso_8859-1:1987': FALLBACK, latin1: FALLBACK, l1: FALLBACK, cp819: FALLBACK, ibm819: FALLBACK,
  'us-ascii': FALLBACK, ascii: FALLBACK, 'ansi_x3.4-1968': FALLBACK, 'iso-ir-100': FALLBACK,
  csisolatin1: FALLBACK, 'x-cp1252': FALLBACK, cp1252: FALLBACK,
  'iso-8859-9': 'windows-1254', 'iso8859-9': 'windows-1254', latin5: 'windows-1254',
  'iso-8859-11': 'windows-874', 'tis-620': 'windows-874',
  gb2312: 'gbk', 'gb_2312-80': 'gbk', chinese: 'gbk', 'x-gbk': 'gbk',
  'x-sjis': 'shift_jis', 'ks_c_5601-1987': 'euc-kr',
};

/** Decodes a document's bytes; never throws. */
export function decodeBytes(bytes: Uint8Array, hints?: { readonly contentType?: string }): DecodedText {
  const bom = decodeByBom(bytes);
  if (bom) return bom;
  const utf16 = sniffUtf16(bytes);
  if (utf16) return { text: iconv.decode(toBuffer(bytes), utf16), encoding: utf16 };
  try {
    return { text: strictUtf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: fall through to the declared charsets.
  }
  const declared = [charsetFromContentType(hints?.contentType), xmlDeclaredEncoding(bytes)];
  for (const label of declared) {
    const decoded = label === undefined ? undefined : decodeAsLabel(bytes, label);
    if (decoded) return decoded;
  }
  return { text: iconv.decode(toBuffer(bytes), FALLBACK), encoding: FALLBACK };
}

/** The `charset` parameter of a Content-Type header value, lower-cased, if any. */
export function charsetFromContentType(contentType: string | undefined): string | undefined {
  if (!contentType) return undefined;
  const match = /;\s*charset\s*=\s*["']?([^;"'\s]+)/i.exec(contentType);
  return match?.[1]?.toLowerCase();
}

/** The `encoding` of an XML declaration in the first KiB, lower-cased, if any. */
export function xmlDeclaredEncoding(bytes: Uint8Array): string | undefined {
  const head = toBuffer(bytes).toString('latin1', 0, Math.min(bytes.length, 1024));
  const match = /<\?xml[^>]*?\bencoding\s*=\s*["']\s*([A-Za-z0-9._:-]+)/.exec(head);
  return match?.[1]?.toLowerCase();
}

/** Resolves a charset label to a codec name iconv-lite knows, or undefined. */
export function resolveCharset(label: string): string | undefined {
  const lower = label.trim().toLowerCase();
  const name = LABEL_ALIASES[lower] ?? lower;
  return iconv.encodingExists(name) ? name : undefined;
}

function decodeAsLabel(bytes: Uint8Array, label: string): DecodedText | undefined {
  const name = resolveCharset(label);
  if (name === undefined) return undefined;
  const compact = name.replace(/[^a-z0-9]/g, '');
  // The bytes are already known not to be UTF-8 and carry no UTF-16 signature.
  if (compact.startsWith('utf16') || compact.startsWith('utf32') || compact === 'ucs2') return undefined;
  if (compact === 'utf8') return decodeInvalidUtf8(bytes);
  return { text: iconv.decode(toBuffer(bytes), name), encoding: name };
}

// Declared UTF-8 but not valid UTF-8: either UTF-8 with a few stray bytes (keep it, stray
// bytes become U+FFFD as in every WHATWG decoder) or a legacy single-byte feed with a
// wrong label (no well-formed multi-byte sequence at all: decode as windows-1252).
function decodeInvalidUtf8(bytes: Uint8Array): DecodedText {
  if (countUtf8Sequences(bytes) > 0) return { text: lenientUtf8.decode(bytes), encoding: 'utf-8' };
  return { text: iconv.decode(toBuffer(bytes), FALLBACK), encoding: FALLBACK };
}

function countUtf8Sequences(bytes: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0xc2 || b > 0xf4) continue;
    const length = b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
    let ok = i + length <= bytes.length;
    for (let k = 1; ok && k < length; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) {
      count++;
      i += length - 1;
    }
  }
  return count;
}

function decodeByBom(bytes: Uint8Array): DecodedText | undefined {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    return { text: lenientUtf8.decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (b0 === 0xff && b1 === 0xfe) return { text: iconv.decode(toBuffer(bytes.subarray(2)), 'utf-16le'), encoding: 'utf-16le' };
  if (b0 === 0xfe && b1 === 0xff) return { text: iconv.decode(toBuffer(bytes.subarray(2)), 'utf-16be'), encoding: 'utf-16be' };
  return undefined;
}

// XML 1.0 Appendix F: `<?` or `<` followed by an ASCII char as 16-bit units. JSON text
// (`{`, `[`) is recognised the same way (RFC 4627 §3).
function sniffUtf16(bytes: Uint8Array): string | undefined {
  if (bytes.length < 4) return undefined;
  const [b0, b1, b2, b3] = bytes as unknown as [number, number, number, number];
  const isStart = (c: number): boolean => c === 0x3c || c === 0x7b || c === 0x5b;
  if (isStart(b0) && b1 === 0 && b2 !== 0 && b3 === 0) return 'utf-16le';
  if (b0 === 0 && isStart(b1) && b2 === 0 && b3 !== 0) return 'utf-16be';
  return undefined;
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
