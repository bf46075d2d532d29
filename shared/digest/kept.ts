/**
 * The copy of a digest the archive keeps (the feed serves it), made while rendering: the e-mail is sent whole, but a
 * DynamoDB item holds at most 400 KB, attribute names included, and a write over it fails every time it is retried.
 */

/** A digest's HTML kept for the feed. */
export const MAX_STORED_HTML_BYTES = 240_000;

/** A digest's plain text kept beside its HTML; with the HTML and the statement ids, under 400 KB. */
export const MAX_STORED_DIGEST_TEXT_BYTES = 100_000;

/** How every HTML page ends: the column, the body, the document, a final newline. */
export const PAGE_END = ['</div>', '</body>', '</html>', ''];

/** One article of a page: its headline block, one block per statement, and what closes it (HTML only). */
export interface PageGroup {
  open: string;
  statements: string[];
  close?: string;
}

/** A digest body as its lines: what comes before the articles, one group per article, and what comes after. */
export interface DigestPage {
  head: string[];
  groups: PageGroup[];
  end: string[];
}

export function joinPage(page: DigestPage): string {
  return [...page.head, ...page.groups.flatMap(groupLines), ...page.end].join('\n');
}

function groupLines(group: PageGroup): string[] {
  return [group.open, ...group.statements, ...closeOf(group)];
}

function closeOf(group: PageGroup): string[] {
  return group.close === undefined ? [] : [group.close];
}

/**
 * The text and HTML as the archive keeps them. Each is whole if it fits its cap (`MAX_STORED_DIGEST_TEXT_BYTES`,
 * `MAX_STORED_HTML_BYTES`), else cut between articles or between an article's statements, never inside one: the
 * text is then a prefix of the sent text; the HTML closes the last article it keeps and ends with `leftOut(count)`
 * in place of the page's end (the repeats, sources and articles needing attention).
 */
export function keptCopy(text: DigestPage, html: DigestPage, leftOut: (count: number) => string): { text: string; html: string } {
  return {
    text: fitPage(text, MAX_STORED_DIGEST_TEXT_BYTES, () => []),
    html: fitPage(html, MAX_STORED_HTML_BYTES, (left) => [leftOut(left), ...PAGE_END]),
  };
}

/** A line after the page's first costs its bytes and the line break before it. */
const lineBytes = (line: string) => 1 + Buffer.byteLength(line, 'utf8');

const linesBytes = (lines: string[]) => lines.reduce((sum, line) => sum + lineBytes(line), 0);

/** The page whole if it fits in `maxBytes`; else the head, the statements that fit whole, and `cutEnd(left)`. */
function fitPage(page: DigestPage, maxBytes: number, cutEnd: (left: number) => string[]): string {
  const whole = joinPage(page);
  if (Buffer.byteLength(whole, 'utf8') <= maxBytes) return whole;
  const total = page.groups.reduce((sum, group) => sum + group.statements.length, 0);
  const kept: PageGroup[] = [];
  let bytes = Buffer.byteLength(page.head.join('\n'), 'utf8');
  let count = 0;
  // Room for `extra` more bytes, with the end that would follow if one more statement were kept.
  const fits = (extra: number) => bytes + extra + linesBytes(cutEnd(total - count - 1)) <= maxBytes;
  for (const group of page.groups) {
    const statements: string[] = [];
    let size = lineBytes(group.open) + linesBytes(closeOf(group));
    for (const statement of group.statements) {
      if (!fits(size + lineBytes(statement))) break;
      statements.push(statement);
      size += lineBytes(statement);
      count += 1;
    }
    if (statements.length > 0) {
      kept.push({ ...group, statements });
      bytes += size;
    }
    if (statements.length < group.statements.length) break;
  }
  return joinPage({ head: page.head, groups: kept, end: cutEnd(total - count) });
}
