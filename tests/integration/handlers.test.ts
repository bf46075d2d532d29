import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { ChangeMessageVisibilityCommand, SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { Context, SQSBatchResponse, SQSEvent, ScheduledEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { startSampleServer, type SampleServer } from '../../bin/sample-server.js';
import { parseConfig } from '../../shared/config/index.js';
import { dynamoWatchConfig } from '../../shared/store/index.js';
import { lambdaContext, scheduledEvent, sqsEvent } from '../helpers/events.js';
import { lambdaTableEnv, startTestTable, type TestTable } from '../helpers/dynamo.js';
import { startSite } from '../helpers/web.js';

const SAMPLE_SITES = new URL('../../samples/sites/', import.meta.url).pathname;
const QUEUE_URL = 'https://sqs.eu-west-1.amazonaws.com/123456789012/stancewatch-sources';
const DIGEST_QUEUE_URL = 'https://sqs.eu-west-1.amazonaws.com/123456789012/stancewatch-digests';
const TOPIC_ARN = 'arn:aws:sns:eu-west-1:123456789012:stancewatch-digests';
const WATCH_ID = 'russia-japan-treaty';

type Handler<E, R> = (event: E, context: Context) => Promise<R>;

/**
 * The handlers as Lambda runs them: imported after the environment is set (they build their deps at
 * module load), DynamoDB = dynalite over HTTP via AWS_ENDPOINT_URL_DYNAMODB, sources = a loopback news site;
 * only SQS and SNS are stubbed, at the SDK client's `send`.
 */
describe('Lambda handlers against dynalite and a loopback news site', () => {
  let table: TestTable;
  let server: SampleServer;
  let schedule: Handler<ScheduledEvent, { enqueued: number }>;
  let processSource: Handler<SQSEvent, SQSBatchResponse>;
  let digest: Handler<SQSEvent, SQSBatchResponse>;
  const savedEnv = { ...process.env };

  beforeAll(async () => {
    table = await startTestTable();
    server = await startSampleServer(SAMPLE_SITES);
    const config = parseConfig({
      watches: [
        {
          id: WATCH_ID,
          name: 'Russia–Japan peace treaty',
          keywords: ['peace treaty', 'Japan'],
          speakers: ['Vladimir Putin'],
          sources: [{ url: `${server.baseUrl}/feed.xml` }],
        },
      ],
    }, 'test');
    // As `stancewatch watches push` leaves them: the functions read the watches from the table.
    await dynamoWatchConfig(table.client, table.tableName).pushWatches(config);
    Object.assign(process.env, {
      ...lambdaTableEnv(table),
      QUEUE_URL,
      DIGEST_QUEUE_URL,
      TOPIC_ARN,
      // The loopback site is a private address; the deployed stack sets this to false.
      ALLOW_PRIVATE_NETWORK: 'true',
      POWERTOOLS_LOG_LEVEL: 'ERROR',
      POWERTOOLS_METRICS_NAMESPACE: 'StancewatchTest',
      POWERTOOLS_SERVICE_NAME: 'stancewatch',
    });
    vi.resetModules();
    ({ handler: schedule } = await import('../../lambdas/schedule.js'));
    ({ handler: processSource } = await import('../../lambdas/process-source.js'));
    ({ handler: digest } = await import('../../lambdas/digest.js'));
  });

  afterAll(async () => {
    vi.restoreAllMocks();
    process.env = savedEnv;
    await server?.close();
    await table?.close();
  });

  it('schedule: a tick enqueues one message per source of the watches due, with the event time as run id', async () => {
    const send = vi.spyOn(SQSClient.prototype, 'send').mockResolvedValue({ Successful: [{ Id: '0' }], Failed: [] } as never);
    const tick = (time: string) => ({ ...scheduledEvent(time), detail: { enqueue: 'due', tick: 'rate(5 minutes)' } });
    // The watch runs on the default rate(1 hour): not due in the tick that ends at 05:55 (EventBridge's seconds are dropped).
    await expect(schedule(tick('2025-01-01T05:55:12Z'), lambdaContext('schedule'))).resolves.toEqual({ enqueued: 0 });
    expect(send).not.toHaveBeenCalled();
    const event = tick('2025-01-01T06:00:12Z');
    await expect(schedule(event, lambdaContext('schedule'))).resolves.toEqual({ enqueued: 1 });
    expect(send).toHaveBeenCalledTimes(1);
    const command = send.mock.calls[0][0] as SendMessageBatchCommand;
    expect(command).toBeInstanceOf(SendMessageBatchCommand);
    expect(command.input).toEqual({
      QueueUrl: QUEUE_URL,
      Entries: [{ Id: '0', MessageBody: JSON.stringify({ watchIds: [WATCH_ID], sourceUrl: `${server.baseUrl}/feed.xml`, runId: event.time }) }],
    });
    send.mockRestore();
  });

  it('process-source: processes a good message and reports only the malformed one as failed, to be retried in a minute', async () => {
    const send = vi.spyOn(SQSClient.prototype, 'send').mockResolvedValue({} as never);
    const event = sqsEvent([{ watchIds: [WATCH_ID], sourceUrl: `${server.baseUrl}/feed.xml`, runId: '2025-01-01T06:00:00Z' }, 'not json {']);
    const response = await processSource(event, lambdaContext('process-source', 120_000));
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: event.Records[1].messageId }]);
    // The failed message comes back after a minute, not after the queue's visibility timeout.
    expect(send).toHaveBeenCalledTimes(1);
    const command = send.mock.calls[0][0] as ChangeMessageVisibilityCommand;
    expect(command).toBeInstanceOf(ChangeMessageVisibilityCommand);
    expect(command.input).toEqual({ QueueUrl: QUEUE_URL, ReceiptHandle: event.Records[1].receiptHandle, VisibilityTimeout: 60 });
    send.mockRestore();
    // The good message went all the way through: articles archived and statements pending for the digest.
    expect((await table.store.listArticles(WATCH_ID)).length).toBeGreaterThan(0);
    expect((await table.store.listPending(WATCH_ID)).length).toBeGreaterThan(0);
  });

  it('process-source: refuses a message naming a URL that is no configured source, without fetching it', async () => {
    const elsewhere = await startSite({ '/feed.xml': { type: 'application/rss+xml', body: '<rss/>' } });
    onTestFinished(elsewhere.close);
    const event = sqsEvent([
      { watchId: WATCH_ID, sourceUrl: elsewhere.url('/feed.xml'), runId: '2025-01-01T06:00:00Z' },
      { watchId: 'no-such-watch', sourceUrl: elsewhere.url('/feed.xml'), runId: '2025-01-01T06:00:00Z' },
      // The shape passes plan now: no watch of it lists the URL either.
      { watchIds: [WATCH_ID, 'no-such-watch'], sourceUrl: elsewhere.url('/feed.xml'), runId: '2025-01-01T06:00:00Z' },
    ]);
    const response = await processSource(event, lambdaContext('process-source', 120_000));
    // Not failed either: no retry can make it a configured source, so it is not sent round to the DLQ.
    expect(response.batchItemFailures).toEqual([]);
    expect(elsewhere.arrivals).toEqual([]);
  });

  it('process-source: reads a watch pushed since the container read the watches, for its first message', async () => {
    const later = await startSite({ '/later.xml': { type: 'application/rss+xml', body: '<rss version="2.0"><channel><title>Later</title></channel></rss>' } });
    onTestFinished(later.close);
    const watches = dynamoWatchConfig(table.client, table.tableName);
    const pushed = (await watches.loadWatches())!;
    await watches.pushWatches(
      parseConfig({ watches: [...pushed.watches, { id: 'pushed-later', name: 'Later', keywords: ['treaty'], sources: [{ url: later.url('/later.xml') }] }] }, 'test'),
    );
    // Past the least wait between two reads (the container read the watches in the tests before), short of the cache's age.
    vi.useFakeTimers({ toFake: ['Date'] });
    onTestFinished(() => void vi.useRealTimers());
    vi.setSystemTime(Date.now() + 10_000);
    const event = sqsEvent([{ watchIds: ['pushed-later'], sourceUrl: later.url('/later.xml'), runId: '2025-01-01T06:30:00Z' }]);
    const response = await processSource(event, lambdaContext('process-source', 120_000));
    expect(response.batchItemFailures).toEqual([]);
    expect(later.arrivals.map((arrival) => arrival.path)).toContain('/later.xml');
  });

  it('schedule: with enqueue: digests, enqueues one digest message per watch on the digest queue', async () => {
    const send = vi.spyOn(SQSClient.prototype, 'send').mockResolvedValue({ Successful: [{ Id: '0' }], Failed: [] } as never);
    const event = { ...scheduledEvent('2025-01-01T07:00:00Z', 'stancewatch-digest'), detail: { watchIds: [WATCH_ID], enqueue: 'digests' } };
    await expect(schedule(event, lambdaContext('schedule'))).resolves.toEqual({ enqueued: 1 });
    expect(send).toHaveBeenCalledTimes(1);
    const command = send.mock.calls[0][0] as SendMessageBatchCommand;
    expect(command.input).toEqual({
      QueueUrl: DIGEST_QUEUE_URL,
      Entries: [{ Id: '0', MessageBody: JSON.stringify({ watchId: WATCH_ID, runId: event.time }) }],
    });
    send.mockRestore();
  });

  it('digest: a refused delivery fails only its record; the retried message publishes the digest once, with the watch attribute', async () => {
    const send = vi
      .spyOn(SNSClient.prototype, 'send')
      .mockRejectedValueOnce(new Error('SNS is throttling'))
      .mockResolvedValue({ MessageId: 'message-1' } as never);
    // With a message for a watch the config no longer has, which is dropped: only the watch's own record fails.
    const first = sqsEvent(
      [
        { watchId: WATCH_ID, runId: '2025-01-01T07:00:00Z' },
        { watchId: 'removed-watch', runId: '2025-01-01T07:00:00Z' },
      ],
      'stancewatch-digests',
    );
    await expect(digest(first, lambdaContext('digest'))).resolves.toEqual({ batchItemFailures: [{ itemIdentifier: first.Records[0].messageId }] });
    expect(send).toHaveBeenCalledTimes(1);

    // SQS delivers the watch's message again: the failed digest goes out, once.
    send.mockClear();
    const event = sqsEvent([first.Records[0].body], 'stancewatch-digests');
    await expect(digest(event, lambdaContext('digest'))).resolves.toEqual({ batchItemFailures: [] });
    expect(send).toHaveBeenCalledTimes(1);
    const command = send.mock.calls[0][0] as PublishCommand;
    expect(command).toBeInstanceOf(PublishCommand);
    expect(command.input).toEqual({
      TopicArn: TOPIC_ARN,
      Subject: expect.any(String),
      Message: expect.stringContaining('Putin'),
      MessageAttributes: { watch: { DataType: 'String', StringValue: WATCH_ID } },
    });

    // And again (at-least-once delivery, or the next digest run): the digest was delivered, nothing is sent twice.
    send.mockClear();
    await expect(digest(event, lambdaContext('digest'))).resolves.toEqual({ batchItemFailures: [] });
    expect(send).not.toHaveBeenCalled();
    send.mockRestore();
  });

  it('digest: reports a malformed message as failed, beside one for the watch that has nothing new', async () => {
    const send = vi.spyOn(SNSClient.prototype, 'send').mockResolvedValue({ MessageId: 'message-2' } as never);
    const event = sqsEvent(['{"watchId":', { watchId: WATCH_ID, runId: '2025-01-01T08:00:00Z' }], 'stancewatch-digests');
    const response = await digest(event, lambdaContext('digest'));
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: event.Records[0].messageId }]);
    expect(send).not.toHaveBeenCalled();
    send.mockRestore();
  });
});

