/**
 * Reads the PolNeAR corpus (Newell, Margolin & Ruths 2018: political news with every attribution marked as source, cue
 * and content) from a local copy. The corpus carries no licence to redistribute: nothing of it is committed, the bench
 * takes its path (`--polnear DIR`, the repository root or its `data/` folder).
 *
 * Layout read: `data/<split>/text/<article>.txt` and `data/<split>/attributions/<article>_<annotator>.ann` (brat
 * standoff). An article annotated by several annotators is read with its first annotation in name order.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Split = 'train' | 'dev';

/** A character range of the article text, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

export interface Attribution {
  source: Span[];
  cue: Span[];
  content: Span[];
  sourceText: string;
  cueText: string;
  /** Words the article writes in lower case somewhere: a capitalised opening word among them is no name. */
  lowerCaseWords: Set<string>;
}

export interface PolnearArticle {
  name: string;
  text: string;
  attributions: Attribution[];
}

/** The `data/` folder of a PolNeAR copy given as the repository root or the folder itself. */
export function polnearDataDir(dir: string): string {
  for (const candidate of [join(dir, 'data'), dir]) {
    if (existsSync(join(candidate, 'train', 'text'))) return candidate;
  }
  throw new Error(`${dir}: not a PolNeAR copy (no data/train/text); fetch networkdynamics/PolNeAR and pass its path`);
}

/** Every article of a split with its attributions, in name order. */
export function readSplit(dataDir: string, split: Split): PolnearArticle[] {
  const textDir = join(dataDir, split, 'text');
  const annotations = readdirSync(join(dataDir, split, 'attributions')).sort();
  return readdirSync(textDir)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => {
      const name = file.replace(/\.txt$/, '');
      const text = readFileSync(join(textDir, file), 'utf8');
      const annotation = annotations.find((ann) => ann.startsWith(`${name}_`));
      const standoff = annotation ? readFileSync(join(dataDir, split, 'attributions', annotation), 'utf8') : '';
      return { name, text, attributions: parseStandoff(standoff, text) };
    });
}

interface TextBound {
  type: string;
  spans: Span[];
}

/** Parses brat standoff: `T` lines are typed spans ("T3\tContent 115 290;300 310\t…"), `E` lines tie them into events. */
export function parseStandoff(standoff: string, text: string): Attribution[] {
  const bounds = new Map<string, TextBound>();
  const events: Map<string, string>[] = [];
  for (const line of standoff.split('\n')) {
    const [id, body] = line.split('\t');
    if (!id || !body) continue;
    if (id.startsWith('T')) {
      const [type, ...ranges] = body.split(' ');
      const spans = ranges.join(' ').split(';').map((range) => {
        const [start, end] = range.trim().split(/\s+/).map(Number);
        return { start, end };
      });
      bounds.set(id, { type, spans });
    } else if (id.startsWith('E')) {
      const roles = new Map<string, string>();
      for (const part of body.trim().split(/\s+/)) {
        const [role, ref] = part.split(':');
        roles.set(role.replace(/\d+$/, ''), ref);
      }
      events.push(roles);
    }
  }
  const spansOf = (roles: Map<string, string>, role: string) => bounds.get(roles.get(role) ?? '')?.spans ?? [];
  const textOf = (spans: Span[]) => spans.map(({ start, end }) => text.slice(start, end)).join(' ');
  const lowerCaseWords = new Set(text.match(/(?<![\p{L}'’])\p{Ll}[\p{L}'’-]*/gu) ?? []);
  return events.map((roles) => {
    const source = spansOf(roles, 'Source');
    const cue = spansOf(roles, 'Cue');
    return { source, cue, content: spansOf(roles, 'Content'), sourceText: textOf(source), cueText: textOf(cue), lowerCaseWords };
  });
}

/**
 * The article's paragraphs with their offsets in the file; the first is the headline. Most articles separate paragraphs
 * with a blank line, some (HuffPost's) with a single line break: every line break ends one.
 */
export function paragraphsOf(text: string): Array<{ text: string; start: number }> {
  const paragraphs: Array<{ text: string; start: number }> = [];
  const separator = /\n\s*/g;
  let start = 0;
  for (const match of [...text.matchAll(separator), { index: text.length, 0: '' }]) {
    const raw = text.slice(start, match.index);
    const lead = raw.length - raw.trimStart().length;
    if (raw.trim()) paragraphs.push({ text: raw.trim(), start: start + lead });
    start = (match.index ?? text.length) + match[0].length;
  }
  return paragraphs;
}
