import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { dynamoTable } from './dynamo-table.js';
import { partitionKeys, sortKeyPrefixes, timelineKeys } from './keys.js';
import { TABLE_KEYS } from './table.js';
import type { StoredStatement, WatchArticleLink } from './types.js';

/** Sorts after every ISO date with the same prefix, to close a key range at `until`. */
const RANGE_END = '\uffff';

export interface ArticleQuery {
  watchId: string;
  /** ISO date or date-time, inclusive. */
  since?: string;
  until?: string;
  /** Outlet name or host, case-insensitive substring. */
  outlet?: string;
  text?: string;
  limit?: number;
}

export interface StatementQuery {
  watchId: string;
  since?: string;
  until?: string;
  speaker?: string;
  kind?: string;
  status?: string;
  text?: string;
  limit?: number;
}

export interface ArchiveQueries {
  articles(query: ArticleQuery): Promise<WatchArticleLink[]>;
  statements(query: StatementQuery): Promise<StoredStatement[]>;
}

/**
 * Read-side queries of the archive. Each is one DynamoDB Query on a key or the GSI, never a Scan:
 * the date range is a sort-key range, a speaker is a sort-key prefix, and the remaining filters
 * (outlet, kind, status, text) run in DynamoDB as filter expressions on that Query.
 */
export function dynamoQueries(client: DynamoDBClient, tableName: string): ArchiveQueries {
  const { queryAll } = dynamoTable(client, tableName);

  return {
    articles(query) {
      const filters = new FilterBuilder();
      filters.contains(['siteNameLc', 'url'], query.outlet);
      filters.contains(['titleLc'], query.text);
      return queryAll<WatchArticleLink>(
        {
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
          ScanIndexForward: false,
          ...filters.build({
            ':pk': partitionKeys.watch(query.watchId),
            ':from': `${sortKeyPrefixes.watchArticle}${query.since ?? ''}`,
            ':to': `${sortKeyPrefixes.watchArticle}${query.until ?? ''}${RANGE_END}`,
          }),
        },
        query.limit,
      );
    },

    async statements(query) {
      const filters = new FilterBuilder();
      filters.equals('kind', query.kind);
      filters.equals('status', query.status);
      filters.contains(['textLc'], query.text);
      if (query.speaker) {
        // One speaker: the ledger's own partition, keyed by surname; dates filtered on the item. Its sort key is
        // the statement id, not a date, so the newest come first only once the whole partition is read and sorted.
        filters.between('publishedAt', query.since, query.until && `${query.until}${RANGE_END}`);
        const statements = await queryAll<StoredStatement>({
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ...filters.build({ ':pk': partitionKeys.watch(query.watchId), ':prefix': sortKeyPrefixes.speakerStatements(query.speaker) }),
        });
        return statements.sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '')).slice(0, query.limit);
      }
      return queryAll<StoredStatement>(
        {
          IndexName: TABLE_KEYS.gsi1.name,
          KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
          ScanIndexForward: false,
          ...filters.build({ ':pk': timelineKeys.statements(query.watchId), ':from': query.since ?? '', ':to': `${query.until ?? ''}${RANGE_END}` }),
        },
        query.limit,
      );
    },
  };
}

/** Builds a FilterExpression with its names and values, skipping filters that were not asked for. */
class FilterBuilder {
  private readonly clauses: string[] = [];
  private readonly names: Record<string, string> = {};
  private readonly values: Record<string, unknown> = {};

  equals(attribute: string, value: string | undefined): void {
    if (value === undefined) return;
    this.clauses.push(`${this.name(attribute)} = ${this.value(value)}`);
  }

  /**
   * Case-insensitive substring: `contains` is case-sensitive in DynamoDB, so it runs on the lower-case copies the
   * archive writes (`titleLc`, `siteNameLc`, `textLc`; a URL's host is lower case already) with the value lowered.
   */
  contains(attributes: string[], value: string | undefined): void {
    if (value === undefined) return;
    const lowered = this.value(value.toLowerCase());
    this.clauses.push(`(${attributes.map((attribute) => `contains(${this.name(attribute)}, ${lowered})`).join(' OR ')})`);
  }

  between(attribute: string, from: string | undefined, to: string | undefined): void {
    if (from !== undefined) this.clauses.push(`${this.name(attribute)} >= ${this.value(from)}`);
    if (to !== undefined) this.clauses.push(`${this.name(attribute)} <= ${this.value(to)}`);
  }

  build(keyValues: Record<string, unknown>): Pick<QueryCommandInput, 'FilterExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'> {
    return {
      FilterExpression: this.clauses.length ? this.clauses.join(' AND ') : undefined,
      ExpressionAttributeNames: Object.keys(this.names).length ? this.names : undefined,
      ExpressionAttributeValues: { ...keyValues, ...this.values },
    };
  }

  private name(attribute: string): string {
    const placeholder = `#${attribute}`;
    this.names[placeholder] = attribute;
    return placeholder;
  }

  private value(value: unknown): string {
    const placeholder = `:v${Object.keys(this.values).length}`;
    this.values[placeholder] = value;
    return placeholder;
  }
}
