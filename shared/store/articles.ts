import { randomUUID } from 'node:crypto';
import type { AlsoPublished, ArchivedArticle, ArticleArchive, ArticleRevision } from '../dedupe/ports.js';
import { StancewatchError } from '../errors/index.js';
import { isConditionFailure, type DynamoTable } from './dynamo-table.js';
import { itemKeys, partitionKeys, sortKeyPrefixes } from './keys.js';
import { DIFF_TOO_LARGE, MAX_STORED_DIFF_BYTES, decodeArticleText, encodeArticleText, type StoredArticleText } from './limits.js';

/**
 * Articles, their revisions and the content-hash owners (`ART#<urlKey>` / `A` and `REV#<seenAt>`, `HASH#<hash>` /
 * `H`). Every write that could race or be retried is conditional, so reruns and duplicate deliveries store each
 * article once and move it forward only from the text a revision was diffed against.
 */
export function dynamoArticles(table: DynamoTable): ArticleArchive {
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

    reviseArticle: (article, revision) => reviseArticle(table, article, revision),

    listRevisions: (urlKey) => table.queryPrefix<ArticleRevision>(partitionKeys.article(urlKey), sortKeyPrefixes.revision),
  };
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
