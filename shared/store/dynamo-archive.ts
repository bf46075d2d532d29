import { randomUUID } from 'node:crypto';
import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  BatchWriteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
  type BatchGetCommandOutput,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { fitDigestHtml } from '../digest/index.js';
import { StancewatchError } from '../errors/index.js';
import { dynamoArticleFailures } from './article-failures.js';
import { documentClient } from './document-client.js';
import { queryAll as queryAllPages } from './query-all.js';
import { dynamoSourceHealth, isConditionFailure } from './source-health.js';
import {
  DIFF_TOO_LARGE,
  MAX_STORED_DIFF_BYTES,
  MAX_STORED_DIGEST_TEXT_BYTES,
  MAX_STORED_HTML_BYTES,
  capText,
  decodeArticleText,
  encodeArticleText,
  type StoredArticleText,
} from './limits.js';
import { itemKeys, speakerKey } from './keys.js';
import { TABLE_KEYS } from './table.js';
import type { LedgerEntry } from '../stances/types.js';
import type {
  ArchiveStore,
  BandCandidate,
  CandidateText,
  NearDuplicateIndex,
  ArchivedArticle,
  ArticleRevision,
  DigestRecord,
  StoredStatement,
  UrlState,
  WatchArticleLink,
} from './types.js';

/** DynamoDB's BatchWriteItem limit. */
const BATCH_WRITE_LIMIT = 25;

/** DynamoDB's BatchGetItem limit. */
const BATCH_GET_LIMIT = 100;

/** Items read per band Query: a bucket holds the copies of one story, not the archive. */
const BAND_QUERY_LIMIT = 50;

/** The LedgerEntry fields of a statement item (`text` and `kind` are reserved words, hence the names). */
const LEDGER_FIELDS = ['id', 'speaker', 'kind', 'text', 'claim', 'publishedAt', 'url', 'outlet', 'polarity'] as const satisfies readonly (keyof LedgerEntry)[];
const LEDGER_NAMES = Object.fromEntries(LEDGER_FIELDS.map((field) => [`#${field}`, field]));
const LEDGER_PROJECTION = LEDGER_FIELDS.map((field) => `#${field}`).join(', ');

/**
 * The archive on DynamoDB (or dynalite locally). Every write that could race or be retried is
 * conditional, so reruns and duplicate deliveries store each item once.
 */
