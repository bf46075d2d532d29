import type { PipelineDeps } from './deps.js';
import type { UnmatchedSpeakerReport } from './types.js';

/**
 * The speakers a watch names that no article of it has quoted yet. A name spelt as the coverage never
 * spells it ("Владимир Путин" for English coverage of "Vladimir Putin") would otherwise filter out every
 * statement, silently. Only watches with archived articles are judged: before that nothing could match.
 *
 * Costs one Query for the watch's newest article and one per listed speaker on the speaker's ledger
 * partition, the same reads `recordStatements` makes.
 */
export async function findUnmatchedSpeakers(deps: Pick<PipelineDeps, 'config' | 'store'>): Promise<UnmatchedSpeakerReport[]> {
  const unmatched: UnmatchedSpeakerReport[] = [];
  for (const watch of deps.config.watches) {
    if (!watch.speakers?.length) continue;
    if ((await deps.store.listArticles(watch.id, { limit: 1 })).length === 0) continue;
    for (const speaker of watch.speakers) {
      if ((await deps.store.listStatements(watch.id, speaker)).length > 0) continue;
      unmatched.push({ watch: watch.id, speaker, reason: 'no statement by this speaker in any article of the watch yet' });
    }
  }
  return unmatched;
}
