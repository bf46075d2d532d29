import { InvalidArgumentError } from 'commander';

/** `2019`, `2019-06`, `2019-06-06`, or a full ISO timestamp: the prefixes the archive's date keys sort by. */
const DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/**
 * Parses `--since`/`--until`: a year, a month or a day, checked to exist ("2019-13-45" and "June 2019" are
 * refused, not read as an empty range).
 *
 * @example
 * parseDateOption('2019-06') // '2019-06'
 */
export function parseDateOption(value: string): string {
  const text = value.trim();
  const match = DATE_PATTERN.exec(text);
  if (!match || !isRealDate(Number(match[1]), match[2] ? Number(match[2]) : 1, match[3] ? Number(match[3]) : 1)) {
    throw new InvalidArgumentError('expected a date as YYYY-MM-DD (or YYYY-MM, or YYYY).');
  }
  return text;
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Parses `--limit`: a whole number of rows, at least 1. */
export function parsePositiveInteger(value: string): number {
  if (!/^\s*\d+\s*$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value))) {
    throw new InvalidArgumentError('expected a whole number of 1 or more.');
  }
  return Number(value);
}