/** The handlers of a stack deployed before anyone pushed watches: they log it and do nothing, and nothing is retried. */
describe('Lambda handlers before any watches are pushed', () => {
  let table: TestTable;
  const savedEnv = { ...process.env };

  beforeAll(async () => {
    table = await startTestTable();
    Object.assign(process.env, {
      ...lambdaTableEnv(table),
      QUEUE_URL,
      DIGEST_QUEUE_URL,
      TOPIC_ARN,
      POWERTOOLS_LOG_LEVEL: 'ERROR',
      POWERTOOLS_METRICS_NAMESPACE: 'StancewatchTest',
      POWERTOOLS_SERVICE_NAME: 'stancewatch',
    });
    vi.resetModules();
  });

  afterAll(async () => {
    vi.restoreAllMocks();
    process.env = savedEnv;
    await table?.close();
  });

  it('schedule enqueues nothing and says to push; process-source and digest refuse their messages without a retry', async () => {
    const logged = vi.spyOn(process.stdout, 'write');
    const loggedErrors = vi.spyOn(process.stderr, 'write');
    const send = vi.spyOn(SQSClient.prototype, 'send').mockResolvedValue({ Successful: [], Failed: [] } as never);
    onTestFinished(() => void send.mockRestore());
    const { handler: schedule } = await import('../../lambdas/schedule.js');
    const { handler: processSource } = await import('../../lambdas/process-source.js');
    const { handler: digest } = await import('../../lambdas/digest.js');

    await expect(schedule(scheduledEvent('2025-01-01T06:00:00Z'), lambdaContext('schedule'))).resolves.toEqual({ enqueued: 0 });
    expect(send).not.toHaveBeenCalled();
    const sources = sqsEvent([{ watchIds: [WATCH_ID], sourceUrl: 'https://news.example/feed.xml', runId: 'r' }]);
    await expect(processSource(sources, lambdaContext('process-source'))).resolves.toEqual({ batchItemFailures: [] });
    const digests = sqsEvent([{ watchId: WATCH_ID, runId: 'r' }], 'stancewatch-digests');
    await expect(digest(digests, lambdaContext('digest'))).resolves.toEqual({ batchItemFailures: [] });

    const lines = [...logged.mock.calls, ...loggedErrors.mock.calls].map(([line]) => String(line));
    logged.mockRestore();
    loggedErrors.mockRestore();
    expect(lines.some((line) => line.includes(`no watches in table ${table.tableName}: push them with \`stancewatch watches push <file> --table ${table.tableName}\``))).toBe(true);
  });
});
