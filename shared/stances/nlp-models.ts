/**
 * The NLP libraries, loaded on the first article that has paragraphs to read, not at import.
 *
 * Why lazily: loading them costs ~0.5 s (wink's English model ~0.2 s, compromise's lexicon ~0.3 s). Most
 * invocations of the processing function see only 304s and articles already archived and never need them;
 * they should not pay that at every cold start. The first article with new text pays it once per process.
 *
 * Why `require`: it keeps `extractStatements` synchronous, and compromise's prebuilt CommonJS build loads in
 * about half the time of its ESM sources (measured: ~290 ms against ~550 ms). In Lambda, `require` also
 * finds the layer's `/opt/nodejs/node_modules` through NODE_PATH.
 */
import { createRequire } from 'node:module';
import type { ItsFunction, WinkMethods } from 'wink-nlp';

type Compromise = typeof import('compromise').default;

const loadCommonJs = createRequire(import.meta.url);

/** The packages loaded here, which a deployed processor must be able to require (its layer has them). */
export const NLP_MODULES = ['wink-nlp', 'wink-eng-lite-web-model', 'compromise'] as const;

let wink: WinkMethods | undefined;
let compromise: Compromise | undefined;

/** wink-nlp with its English lite web model, made on first use. */
export function winkNlp(): WinkMethods {
  wink ??= (loadCommonJs('wink-nlp') as typeof import('wink-nlp').default)(loadCommonJs('wink-eng-lite-web-model'));
  return wink;
}

/** compromise (names of people and organisations), loaded on first use. */
export function compromiseNlp(): Compromise {
  compromise ??= loadCommonJs('compromise') as Compromise;
  return compromise;
}

/**
 * A word read on its own: its lemma and POS, and the sentiment wink's lexicon gives it, -1 to 1 ("unfair" -0.4,
 * "reasonable" 0.54, "late" 0): a word that judges what it describes carries one, a word that only describes does not.
 */
export interface WordReading {
  lemma: string;
  pos: string;
  sentiment: number;
}

/** Readings of words on their own; cached, sentence openings and judging words repeat. */
const wordReadings = new Map<string, WordReading>();

export function readWord(word: string): WordReading {
  let reading = wordReadings.get(word);
  if (!reading) {
    const { readDoc, its } = winkNlp();
    const doc = readDoc(word);
    const tokens = doc.tokens();
    reading = {
      lemma: String((tokens.out(its.lemma as unknown as ItsFunction<string>) as string[])[0] ?? word).toLowerCase(),
      pos: String((tokens.out(its.pos) as string[])[0] ?? 'X'),
      sentiment: doc.out(its.sentiment) as unknown as number,
    };
    wordReadings.set(word, reading);
  }
  return reading;
}
