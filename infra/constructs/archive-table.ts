import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { TABLE_KEYS } from '../../shared/store/index.js';

export interface ArchiveTableProps {
  /** Blocks DeleteTable; keep on for real stacks, turn off for throwaway test stacks. */
  deletionProtection: boolean;
}

/**
 * The single DynamoDB table holding articles, stances, source health and digest bookkeeping.
 * Retained on stack deletion: the archive is the product's memory.
 */
export class ArchiveTable extends Construct {
  readonly table: dynamodb.Table;

  constructor(scope: Construct, id: string, props: ArchiveTableProps) {
    super(scope, id);
    // Key names come from the store's single-table design, so the table and the adapter cannot drift apart.
    const { partitionKey, sortKey, gsi1, ttlAttribute } = TABLE_KEYS;

    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: { name: partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: sortKey, type: dynamodb.AttributeType.STRING },
      // Traffic is a few bursts an hour: on-demand costs nothing while idle.
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      // Transient items (fetch state, near-duplicate bands, revisions past the cap, host pages) expire. TTL is AWS-only
      // (dynalite never expires an item), so reads that care check `expiresAt` themselves (shared/store/ttl.ts).
      timeToLiveAttribute: ttlAttribute,
      deletionProtection: props.deletionProtection,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.table.addGlobalSecondaryIndex({
      indexName: gsi1.name,
      partitionKey: { name: gsi1.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: gsi1.sortKey, type: dynamodb.AttributeType.STRING },
      // Only what the index's queries read: a smaller index, and updates of other attributes are not copied to it.
      // CloudFormation cannot change an existing index's projection in place: a deployed table takes the index
      // dropped in one deployment and added back in the next.
      projectionType: dynamodb.ProjectionType.INCLUDE,
      nonKeyAttributes: [...gsi1.projected],
    });
  }
}
