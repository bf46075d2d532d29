/**
 * The small helpers every bench needs for its report: rounding, averages and command-line options.
 * One copy here, so two benches cannot round or average the same figure differently.
 */

/** Rounds to `digits` decimals (3 by default): results files keep what is worth comparing. */
export function round(value: number, digits = 3): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** The arithmetic mean; 0 for no values. */
export function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
}

/** The middle value (the upper one of an even count), as the benches have always reported it. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** The value after `--name` on the command line, else `fallback`. */
export function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && index + 1 < process.argv.length ? process.argv[index + 1] : fallback;
}

/** A numeric `--name` option; anything but a number stops the bench with a message naming the option. */
export function numberOption(name: string, fallback: number): number {
  const text = option(name, String(fallback));
  const value = Number(text);
  if (!Number.isFinite(value)) throw new Error(`--${name} ${text}: expected a number`);
  return value;
}
