import { randomUUID } from 'node:crypto';
import type { AlsoPublished, ArchivedArticle, ArticleArchive, ArticleRevision } from '../dedupe/ports.js';
import { StancewatchError } from '../errors/index.js';
import { isConditionFailure, type DynamoTable } from './dynamo-table.js';
import { itemKeys, partitionKeys, sortKeyPrefixes } from './keys.js';
import { DIFF_TOO_LARGE, MAX_STORED_DIFF_BYTES, decodeArticleText, encodeArticleText, type StoredArticleText } from './limits.js';
import { TTL_ATTRIBUTE, expiryNow, isExpired } from './ttl.js';

/**
 * Revisions kept per article; older ones expire (TTL, see ttl.ts). A live blog is revised every few minutes and each
 * revision keeps a word diff: fifty is a day of one, and nothing reads past the newest revision but `query`.
 */
export const MAX_KEPT_REVISIONS = 50;

/**
 * Articles, their revisions and the content-hash owners (`ART#<urlKey>` / `A` and `REV#<seenAt>`, `HASH#<hash>` /
 * `H`). Every write that could race or be retried is conditional, so reruns and duplicate deliveries store each
 * article once and move it forward only from the text a revision was diffed against. `now` expires revisions past
 * `MAX_KEPT_REVISIONS`.
 */
export function dynamoArticles(table: DynamoTable, now: () => Date): ArticleArchive {
  return {
    async getArticle(urlKey) {
      const item = await table.get<ArchivedArticle & StoredArticleText>(itemKeys.article(urlKey));
      return item && decodeArticleText(item);
    },

    async putArticleIfAbsent(article) {
      // A long text is stored compressed (past even that, cut and marked): the write never fails on the 400 KB limit.
      const { text, ...fields } = article;
      const item = { ...itemKeys.article(article.urlKey), type: 'article', ...fields, ...encodeArticleText(text) };
      return (await table.putIfAbsent(item)) ? 'stored' : 'exists';
    },

    async claimContentHash(contentHash, urlKey) {
      if (await table.putIfAbsent({ ...itemKeys.contentHash(contentHash), type: 'hash', urlKey })) return urlKey;
      const owner = await table.get<{ urlKey: string }>(itemKeys.contentHash(contentHash));
      return owner?.urlKey ?? urlKey;
    },

    recordAlsoPublished: (ownerKey, copy) => recordAlsoPublished(table, ownerKey, copy),

    async reviseArticle(article, revision) {
      const outcome = await reviseArticle(table, article, revision);
      if (outcome === 'revised') await capRevisions(table, revision, now());
      return outcome;
    },

    async listRevisions(urlKey) {
      const revisions = await table.queryPrefix<ArticleRevision & Record<string, unknown>>(partitionKeys.article(urlKey), sortKeyPrefixes.revision);
      return revisions.filter((revision) => !isExpired(revision, now()));
    },
  };
}

/**
 * Lists a revision in its article's revision index (`RIDX`, the kept `seenAt`s, oldest first) and expires those past
 * `MAX_KEPT_REVISIONS`. Each step is idempotent: a revision already listed is not listed again, expiring is a plain
 * SET, and the index is trimmed only after the revisions it drops are expired, so a crash leaves them to the next one.
 */
async function capRevisions(table: DynamoTable, revision: ArticleRevision, now: Date): Promise<void> {
  const key = itemKeys.revisionIndex(revision.urlKey);
  const index = await table.updateIfReturning<{ kept?: string[] }>({
    Key: key,
    UpdateExpression: 'SET kept = list_append(if_not_exists(kept, :none), :seen), #type = :type',
    ConditionExpression: 'NOT contains(kept, :seenAt)',
    ExpressionAttributeNames: { '#type': 'type' },
    ExpressionAttributeValues: { ':none': [], ':seen': [revision.seenAt], ':seenAt': revision.seenAt, ':type': 'revision-index' },
  });
  const kept = index?.kept ?? [];
  const dropped = kept.slice(0, Math.max(0, kept.length - MAX_KEPT_REVISIONS));
  if (dropped.length === 0) return;
  await Promise.all(
    dropped.map((seenAt) =>
      table.updateIf({
        Key: itemKeys.revision(revision.urlKey, seenAt),
        UpdateExpression: `SET ${TTL_ATTRIBUTE} = :now`,
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':now': expiryNow(now) },
      }),
    ),
  );
  await table.updateIf({
    Key: key,
    UpdateExpression: `REMOVE ${dropped.map((_, position) => `kept[${position}]`).join(', ')}`,
    // Another worker trimmed first: its trim covered these.
    ConditionExpression: 'kept[0] = :first',
    ExpressionAttributeValues: { ':first': dropped[0] },
  });
}