export function dynamoArchive(client: DynamoDBClient, tableName: string): ArchiveStore & NearDuplicateIndex {
  const doc = documentClient(client);

  const get = async <T>(key: Record<string, string>): Promise<T | undefined> =>
    (await doc.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }))).Item as T | undefined;

  /**
   * Creates an item unless its key exists; true when this call created it. Each call stamps its item with a
   * fresh token: when the answer to our put is lost, the SDK's retry fails the condition on our own item, and
   * only the token tells that from another writer's.
   */
  const putIfAbsent = async (item: Record<string, unknown>): Promise<boolean> => {
    const writeToken = randomUUID();
    try {
      await doc.send(
        new PutCommand({ TableName: tableName, Item: { ...item, writeToken }, ConditionExpression: 'attribute_not_exists(pk)' }),
      );
      return true;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const existing = await get<{ writeToken?: string }>({ pk: item.pk as string, sk: item.sk as string });
      return existing?.writeToken === writeToken;
    }
  };

  const queryAll = <T>(input: Omit<QueryCommandInput, 'TableName'>) => queryAllPages<T>(doc, tableName, input);

  const queryPrefix = <T>(pk: string, prefix: string) =>
    queryAll<T>({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
    });

  return {
    ...dynamoSourceHealth(doc, tableName),
    ...dynamoArticleFailures(doc, tableName),

    async getArticle(urlKey) {
      const item = await get<ArchivedArticle & StoredArticleText>(itemKeys.article(urlKey));
      return item && decodeArticleText(item);
    },

    async putArticleIfAbsent(article) {
      // A long text is stored compressed (past even that, cut and marked): the write never fails on the 400 KB limit.
      const { text, ...fields } = article;
      const item = { ...itemKeys.article(article.urlKey), type: 'article', ...fields, ...encodeArticleText(text) };
      return (await putIfAbsent(item)) ? 'stored' : 'exists';
    },

    async claimContentHash(contentHash, urlKey) {
      if (await putIfAbsent({ ...itemKeys.contentHash(contentHash), type: 'hash', urlKey })) return urlKey;
      const owner = await get<{ urlKey: string }>(itemKeys.contentHash(contentHash));
      return owner?.urlKey ?? urlKey;
    },

    async recordAlsoPublished(ownerKey, copy) {
      try {
        await doc.send(
          new UpdateCommand({
            TableName: tableName,
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
          }),
        );
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        const owner = await get<{ alsoPublishedUrls?: Set<string> }>(itemKeys.article(ownerKey));
        // Already listed: done. A missing owner (a racing writer not done yet) fails as before, retried next run.
        if (owner?.alsoPublishedUrls?.has(copy.url)) return;
        const why = owner ? 'its listing changed under us' : 'the article that first claimed this text is not archived yet';
        throw new StancewatchError(`Copy ${copy.url} of article ${ownerKey} not recorded: ${why}; retried next run`, { cause: error });
      }
    },

    async reviseArticle(article, revision) {
      // The article first, then its revision: a conflict then writes nothing (no orphan revision to undo), and a
      // crash in between keeps the new text and loses only the diff. The other order could lose the text itself: a
      // crash after the revision leaves the article on its old text, and a source answering 304 next run never
      // brings the new one back.
      // The token tells our own update, retried by the SDK after its answer was lost, from another worker's.
      const revisionToken = randomUUID();
      const text = articleTextUpdate(article.text);
      // An article archived before `pageUrl` was kept gains it with its next revision.
      const page = article.pageUrl === undefined ? { set: '', values: {} } : { set: ', pageUrl = :pageUrl', values: { ':pageUrl': article.pageUrl } };
      try {
        await doc.send(
          new UpdateCommand({
            TableName: tableName,
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
          }),
        );
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        const current = await get<{ revisionToken?: string }>(itemKeys.article(article.urlKey));
        if (current?.revisionToken !== revisionToken) return 'conflict';
      }
      const diff = Buffer.byteLength(revision.diff, 'utf8') <= MAX_STORED_DIFF_BYTES ? revision.diff : DIFF_TOO_LARGE;
      await putIfAbsent({ ...itemKeys.revision(revision.urlKey, revision.seenAt), type: 'revision', ...revision, diff });
      return 'revised';
    },

    listRevisions: (urlKey) => queryPrefix<ArticleRevision>(`ART#${urlKey}`, 'REV#'),

    getUrlState: (url) => get<UrlState>(itemKeys.urlState(url)),

    async putUrlState(url, state) {
      await doc.send(new PutCommand({ TableName: tableName, Item: { ...itemKeys.urlState(url), type: 'url', url, ...state } }));
    },

    getWatchMark: (watchId, urlKey) => get<{ contentHash: string }>(itemKeys.watchMark(watchId, urlKey)),

    async putWatchMark(watchId, urlKey, contentHash) {
      await doc.send(
        new PutCommand({ TableName: tableName, Item: { ...itemKeys.watchMark(watchId, urlKey), type: 'watch-mark', contentHash } }),
      );
    },

    async linkArticle(given: WatchArticleLink) {
      // One link per watch and article. Its sort key carries a date, which a syndicated copy or a revision read
      // after a crash may state differently from the first reading: a guard item keeps the date linked first.
      const guardKey = itemKeys.watchLink(given.watchId, given.urlKey);
      const first = await putIfAbsent({ ...guardKey, type: 'watch-link', publishedAt: given.publishedAt });
      const link = first ? given : { ...given, publishedAt: (await get<{ publishedAt?: string }>(guardKey))?.publishedAt };
      await putIfAbsent({
        ...itemKeys.watchArticle(link.watchId, link.publishedAt, link.urlKey),
        type: 'watch-article',
        ...link,
        // Lower-case copies for the case-insensitive filters of `query` (see queries.ts).
        titleLc: link.title.toLowerCase(),
        siteNameLc: link.siteName?.toLowerCase(),
      });
    },

    async listArticles(watchId, options) {
      // Newest first: the sort key starts with the publication date.
      return queryAll<WatchArticleLink>({
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': `WATCH#${watchId}`, ':prefix': 'ART#' },
        ScanIndexForward: false,
        Limit: options?.limit,
      });
    },

    listStatements: (watchId, speaker) =>
      queryAll<LedgerEntry>({
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': `WATCH#${watchId}`, ':prefix': speaker === undefined ? 'ST#' : `ST#${speakerKey(speaker)}#` },
        // Read for every article a watch sees: only what the comparison and the closest statement need.
        ProjectionExpression: LEDGER_PROJECTION,
        ExpressionAttributeNames: LEDGER_NAMES,
      }),

    async addStatement(statement) {
      const key = itemKeys.statement(statement.watchId, statement.speaker, statement.id);
      const added = await putIfAbsent({
        ...key,
        type: 'statement',
        [TABLE_KEYS.gsi1.partitionKey]: `WATCH#${statement.watchId}#ST`,
        [TABLE_KEYS.gsi1.sortKey]: `${statement.publishedAt ?? statement.foundAt}#${statement.id}`,
        speakerKey: speakerKey(statement.speaker),
        ...statement,
        // A lower-case copy for the case-insensitive text filter of `query` (see queries.ts).
        textLc: statement.text.toLowerCase(),
      });
      // The pending marker is idempotent on its own, so a crash between the two writes heals on retry.
      await putIfAbsent({
        ...itemKeys.pending(statement.watchId, statement.id),
        type: 'pending',
        ...statement,
      });
      return added;
    },

    async countRepeat(watchId, earlier, source) {
      try {
        await doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: itemKeys.statement(watchId, earlier.speaker, earlier.id),
            UpdateExpression: 'ADD repeatCount :one, repeatUrls :urls SET lastRepeatedAt = :when, lastRepeatUrl = :url',
            // Once per restating article: an ADD retried after its answer was lost must not count twice.
            ConditionExpression: 'NOT contains(repeatUrls, :url)',
            ExpressionAttributeValues: { ':one': 1, ':urls': new Set([source.url]), ':when': source.publishedAt ?? new Date().toISOString(), ':url': source.url },
          }),
        );
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    },

    listPending: (watchId) => queryPrefix<StoredStatement>(`WATCH#${watchId}`, 'PEND#'),

    async clearPending(watchId, statementIds) {
      for (let start = 0; start < statementIds.length; start += BATCH_WRITE_LIMIT) {
        const chunk = statementIds.slice(start, start + BATCH_WRITE_LIMIT);
        let requests: Record<string, unknown[]> | undefined = {
          [tableName]: chunk.map((id) => ({ DeleteRequest: { Key: itemKeys.pending(watchId, id) } })),
        };
        while (requests && Object.keys(requests).length > 0) {
          const result = await doc.send(new BatchWriteCommand({ RequestItems: requests as never }));
          requests = result.UnprocessedItems as Record<string, unknown[]> | undefined;
        }
      }
    },

    async listTimeline(watchId) {
      return queryAll<StoredStatement>({
        IndexName: TABLE_KEYS.gsi1.name,
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': `WATCH#${watchId}#ST` },
      });
    },

    async claimDigest(record: DigestRecord) {
      const timeline = {
        [TABLE_KEYS.gsi1.partitionKey]: `WATCH#${record.watchId}#DIG`,
        [TABLE_KEYS.gsi1.sortKey]: `${record.createdAt}#${record.digestKey}`,
      };
      // Both bodies capped so the item stays under 400 KB; the feed serves the HTML.
      const kept = {
        ...record,
        text: capText(record.text, MAX_STORED_DIGEST_TEXT_BYTES),
        html: fitDigestHtml(record.html, MAX_STORED_HTML_BYTES),
      };
      if (await putIfAbsent({ ...itemKeys.digest(record.watchId, record.digestKey), type: 'digest', ...timeline, ...kept })) {
        return { claimed: true };
      }
      const existing = await get<DigestRecord>(itemKeys.digest(record.watchId, record.digestKey));
      return { claimed: false, existing: existing ?? record };
    },

    getDigest: (watchId, digestKey) => get<DigestRecord>(itemKeys.digest(watchId, digestKey)),

    listDigests(watchId, limit) {
      // Newest first through the GSI; only digests that went out belong in a reader's feed.
      return queryAllPages<DigestRecord>(
        doc,
        tableName,
        {
          IndexName: TABLE_KEYS.gsi1.name,
          KeyConditionExpression: 'gsi1pk = :pk',
          FilterExpression: '#status = :delivered',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':pk': `WATCH#${watchId}#DIG`, ':delivered': 'delivered' },
          ScanIndexForward: false,
        },
        limit,
      );
    },

    async findBandCandidates(bandKeys) {
      const buckets = await Promise.all(
        bandKeys.map(async (bandKey) => {
          const page = await doc.send(
            new QueryCommand({
              TableName: tableName,
              KeyConditionExpression: 'pk = :pk',
              ExpressionAttributeValues: { ':pk': itemKeys.band(bandKey, '').pk },
              ProjectionExpression: 'sk',
              Limit: BAND_QUERY_LIMIT,
            }),
          );
          return (page.Items ?? []).map((item) => item.sk as string);
        }),
      );
      const counts = new Map<string, number>();
      for (const urlKey of buckets.flat()) counts.set(urlKey, (counts.get(urlKey) ?? 0) + 1);
      return [...counts].map(([urlKey, bands]): BandCandidate => ({ urlKey, bands }));
    },

    async getArticleTexts(urlKeys) {
      const found: CandidateText[] = [];
      for (let start = 0; start < urlKeys.length; start += BATCH_GET_LIMIT) {
        let keys: Record<string, unknown>[] | undefined = urlKeys.slice(start, start + BATCH_GET_LIMIT).map(itemKeys.article);
        while (keys && keys.length > 0) {
          const result: BatchGetCommandOutput = await doc.send(
            new BatchGetCommand({
              RequestItems: {
                [tableName]: {
                  Keys: keys,
                  ConsistentRead: true,
                  ProjectionExpression: 'urlKey, #text, textGz, firstSeenAt',
                  ExpressionAttributeNames: { '#text': 'text' },
                },
              },
            }),
          );
          found.push(...((result.Responses?.[tableName] ?? []) as Array<Omit<CandidateText, 'text'> & StoredArticleText>).map(decodeArticleText));
          keys = result.UnprocessedKeys?.[tableName]?.Keys;
        }
      }
      return found;
    },

    async putBands(urlKey, bandKeys, seenAt) {
      for (let start = 0; start < bandKeys.length; start += BATCH_WRITE_LIMIT) {
        // Plain puts: a band item's key is its whole content, so a rerun rewrites the same item.
        let requests: Record<string, unknown[]> | undefined = {
          [tableName]: bandKeys
            .slice(start, start + BATCH_WRITE_LIMIT)
            .map((bandKey) => ({ PutRequest: { Item: { ...itemKeys.band(bandKey, urlKey), type: 'band', seenAt } } })),
        };
        while (requests && Object.keys(requests).length > 0) {
          const result = await doc.send(new BatchWriteCommand({ RequestItems: requests as never }));
          requests = result.UnprocessedItems as Record<string, unknown[]> | undefined;
        }
      }
    },

    async repointContentHash(contentHash, fromUrlKey, toUrlKey) {
      try {
        await doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: itemKeys.contentHash(contentHash),
            UpdateExpression: 'SET urlKey = :to, repointedFrom = :from',
            ConditionExpression: 'urlKey = :from',
            ExpressionAttributeValues: { ':to': toUrlKey, ':from': fromUrlKey },
          }),
        );
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    },

    async markDelivered(watchId, digestKey, deliveredTo) {
      await doc.send(
        new UpdateCommand({
          TableName: tableName,
          Key: itemKeys.digest(watchId, digestKey),
          UpdateExpression: 'SET #status = :delivered, deliveredTo = :to, deliveredAt = :now',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':delivered': 'delivered', ':to': deliveredTo, ':now': new Date().toISOString() },
        }),
      );
    },

    async markFailed(watchId, digestKey, deliveredBy, error) {
      await doc.send(
        new UpdateCommand({
          TableName: tableName,
          Key: itemKeys.digest(watchId, digestKey),
          UpdateExpression: 'SET #status = :failed, deliveredBy = :by, lastError = :error',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':failed': 'failed', ':by': deliveredBy, ':error': error },
        }),
      );
    },

    async retryDigest(watchId, digestKey) {
      // As in putIfAbsent: the token tells our own take-back, retried after its answer was lost, from another worker's.
      const retryToken = randomUUID();
      try {
        await doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: itemKeys.digest(watchId, digestKey),
            UpdateExpression: 'SET #status = :sending, retryToken = :token',
            ConditionExpression: '#status = :failed',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':sending': 'sending', ':failed': 'failed', ':token': retryToken },
          }),
        );
        return true;
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        return (await get<{ retryToken?: string }>(itemKeys.digest(watchId, digestKey)))?.retryToken === retryToken;
      }
    },

    async findDigestOwners(watchId, statements) {
      // One GetItem each, in parallel: the digest function's role has GetItem, not BatchGetItem, and a run's
      // pending statements are a handful.
      const owners = await Promise.all(
        statements.map(async (statement) => {
          const { Item } = await doc.send(
            new GetCommand({
              TableName: tableName,
              Key: itemKeys.statement(watchId, statement.speaker, statement.id),
              ConsistentRead: true,
              ProjectionExpression: 'digestKey',
            }),
          );
          return [statement.id, Item?.digestKey as string | undefined] as const;
        }),
      );
      return new Map(owners.filter((owner): owner is readonly [string, string] => owner[1] !== undefined));
    },

    async assignToDigest(watchId, statements, digestKey, takeOverFrom) {
      const allowed = [digestKey, ...takeOverFrom];
      const names = allowed.map((_key, index) => `:k${index}`);
      const owned: string[] = [];
      for (const statement of statements) {
        try {
          await doc.send(
            new UpdateCommand({
              TableName: tableName,
              Key: itemKeys.statement(watchId, statement.speaker, statement.id),
              UpdateExpression: 'SET digestKey = :k0',
              // Our own key passes too: a retry after a lost answer, or another worker making the same digest.
              ConditionExpression: `attribute_exists(pk) AND (attribute_not_exists(digestKey) OR digestKey IN (${names.join(', ')}))`,
              ExpressionAttributeValues: Object.fromEntries(allowed.map((key, index) => [names[index], key])),
            }),
          );
          owned.push(statement.id);
        } catch (error) {
          if (!isConditionFailure(error)) throw error;
        }
      }
      return owned;
    },
  };
}

/** A DynamoDB client for a table; `endpoint` points it at dynalite for local runs and tests. */
export function createDynamoClient(options: { endpoint?: string; region?: string } = {}): DynamoDBClient {
  const config: DynamoDBClientConfig = { region: options.region ?? process.env.AWS_REGION ?? 'us-east-1' };
  if (options.endpoint) {
    config.endpoint = options.endpoint;
    // dynalite accepts any credentials; fixed dummies keep local runs free of the AWS credential chain.
    config.credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
  }
  return new DynamoDBClient(config);
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
