/** Counting helpers of bench:dedupe's report. */
import { round } from '../report.js';

/** numerator / denominator, rounded; 1 when there is nothing to count (no pair of that kind was wrong). */
export function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 1 : round(numerator / denominator);
}

/** How often each value occurs. */
export function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

/** The mean of each key over rows (a key missing from a row counts as 0 there), rounded. */
export function averageBy(rows: Array<Record<string, number>>): Record<string, number> {
  const sums: Record<string, number> = {};
  for (const row of rows) for (const [key, value] of Object.entries(row)) sums[key] = (sums[key] ?? 0) + value;
  return Object.fromEntries(Object.entries(sums).map(([key, value]) => [key, round(value / rows.length)]));
}