async function recordAlsoPublished(table: DynamoTable, ownerKey: string, copy: AlsoPublished): Promise<void> {
  try {
    await table.update({
      Key: itemKeys.article(ownerKey),
      UpdateExpression:
        'SET alsoPublishedBy = list_append(if_not_exists(alsoPublishedBy, :empty), :copy), lastSeenAt = :seen ADD alsoPublishedUrls :urls',
      // A retry after a crash must not list the same copy twice.
      ConditionExpression: 'attribute_exists(pk) AND NOT contains(alsoPublishedUrls, :url)',
      ExpressionAttributeValues: {
        ':empty': [],
        ':copy': [copy],
        ':seen': copy.seenAt,
        ':urls': new Set([copy.url]),
        ':url': copy.url,
      },
    });
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    const owner = await table.get<{ alsoPublishedUrls?: Set<string> }>(itemKeys.article(ownerKey));
    // Already listed: done. A missing owner (a racing writer not done yet) fails as before, retried next run.
    if (owner?.alsoPublishedUrls?.has(copy.url)) return;
    const why = owner ? 'its listing changed under us' : 'the article that first claimed this text is not archived yet';
    throw new StancewatchError(`Copy ${copy.url} of article ${ownerKey} not recorded: ${why}; retried next run`, { cause: error });
  }
}

async function reviseArticle(table: DynamoTable, article: ArchivedArticle, revision: ArticleRevision): Promise<'revised' | 'conflict'> {
  // The article first, then its revision: a conflict then writes nothing (no orphan revision to undo), and a
  // crash in between keeps the new text and loses only the diff. The other order could lose the text itself: a
  // crash after the revision leaves the article on its old text, and a source answering 304 next run never
  // brings the new one back.
  // The token tells our own update, retried by the SDK after its answer was lost, from another worker's.
  const revisionToken = randomUUID();
  const text = articleTextUpdate(article.text);
  // An article archived before `pageUrl` was kept gains it with its next revision.
  const page = article.pageUrl === undefined ? { set: '', values: {} } : { set: ', pageUrl = :pageUrl', values: { ':pageUrl': article.pageUrl } };
  const moved = await table.updateIf({
    Key: itemKeys.article(article.urlKey),
    UpdateExpression:
      `SET contentHash = :hash, ${text.set}, title = :title${page.set}, lastSeenAt = :seen, revisionToken = :token, revisionCount = if_not_exists(revisionCount, :zero) + :one REMOVE ${text.remove}`,
    // Optimistic lock: only move forward from the text this revision was diffed against.
    ConditionExpression: 'contentHash = :previous',
    ExpressionAttributeNames: { '#text': 'text' },
    ExpressionAttributeValues: {
      ':hash': article.contentHash,
      ...text.values,
      ...page.values,
      ':title': article.title,
      ':seen': revision.seenAt,
      ':previous': revision.previousHash,
      ':token': revisionToken,
      ':zero': 0,
      ':one': 1,
    },
  });
  if (!moved) {
    const current = await table.get<{ revisionToken?: string }>(itemKeys.article(article.urlKey));
    if (current?.revisionToken !== revisionToken) return 'conflict';
  }
  const diff = Buffer.byteLength(revision.diff, 'utf8') <= MAX_STORED_DIFF_BYTES ? revision.diff : DIFF_TOO_LARGE;
  await table.putIfAbsent({ ...itemKeys.revision(revision.urlKey, revision.seenAt), type: 'revision', ...revision, diff });
  return 'revised';
}

/** SET and REMOVE clauses that store an article's text in the form `encodeArticleText` chose and clear the others. */
function articleTextUpdate(text: string): { set: string; remove: string; values: Record<string, unknown> } {
  const stored = encodeArticleText(text);
  const fields = [
    ['#text', ':text', stored.text],
    ['textGz', ':textGz', stored.textGz],
    ['textTruncated', ':textTruncated', stored.textTruncated],
  ] as const;
  const kept = fields.filter(([, , value]) => value !== undefined);
  return {
    set: kept.map(([name, placeholder]) => `${name} = ${placeholder}`).join(', '),
    remove: fields.filter(([, , value]) => value === undefined).map(([name]) => name).join(', '),
    values: Object.fromEntries(kept.map(([, placeholder, value]) => [placeholder, value])),
  };
}
