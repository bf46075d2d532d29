/**
 * What a watch takes of an article's statements, and how it judges them: its speakers and their sides, its topic
 * vocabulary, its ledger.
 */
import type { Watch } from '../config/index.js';
import {
  compareWithLedger,
  extractStatements,
  speakerKey,
  speaksAs,
  type LedgerEntry,
  type NoveltyVerdict,
  type Statement,
} from '../stances/index.js';

/** A watch with speakers tracks them and everyone on their sides (a spokesman, a ministry); without any, everyone. */
function isWatchedSpeaker(speaker: string | null, watch: Pick<Watch, 'speakers' | 'sides'>): boolean {
  if (!watch.speakers?.length) return true;
  if (speaker === null) return false;
  if (watch.speakers.some((name) => speakerKey(name) === speakerKey(speaker))) return true;
  return Object.values(watch.sides ?? {}).some((members) => members.some((member) => speaksAs(speaker, member)));
}

/** Judges a statement against the watch's ledger: the speaker's own earlier statements and their side's (`sides`). */
export function judgeStatement(statement: Statement, ledger: LedgerEntry[], watch: Pick<Watch, 'sides'>): NoveltyVerdict {
  return compareWithLedger(statement, ledger, { sides: Object.values(watch.sides ?? {}) });
}

/** The statements of an article that a watch tracks: its speakers are hints to the reader, and a filter when it names any. */
export function watchedStatements(paragraphs: string[], watch: Pick<Watch, 'speakers' | 'synonyms' | 'sides'>): Statement[] {
  return extractStatements(paragraphs, { speakers: watch.speakers, synonyms: watch.synonyms }).filter((statement) =>
    isWatchedSpeaker(statement.speaker, watch),
  );
}
