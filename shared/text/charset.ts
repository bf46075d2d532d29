/**
 * Charset decoding of fetched bytes: fetch reads a source with it and extraction a page, so the two never disagree
 * about a page's charset.
 */
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

/** How far into the bytes a `<meta charset>` may sit; the HTML spec's prescan looks at the first 1024, we allow some slack. */
const META_PRESCAN_BYTES = 2048;

const FALLBACK_CHARSET = 'utf-8';

/** What a page that is not UTF-8 after all most likely is: the legacy charset browsers fall back to in the West. */
const LEGACY_CHARSET = 'windows-1252';

/** A UTF-8 lead byte (110xxxxx, 1110xxxx, 11110xxx); continuation bytes are 10xxxxxx. */
const UTF8_LEAD_MIN = 0xc0;
const UTF8_CONTINUATION_MASK = 0xc0;
const UTF8_CONTINUATION_BITS = 0x80;
/** The longest UTF-8 sequence; a cut body can end inside one. */
const UTF8_MAX_SEQUENCE_BYTES = 4;

const REPLACEMENT_CHARACTER = /\uFFFD/g;
const NON_ASCII_CHARACTER = /[^\x00-\x7F]/g;
const NUL_BYTE = 0x00;

/** Byte-order marks, checked first: a BOM beats every declaration (HTML spec, "BOM sniffing"). */
const BYTE_ORDER_MARKS: ReadonlyArray<{ bytes: readonly number[]; charset: string }> = [
  { bytes: [0xef, 0xbb, 0xbf], charset: 'utf-8' },
  { bytes: [0xfe, 0xff], charset: 'utf-16be' },
  { bytes: [0xff, 0xfe], charset: 'utf-16le' },
];

/**
 * Labels that browsers decode differently from their name: pages labelled Latin-1 or ASCII really use
 * windows-1252 (curly quotes at 0x93/0x94), per the WHATWG Encoding Standard.
 */
const CHARSET_ALIASES: Readonly<Record<string, string>> = {
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'l1': 'windows-1252',
  ascii: 'windows-1252',
  'us-ascii': 'windows-1252',
  'x-sjis': 'shift_jis',
  'x-user-defined': 'windows-1252',
};

const UTF16_LABEL = /^utf-?16(?:[bl]e)?$/;
const CONTENT_TYPE_CHARSET = /charset\s*=\s*["']?([\w.:-]+)/i;
const META_CHARSET = /<meta\s[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i;
const XML_DECLARATION_ENCODING = /^\s*<\?xml\s[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i;

/**
 * Decodes a fetched body to text. The charset comes from, in order: a byte-order mark, the HTTP
 * Content-Type charset, a `<meta charset>` / `<meta http-equiv="Content-Type">` (or an XML declaration)
 * in the first 2 KB, else UTF-8; a declaration the bytes contradict is corrected (see `correctMisdeclared`).
 * A string body is returned as is, minus a leading BOM.
 *
 * @example
 * decodeBody(bytes, 'text/html; charset=windows-1252'); // '“Quoted” café'
 */
export function decodeBody(body: Buffer | string, contentType?: string): string {
  if (typeof body === 'string') return body.replace(/^\uFEFF/, '');
  return iconv.decode(body, sniffCharset(body, contentType));
}

/** The charset `decodeBody` would use for these bytes, as an iconv-lite encoding name. */
export function sniffCharset(body: Buffer, contentType?: string): string {
  const bom = charsetFromBom(body);
  if (bom) return bom;
  const declared = supportedCharset(contentType?.match(CONTENT_TYPE_CHARSET)?.[1]) ?? charsetFromMarkup(body) ?? FALLBACK_CHARSET;
  return correctMisdeclared(body, declared);
}

/**
 * Servers and CMSs often label pages wrongly, and the bytes say so: "UTF-8" (declared, or assumed when nothing is)
 * on bytes that are mostly not UTF-8 is windows-1252; "windows-1252" on bytes that are valid UTF-8 with multi-byte
 * characters is UTF-8 (legacy text almost never forms valid sequences by chance); "UTF-16" on bytes without a NUL
 * in the head cannot be UTF-16, since markup and Latin text in UTF-16 are half NULs.
 */
function correctMisdeclared(body: Buffer, declared: string): string {
  if (declared === FALLBACK_CHARSET) return isMostlyNotUtf8(body) ? LEGACY_CHARSET : declared;
  if (declared === LEGACY_CHARSET) return hasMultiByteUtf8(body) ? FALLBACK_CHARSET : declared;
  if (UTF16_LABEL.test(declared) && !body.subarray(0, META_PRESCAN_BYTES).includes(NUL_BYTE)) return FALLBACK_CHARSET;
  return declared;
}

/** More invalid UTF-8 sequences than valid non-ASCII characters: one stray byte in a UTF-8 page does not count. */
function isMostlyNotUtf8(body: Buffer): boolean {
  const complete = withoutCutSequence(body);
  if (isUtf8(complete)) return false;
  const text = complete.toString('utf8');
  const invalid = text.match(REPLACEMENT_CHARACTER)?.length ?? 0;
  const nonAscii = text.match(NON_ASCII_CHARACTER)?.length ?? 0;
  return invalid > nonAscii - invalid;
}

function hasMultiByteUtf8(body: Buffer): boolean {
  const complete = withoutCutSequence(body);
  return isUtf8(complete) && complete.some((byte) => byte >= UTF8_LEAD_MIN);
}

/** The bytes without a UTF-8 sequence cut off at the end (a body read only in part, such as a page's head). */
function withoutCutSequence(body: Buffer): Buffer {
  for (let back = 1; back <= Math.min(UTF8_MAX_SEQUENCE_BYTES, body.length); back += 1) {
    const byte = body[body.length - back];
    if ((byte & UTF8_CONTINUATION_MASK) === UTF8_CONTINUATION_BITS) continue;
    return byte >= UTF8_LEAD_MIN && back < utf8SequenceLength(byte) ? body.subarray(0, body.length - back) : body;
  }
  return body;
}

function utf8SequenceLength(leadByte: number): number {
  if (leadByte >= 0xf0) return 4;
  return leadByte >= 0xe0 ? 3 : 2;
}

function charsetFromBom(body: Buffer): string | undefined {
  return BYTE_ORDER_MARKS.find(({ bytes }) => bytes.every((byte, index) => body[index] === byte))?.charset;
}

function charsetFromMarkup(body: Buffer): string | undefined {
  // Declarations are ASCII; latin1 maps each byte to one char, so any charset's prefix reads safely.
  const head = body.subarray(0, META_PRESCAN_BYTES).toString('latin1');
  const declared = supportedCharset(head.match(META_CHARSET)?.[1]) ?? supportedCharset(head.match(XML_DECLARATION_ENCODING)?.[1]);
  // We only read the declaration because the bytes are ASCII-compatible, so they cannot be UTF-16:
  // the HTML spec's prescan turns a declared UTF-16 into UTF-8 (a BOM or the HTTP header still decides first).
  return declared !== undefined && UTF16_LABEL.test(declared) ? FALLBACK_CHARSET : declared;
}

/** Normalizes a declared label; an unknown label counts as undeclared, so the next source decides. */
function supportedCharset(label: string | undefined): string | undefined {
  if (!label) return undefined;
  const lower = label.trim().toLowerCase();
  const name = CHARSET_ALIASES[lower] ?? lower;
  return iconv.encodingExists(name) ? name : undefined;
}
