import type { EntityDecoderOptions } from 'fast-xml-parser';

/**
 * Named references we decode: XML's five, plus the HTML ones feeds use in titles anyway
 * (RSS 0.91's DTD declared the HTML set, and many generators still emit them).
 */
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '\u2013',
  mdash: '\u2014',
  lsquo: '\u2018',
  rsquo: '\u2019',
  sbquo: '\u201a',
  ldquo: '\u201c',
  rdquo: '\u201d',
  bdquo: '\u201e',
  hellip: '\u2026',
  laquo: '\u00ab',
  raquo: '\u00bb',
  copy: '\u00a9',
  reg: '\u00ae',
  trade: '\u2122',
  euro: '\u20ac',
  pound: '\u00a3',
  eacute: '\u00e9',
  egrave: '\u00e8',
  aacute: '\u00e1',
  agrave: '\u00e0',
  oacute: '\u00f3',
  uacute: '\u00fa',
  iacute: '\u00ed',
  ntilde: '\u00f1',
  ccedil: '\u00e7',
  auml: '\u00e4',
  ouml: '\u00f6',
  uuml: '\u00fc',
  szlig: '\u00df',
};

const ENTITY_REFERENCE = /&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});/g;
const MAX_CODE_POINT = 0x10ffff;
const SURROGATE_FIRST = 0xd800;
const SURROGATE_LAST = 0xdfff;
const HEX_RADIX = 16;
const DECIMAL_RADIX = 10;

/**
 * Decodes XML's predefined entities, numeric character references and a few common HTML
 * entities; anything else, including every entity a DOCTYPE declares, stays literal text.
 *
 * @example
 * decodeEntities('Q&amp;A &#8212; &rsquo;s &lol;'); // "Q&A — ’s &lol;"
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY_REFERENCE, (reference, name: string) => decodeReference(name) ?? reference);
}

/**
 * An entity decoder for fast-xml-parser that ignores DOCTYPE entity declarations entirely, so a
 * feed cannot define entities at all: no billion laughs, no quadratic blow-up, no external files.
 */
export function createSafeEntityDecoder(): EntityDecoderOptions {
  return {
    setExternalEntities: ignoreDeclaredEntities,
    addInputEntities: ignoreDeclaredEntities,
    reset: () => undefined,
    decode: decodeEntities,
    setXmlVersion: () => undefined,
  };
}

function ignoreDeclaredEntities(): void {
  // Feeds never need DTD-declared entities; dropping them is the whole defence.
}

function decodeReference(name: string): string | undefined {
  if (!name.startsWith('#')) return Object.hasOwn(NAMED_ENTITIES, name) ? NAMED_ENTITIES[name] : undefined;
  const isHex = name[1] === 'x' || name[1] === 'X';
  const codePoint = parseInt(name.slice(isHex ? 2 : 1), isHex ? HEX_RADIX : DECIMAL_RADIX);
  return isDecodableCodePoint(codePoint) ? String.fromCodePoint(codePoint) : undefined;
}

/** NUL and lone surrogates would corrupt stored text; leave those references undecoded. */
function isDecodableCodePoint(codePoint: number): boolean {
  if (!Number.isInteger(codePoint) || codePoint <= 0 || codePoint > MAX_CODE_POINT) return false;
  return codePoint < SURROGATE_FIRST || codePoint > SURROGATE_LAST;
}
