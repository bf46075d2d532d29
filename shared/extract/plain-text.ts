/**
 * The plain-text path of extraction: captures made by copy-paste or a naive scraper, one paragraph per
 * line, with the site's chrome flattened into lines of its own.
 */
import { MAX_PAGE_TEXT_CHARS, MAX_TEXT_RUN_CHARS } from '../fetch/index.js';
import { cutOnWord, findHumanDate } from '../text/index.js';
import { BYLINE_MAX_WORDS, HEADLINE_MAX_CHARS, HEADLINE_MIN_WORDS, PROSE_MIN_WORDS } from './patterns.js';
import {
  countWords,
  dropBoilerplateParagraphs,
  dropRepeatedParagraphs,
  endsLikeSentence,
  isProse,
  normalizeWhitespace,
  paragraphKey,
  titleFromText,
} from './text.js';
import type { ExtractedArticle } from './types.js';

/** One logical line of a capture: hard-wrapped lines already joined, bullet marker removed. */
interface Line {
  text: string;
  bullet: boolean;
}

interface PlainTextMetadata {
  byline?: string;
  publishedAt?: string;
  siteName?: string;
}

/** List markers: "  • Ukraine", "- item". */
const BULLET_MARKER = /^\s*(?:[•·▪●◦‣∙*]|[-–](?=\s))\s*/;

/** A line that continues the previous one starts lowercase or with punctuation ("…the most\ndynamic market"). */
const CONTINUATION_START = /^[a-z.,;:)\]]/;
const GLUED_PUNCTUATION = /^[.,;:)\]]/;

/** "by Jun 6, 2024Featured Article, News": WordPress's "by <author> <date> <categories>" with the author empty. */
const BY_DATE_LINE = /^by\b(.*)$/i;
/** "By Jane Doe" on a line of its own. */
const BY_NAME_LINE = /^by\s+(.+)$/i;

/** Lowercase words allowed inside a name ("Jane Doe and John Roe", "Agence France-Presse"). */
const NAME_CONNECTORS: ReadonlySet<string> = new Set(['and', '&', 'of', 'the', 'de', 'da', 'van', 'von', 'bin', 'al', 'le', 'la']);

/**
 * Extracts the article of a plain-text capture. Stages:
 * 1. `readLines` — split lines, join hard-wrapped ones, note list bullets;
 * 2. `readPlainTextMetadata` — byline ("• Kyodo"), date ("by Jun 6, 2024…", "• November 10, 2017") and
 *    outlet (", The Japan Times") from the lines before the body;
 * 3. `dropChromeLines` + `dropBoilerplateParagraphs` — tag bullets, breadcrumbs, share prompts, icon-sprite
 *    text, sponsored and paywall blocks (`BOILERPLATE_PATTERNS`);
 * 4. `splitHeadline` — the headline is the first non-boilerplate line of 3+ words before the body;
 *    kickers and standfirsts before the body are dropped;
 * 5. `dropRepeatedParagraphs` — image captions repeated verbatim, with or without "© AP".
 *
 * @example
 * extractPlainText(readFileSync('seeds/003.txt', 'utf8'), 'file:///seeds/003.txt').title;
 * // 'Putin says no talks with Japan unless it alters stance on Ukraine'
 */
export function extractPlainText(text: string, url: string): ExtractedArticle {
  const lines = readLines(cutOnWord(text, MAX_PAGE_TEXT_CHARS, { atSentenceEnd: true }));
  const bodyStart = findBodyStart(lines);
  const header = bodyStart < 0 ? lines : lines.slice(0, bodyStart);
  const { metadata, consumed } = readPlainTextMetadata(header);
  const content = dropBoilerplateParagraphs(dropChromeLines(lines.filter((_line, index) => !consumed.has(index))));
  const { headline, body } = splitHeadline(content);
  const title = headline ?? titleFromText(body[0]?.text);
  const titleKey = paragraphKey(title);
  const paragraphs = dropRepeatedParagraphs(body)
    .map((line) => line.text)
    .filter((paragraph) => paragraphKey(paragraph) !== titleKey);

  const base = { url, canonicalUrl: url, title, ...metadata };
  if (!paragraphs.length) {
    return {
      ...base,
      paragraphs: [],
      text: '',
      noArticleReason: `No article in this text: no line reads as prose (${PROSE_MIN_WORDS}+ words ending like a sentence) once boilerplate is removed`,
    };
  }
  return { ...base, paragraphs, text: paragraphs.join('\n\n') };
}

/**
 * Stage 1. Non-empty logical lines; a blank line always ends a paragraph. Lines are cut, and joined, only up to
 * `MAX_TEXT_RUN_CHARS` (see there).
 */
