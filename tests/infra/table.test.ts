import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ArchiveTable } from '../../infra/constructs/archive-table.js';
import { TABLE_KEYS } from '../../shared/store/index.js';

/** The archive table construct alone: no bundling, so this file synthesizes in a moment. */
function synthesizeTable(): Template {
  const stack = new Stack(new App(), 'TableOnly');
  new ArchiveTable(stack, 'Archive', { deletionProtection: false });
  return Template.fromStack(stack);
}

describe('archive table GSI1 projection and TTL', () => {
  let template: Template;
  let projection: { ProjectionType: string; NonKeyAttributes?: string[] };
  beforeAll(() => {
    template = synthesizeTable();
    const [table] = Object.values(template.findResources('AWS::DynamoDB::Table')) as Array<{
      Properties: { GlobalSecondaryIndexes: Array<{ IndexName: string; Projection: typeof projection }> };
    }>;
    projection = table.Properties.GlobalSecondaryIndexes.find((index) => index.IndexName === 'gsi1')!.Projection;
  });

  it('projects only the attributes the store declares for it, not all', () => {
    expect(projection.ProjectionType).toBe('INCLUDE');
    expect(projection.NonKeyAttributes).toEqual([...TABLE_KEYS.gsi1.projected]);
  });

  it("holds what the ledger's recent window, the timeline, `query --stances` and the feed read", () => {
    const read = {
      ledgerWindow: ['id', 'speaker', 'kind', 'text', 'claim', 'publishedAt', 'url', 'outlet', 'polarity'],
      timeline: ['publishedAt', 'foundAt', 'paragraphIndex', 'speaker', 'status', 'withdrawn', 'kind', 'text', 'outlet', 'url', 'closest'],
      queryStances: ['id', 'publishedAt', 'status', 'kind', 'speaker', 'text', 'textLc', 'outlet', 'url', 'repeatCount'],
      feed: ['status', 'digestKey', 'subject', 'createdAt', 'html'],
    };
    for (const attributes of Object.values(read)) expect(projection.NonKeyAttributes).toEqual(expect.arrayContaining(attributes));
  });

  it('leaves out what grows or changes without any query reading it', () => {
    for (const attribute of ['repeatUrls', 'lastRepeatUrl', 'writeToken', 'counted', 'deliveredTo', 'deliveredBy', 'statementIds']) {
      expect(projection.NonKeyAttributes).not.toContain(attribute);
    }
  });

  it('expires transient items on expiresAt', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', { TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true } });
  });
});
