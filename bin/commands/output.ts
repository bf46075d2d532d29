/** How `query` prints rows: aligned columns on a terminal, or machine formats for scripts. */
export type OutputFormat = 'table' | 'json' | 'csv';

export function formatRows(rows: Array<Record<string, unknown>>, columns: string[], format: OutputFormat): string {
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  if (format === 'csv') {
    return `${[columns.join(','), ...rows.map((row) => columns.map((column) => csvCell(row[column])).join(','))].join('\n')}\n`;
  }
  return formatTable(rows, columns);
}

/** RFC 4180: quote cells with commas, quotes or line breaks; double the quotes. */
function csvCell(value: unknown): string {
  const text = value === undefined || value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Longest cell shown in a terminal column; the rest is in --json and --csv. */
const MAX_CELL = 70;

function formatTable(rows: Array<Record<string, unknown>>, columns: string[]): string {
  const cells = rows.map((row) => columns.map((column) => truncate(String(row[column] ?? ''))));
  const widths = columns.map((column, index) => Math.max(column.length, ...cells.map((row) => row[index].length)));
  const line = (values: string[]) => values.map((value, index) => value.padEnd(widths[index])).join('  ').trimEnd();
  return `${[line(columns), line(widths.map((width) => '-'.repeat(width))), ...cells.map(line)].join('\n')}\n`;
}

function truncate(value: string): string {
  const flat = value.replace(/\s+/g, ' ');
  return flat.length > MAX_CELL ? `${flat.slice(0, MAX_CELL - 1)}…` : flat;
}