function readLines(text: string): Line[] {
  const lines: Line[] = [];
  let previousWasBlank = true;
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const bullet = BULLET_MARKER.test(raw);
    const lineText = normalizeWhitespace(cutOnWord(raw, MAX_TEXT_RUN_CHARS, { atSentenceEnd: true }).replace(BULLET_MARKER, ''));
    if (!lineText) {
      previousWasBlank = true;
      continue;
    }
    const previous = lines[lines.length - 1];
    if (!previousWasBlank && previous && isWrappedContinuation(previous, lineText, bullet)) {
      previous.text += (GLUED_PUNCTUATION.test(lineText) ? '' : ' ') + lineText;
    } else {
      lines.push({ text: lineText, bullet });
    }
    previousWasBlank = false;
  }
  return lines;
}

function isWrappedContinuation(previous: Line, next: string, nextIsBullet: boolean): boolean {
  if (previous.text.length + next.length > MAX_TEXT_RUN_CHARS) return false;
  return !previous.bullet && !nextIsBullet && !endsLikeSentence(previous.text) && CONTINUATION_START.test(next);
}

/** The first line that reads as article prose; -1 when none does. */
function findBodyStart(lines: Line[]): number {
  return lines.findIndex((line) => !line.bullet && isProse(line.text, PROSE_MIN_WORDS));
}

/** Stage 2. Reads metadata lines before the body; returns which lines it used up. */
function readPlainTextMetadata(header: Line[]): { metadata: PlainTextMetadata; consumed: Set<number> } {
  const metadata: PlainTextMetadata = {};
  const consumed = new Set<number>();
  header.forEach((line, index) => {
    const isLoneBullet = line.bullet && !header[index - 1]?.bullet && !header[index + 1]?.bullet;
    const found = readMetadataLine(line, isLoneBullet);
    if (!found) return;
    consumed.add(index);
    metadata.byline ??= found.byline;
    metadata.publishedAt ??= found.publishedAt;
    metadata.siteName ??= found.siteName;
  });
  return { metadata, consumed };
}

/** What one header line says about the article, or undefined when it is not a metadata line. */
function readMetadataLine(line: Line, isLoneBullet: boolean): PlainTextMetadata | undefined {
  const date = findHumanDate(line.text);
  const byDate = line.text.match(BY_DATE_LINE);
  if (byDate && date) {
    // "by <author> <date> <categories>": the author is whatever stands between "by" and the date.
    const author = line.text.slice(2, date.index).replace(/[|•·,-]+\s*$/, '').trim();
    return { publishedAt: date.iso, byline: looksLikeName(author) ? author : undefined };
  }
  if (date && isOnlyDate(line.text, date)) return { publishedAt: date.iso };
  if (!line.bullet) {
    const byName = line.text.match(BY_NAME_LINE)?.[1];
    return byName && looksLikeName(byName) ? { byline: byName } : undefined;
  }
  if (line.text.includes(',')) {
    // "Author, Outlet" credit lines; the author may be empty (", The Japan Times").
    const [author, ...outlet] = line.text.split(',').map((part) => part.trim());
    const siteName = outlet.join(', ');
    return {
      byline: looksLikeName(author) ? author : undefined,
      siteName: looksLikeName(siteName) ? siteName : undefined,
    };
  }
  // A bullet standing alone before the body is a byline ("• Kyodo"); bullets in a group are labels.
  if (isLoneBullet && looksLikeName(line.text)) return { byline: line.text };
  return undefined;
}

function isOnlyDate(text: string, date: { index: number; length: number }): boolean {
  const rest = text.slice(0, date.index) + text.slice(date.index + date.length);
  return !/[\p{L}\d]/u.test(rest.replace(/^(?:published|updated|posted)(?: on)?:?/i, ''));
}

/** A short run of capitalized words: "Kyodo", "The Japan Times", "Jane Doe and John Roe". */
function looksLikeName(text: string | undefined): text is string {
  if (!text || /\d/.test(text) || endsLikeSentence(text)) return false;
  const words = text.split(/\s+/).filter(Boolean);
  return (
    words.length > 0 &&
    words.length <= BYLINE_MAX_WORDS &&
    /^\p{Lu}/u.test(words[0]) &&
    words.every((word) => /^\p{Lu}/u.test(word) || NAME_CONNECTORS.has(word.toLowerCase()))
  );
}

/** Stage 3. List bullets that are not sentences: tag lists, menus, offer perks ("Read all stories…"). */
function dropChromeLines(lines: Line[]): Line[] {
  return lines.filter((line) => !line.bullet || isProse(line.text, PROSE_MIN_WORDS));
}

/**
 * Stage 4. Lines before the first prose line are the header: the first of 3+ words that does not end
 * with a full stop is the headline; the rest (section kickers, standfirsts) is dropped.
 */
function splitHeadline(lines: Line[]): { headline?: string; body: Line[] } {
  const bodyStart = findBodyStart(lines);
  if (bodyStart < 0) return { body: [] };
  const headline = lines
    .slice(0, bodyStart)
    .find((line) => countWords(line.text) >= HEADLINE_MIN_WORDS && line.text.length <= HEADLINE_MAX_CHARS && !line.text.endsWith('.'));
  return { headline: headline?.text, body: lines.slice(bodyStart) };
}
