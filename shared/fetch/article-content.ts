import { mediaTypeOf } from './content.js';
import type { FetchedDocument } from './types.js';

/** A file format we recognize by its first bytes. */
interface Signature {
  what: string;
  bytes: Buffer;
}

/**
 * Magic numbers of the binaries a news link most often leads to. The body is sniffed even when the
 * server names a type, because a PDF or an image served as `text/html` is common on CMS download links.
 */
const SIGNATURES: readonly Signature[] = [
  { what: 'a PDF document', bytes: Buffer.from('%PDF-', 'latin1') },
  { what: 'a PNG image', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { what: 'a JPEG image', bytes: Buffer.from([0xff, 0xd8, 0xff]) },
  { what: 'a GIF image', bytes: Buffer.from('GIF87a', 'latin1') },
  { what: 'a GIF image', bytes: Buffer.from('GIF89a', 'latin1') },
  // Local file header, and the end record an empty archive starts with; also .docx/.xlsx/.epub.
  { what: 'a ZIP archive', bytes: Buffer.from([0x50, 0x4b, 0x03, 0x04]) },
  { what: 'a ZIP archive', bytes: Buffer.from([0x50, 0x4b, 0x05, 0x06]) },
];

/** Declared media types that are never an article page, by what to call them in a skip reason. */
const NON_ARTICLE_MEDIA_TYPES: Readonly<Record<string, string>> = {
  'application/pdf': 'a PDF document',
  'application/zip': 'a ZIP archive',
  'application/x-zip-compressed': 'a ZIP archive',
  'application/gzip': 'a compressed archive',
  'application/x-gzip': 'a compressed archive',
  'application/x-tar': 'an archive',
  'application/x-7z-compressed': 'an archive',
  'application/vnd.rar': 'an archive',
  'application/msword': 'a Word document',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'a Word document',
  'application/vnd.ms-excel': 'a spreadsheet',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'a spreadsheet',
  'application/vnd.ms-powerpoint': 'a presentation',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'a presentation',
};

/** Whole families of media types that are never an article page. */
const NON_ARTICLE_TYPE_FAMILIES: Readonly<Record<string, string>> = {
  image: 'an image',
  audio: 'an audio file',
  video: 'a video',
  font: 'a font',
};

/** Types a server uses when it does not know; the body decides. */
const UNTYPED_MEDIA_TYPES: ReadonlySet<string | undefined> = new Set([undefined, 'application/octet-stream']);

/** How many leading bytes the binary check reads: markup and text show themselves early. */
const TEXT_SNIFF_BYTES = 1024;
/** Text has next to no control bytes; past this share of the sniffed bytes it is binary. */
const MAX_CONTROL_BYTE_SHARE = 0.1;
/** Tab, line feed, form feed, carriage return and escape occur in real text. */
const TEXT_CONTROL_BYTES: ReadonlySet<number> = new Set([0x09, 0x0a, 0x0c, 0x0d, 0x1b]);
const FIRST_PRINTABLE_BYTE = 0x20;
const DELETE_BYTE = 0x7f;
/** UTF-16 text is full of zero bytes; its byte order mark says so. */
const UTF16_BOMS: readonly Buffer[] = [Buffer.from([0xff, 0xfe]), Buffer.from([0xfe, 0xff])];

/**
 * Why a fetched document cannot be an article page, or `undefined` when it may be one. Checks
 * `sniffSignature → declaredType → untypedBinary`: a PDF, image, audio, video, archive or office
 * file is skipped, whatever its `Content-Type` says; HTML, XHTML, plain text, feeds and untyped
 * bodies that read as text pass, for extraction to judge. An empty body (a 304) passes too.
 *
 * The reason is a value, not an error: the caller counts the page as skipped, not as failing.
 *
 * @example
 * const problem = articleContentProblem(document);
 * if (problem) return skip(problem); // "https://x.example/report.pdf is a PDF document (application/pdf), not an article page; skipped"
 */
export function articleContentProblem(document: Pick<FetchedDocument, 'url' | 'body' | 'contentType'>): string | undefined {
  const mediaType = mediaTypeOf(document.contentType);
  const declared = declaredNonArticle(mediaType);
  const sniffed = sniffSignature(document.body);
  const what = sniffed ?? declared ?? untypedBinary(document.body, mediaType);
  if (!what) return undefined;
  // Bytes that say "PDF" under a type that does not (text/html, octet-stream) are worth pointing out.
  const typeNote = sniffed && !declared ? `served as ${mediaType}` : mediaType;
  return `${document.url} is ${what} (${mediaType === undefined ? 'no content type' : typeNote}), not an article page; skipped`;
}

function sniffSignature(body: Buffer): string | undefined {
  return SIGNATURES.find((signature) => startsWith(body, signature.bytes))?.what;
}

function declaredNonArticle(mediaType: string | undefined): string | undefined {
  if (mediaType === undefined) return undefined;
  const family = mediaType.split('/')[0] ?? '';
  return NON_ARTICLE_MEDIA_TYPES[mediaType] ?? NON_ARTICLE_TYPE_FAMILIES[family];
}

/** An untyped body is a binary file of unknown format when its first bytes do not read as text. */
function untypedBinary(body: Buffer, mediaType: string | undefined): string | undefined {
  if (!UNTYPED_MEDIA_TYPES.has(mediaType) || body.length === 0) return undefined;
  return looksBinary(body.subarray(0, TEXT_SNIFF_BYTES)) ? 'a binary file' : undefined;
}

function looksBinary(head: Buffer): boolean {
  if (UTF16_BOMS.some((bom) => startsWith(head, bom))) return false;
  let controlBytes = 0;
  for (const byte of head) {
    if (byte === 0) return true;
    if ((byte < FIRST_PRINTABLE_BYTE && !TEXT_CONTROL_BYTES.has(byte)) || byte === DELETE_BYTE) controlBytes++;
  }
  return controlBytes > head.length * MAX_CONTROL_BYTE_SHARE;
}

function startsWith(body: Buffer, prefix: Buffer): boolean {
  return body.length >= prefix.length && body.subarray(0, prefix.length).equals(prefix);
}
