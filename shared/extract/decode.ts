import iconv from 'iconv-lite';

/** How far into the bytes a `<meta charset>` may sit; the HTML spec's prescan looks at the first 1024, we allow some slack. */
const META_PRESCAN_BYTES = 2048;

const FALLBACK_CHARSET = 'utf-8';

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
 * in the first 2 KB, else UTF-8. A string body is returned as is, minus a leading BOM.
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
  return (
    charsetFromBom(body) ??
    supportedCharset(contentType?.match(CONTENT_TYPE_CHARSET)?.[1]) ??
    charsetFromMarkup(body) ??
    FALLBACK_CHARSET
  );
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
