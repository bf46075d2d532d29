/**
 * Dates as pages, feeds and sitemaps write them, read as ISO 8601 in UTC: fetch dates feed entries and listing
 * links with it, extraction an article.
 */

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH_NAME = '(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?';
/** "November 10, 2017", "Jun 6, 2024" (also glued to following text: "Jun 6, 2024Featured Article"). */
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH_NAME}\\s+(\\d{1,2}),?\\s+(\\d{4})`, 'i');
/** "10 November 2017". */
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})\\s+${MONTH_NAME}\\s+(\\d{4})`, 'i');
/** A zone in a date-time: `Z` after a time, a numeric offset, or a name `Date.parse` knows (RFC 822's). */
const ZONE_DESIGNATOR = /\dZ\b|[+-]\d{2}:?\d{2}\b|\b(?:UTC?|GMT|[ECMP][SD]T)\b/i;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/** ISO date-times without an offset would be read in the host's zone; we read them as UTC instead. */
const ISO_WITHOUT_OFFSET = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;

/**
 * Reads a date (ISO 8601, RFC 822 as feeds write it, or written out) as ISO 8601 in UTC. Values without
 * a zone are read as UTC: date-only ones ("2019-06-06", "Jun 6, 2024") become midnight UTC of that day,
 * date-times ("Mon, 03 Jun 2024 09:30:00") that time in UTC, so no result depends on the host's zone.
 *
 * @example
 * toIsoDate('Mon, 03 Jun 2024 09:30:00'); // '2024-06-03T09:30:00.000Z', whatever TZ says
 */
export function toIsoDate(value: string | undefined): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (DATE_ONLY.test(text)) return `${text}T00:00:00.000Z`;
  if (ISO_WITHOUT_OFFSET.test(text)) return isoFromMillis(Date.parse(`${text.replace(' ', 'T')}Z`));
  if (/^\d{4}-\d{2}-\d{2}T/.test(text) || /\d{1,2}:\d{2}/.test(text)) {
    // `Date.parse` reads a zone-less date-time in the host's zone; naming GMT pins it to UTC.
    const parsed = isoFromMillis(Date.parse(ZONE_DESIGNATOR.test(text) ? text : `${text} GMT`));
    if (parsed) return parsed;
  }
  return findHumanDate(text)?.iso;
}

/** Finds a written-out date ("November 10, 2017", "10 Nov 2017") inside a text. */
export function findHumanDate(text: string): { iso: string; index: number; length: number } | undefined {
  const monthFirst = MONTH_DAY_YEAR.exec(text);
  if (monthFirst) return dateMatch(monthFirst, monthFirst[1], monthFirst[2], monthFirst[3]);
  const dayFirst = DAY_MONTH_YEAR.exec(text);
  if (dayFirst) return dateMatch(dayFirst, dayFirst[2], dayFirst[1], dayFirst[3]);
  return undefined;
}

function dateMatch(match: RegExpExecArray, monthName: string, day: string, year: string) {
  const month = MONTHS[monthName.slice(0, 3).toLowerCase()];
  const millis = Date.UTC(Number(year), month - 1, Number(day));
  const iso = isoFromMillis(millis);
  // Date.UTC rolls "Feb 31" over into March; a rolled-over date is not the date the page states.
  if (!iso || new Date(millis).getUTCDate() !== Number(day)) return undefined;
  return { iso, index: match.index, length: match[0].length };
}

function isoFromMillis(millis: number): string | undefined {
  return Number.isNaN(millis) ? undefined : new Date(millis).toISOString();
}
