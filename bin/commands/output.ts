import stringWidth from 'string-width';

/** How `query` prints rows: aligned columns on a terminal, or machine formats for scripts. */
export type OutputFormat = 'table' | 'json' | 'csv';

export interface TableOptions {
  /** Each cell on one line, however long (`--wide`); otherwise long text wraps within its column. */
  wide?: boolean;
}

/**
 * Columns whose text wraps onto more lines, and how wide they may grow (in terminal columns). A quote is
 * read whole: wrapped, never cut. Other columns (dates, names, URLs) stay on one line: a URL must stay
 * clickable, and a name is short.
 */
const WRAP_WIDTHS: Readonly<Record<string, number>> = { text: 60, title: 50 };
const COLUMN_GAP = '  ';

export function formatRows(rows: Array<Record<string, unknown>>, columns: string[], format: OutputFormat, options: TableOptions = {}): string {
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  if (format === 'csv') {
    return `${[columns.join(','), ...rows.map((row) => columns.map((column) => csvCell(row[column])).join(','))].join('\n')}\n`;
  }
  return formatTable(rows, columns, options);
}

/** RFC 4180: quote cells with commas, quotes or line breaks; double the quotes. */
function csvCell(value: unknown): string {
  const text = value === undefined || value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Aligned columns, measured in terminal columns (string-width): a CJK character takes two, so an outlet
 * named 日本経済新聞 pads like 12 Latin letters and the columns after it stay straight.
 */
function formatTable(rows: Array<Record<string, unknown>>, columns: string[], options: TableOptions): string {
  const cells = rows.map((row) =>
    columns.map((column) => {
      const text = String(row[column] ?? '').replace(/\s+/g, ' ').trim();
      const limit = WRAP_WIDTHS[column];
      return limit && !options.wide ? wrapText(text, limit) : [text];
    }),
  );
  const widths = columns.map((column, index) => Math.max(stringWidth(column), ...cells.flatMap((row) => row[index].map((line) => stringWidth(line)))));
  const line = (values: string[]) => values.map((value, index) => padEnd(value, widths[index])).join(COLUMN_GAP).trimEnd();
  const rowLines = cells.flatMap((row) => {
    const height = Math.max(...row.map((lines) => lines.length));
    return Array.from({ length: height }, (_, lineIndex) => line(row.map((lines) => lines[lineIndex] ?? '')));
  });
  return `${[line(columns), line(widths.map((width) => '-'.repeat(width))), ...rowLines].join('\n')}\n`;
}

function padEnd(value: string, width: number): string {
  return value + ' '.repeat(Math.max(0, width - stringWidth(value)));
}

/**
 * Breaks text into lines of at most `width` terminal columns at spaces; a word wider than that (a URL, a
 * run of CJK, which has no spaces) is broken where it reaches the edge.
 */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ').filter(Boolean)) {
    const joined = current ? `${current} ${word}` : word;
    if (stringWidth(joined) <= width) {
      current = joined;
      continue;
    }
    if (current) lines.push(current);
    current = '';
    for (const piece of breakWord(word, width)) {
      if (current) lines.push(current);
      current = piece;
    }
  }
  if (current || lines.length === 0) lines.push(current);
  return lines;
}

function breakWord(word: string, width: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const character of word) {
    if (piece && stringWidth(piece + character) > width) {
      pieces.push(piece);
      piece = '';
    }
    piece += character;
  }
  return [...pieces, piece];
}
