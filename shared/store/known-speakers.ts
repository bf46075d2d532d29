import type { KnownSpeaker } from '../stances/index.js';
import { wordsOf } from '../stances/surname.js';
import type { DynamoTable } from './dynamo-table.js';
import { itemKeys } from './keys.js';

/** The most known speakers an article is read with: one Query page of small items, a watch's cast many times over. */
export const MAX_KNOWN_SPEAKERS = 2000;

interface KnownSpeakerItem {
  sk: string;
  role?: string;
  speaksFor?: string;
}

/** The fields remembered, each with the count of its words that a fuller one must reach to replace it. */
const FIELDS = [
  ['role', 'roleWords'],
  ['speaksFor', 'speaksForWords'],
] as const;

/**
 * What a watch's articles said of its speakers (`KnownSpeaker`): `WATCH#<id>#WHO` / `<speaker label>` holds the
 * fullest role and principal any article gave the speaker (most words; the later write on a tie), so a later article
 * that names them without ("a spokesman for the utility, Peter Walsh") is read as meaning the same person. The read
 * is a Query of the whole partition, before an article's statements are found, since which speakers it names is not
 * known until then; it holds only speakers an article gave a role or a principal.
 */
export function knownSpeakersStore(table: DynamoTable) {
  return {
    async listKnownSpeakers(watchId: string): Promise<KnownSpeaker[]> {
      const items = await table.queryAll<KnownSpeakerItem>(
        {
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': itemKeys.knownSpeaker(watchId, '').pk },
          ProjectionExpression: 'sk, #role, speaksFor',
          ExpressionAttributeNames: { '#role': 'role' },
        },
        MAX_KNOWN_SPEAKERS,
      );
      return items.map(({ sk, role, speaksFor }) => ({ name: sk, ...(role ? { role } : {}), ...(speaksFor ? { speaksFor } : {}) }));
    },

    /**
     * Keeps each field unless the one stored has more words: a conditional write per field, so concurrent articles
     * and retries settle on the fullest without reading first.
     */
    async rememberSpeakers(watchId: string, speakers: KnownSpeaker[]): Promise<void> {
      const writes = speakers.flatMap((speaker) =>
        FIELDS.filter(([field]) => speaker[field]).map(([field, count]) =>
          table.updateIf({
            Key: itemKeys.knownSpeaker(watchId, speaker.name),
            UpdateExpression: 'SET #type = :type, #field = :value, #count = :words',
            ConditionExpression: 'attribute_not_exists(#count) OR #count <= :words',
            ExpressionAttributeNames: { '#type': 'type', '#field': field, '#count': count },
            ExpressionAttributeValues: { ':type': 'known-speaker', ':value': speaker[field], ':words': wordsOf(speaker[field] as string).length },
          }),
        ),
      );
      await Promise.all(writes);
    },
  };
}
