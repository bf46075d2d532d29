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
import type { WinkMethods } from 'wink-nlp';

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

const sentiments = new Map<string, number>();

/**
 * The sentiment wink's lexicon gives a word on its own, -1 to 1 ("unfair" -0.4, "reasonable" 0.54, "late" 0), read
 * once per word: a word that judges what it describes carries one, a word that only describes does not.
 */
export function sentimentOf(word: string): number {
  let known = sentiments.get(word);
  if (known === undefined) {
    const nlp = winkNlp();
    known = nlp.readDoc(word).out(nlp.its.sentiment) as unknown as number;
    sentiments.set(word, known);
  }
  return known;
}
