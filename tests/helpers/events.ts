import { randomUUID } from 'node:crypto';
import type { Context, ScheduledEvent, SQSEvent, SQSRecord } from 'aws-lambda';

const REGION = 'eu-west-1';
const ACCOUNT = '123456789012';

/**
 * An SQS event as Lambda delivers it, one record per body. Strings are used as the body verbatim
 * (to test malformed messages); anything else is JSON-encoded like the schedule function does.
 *
 * @example
 * const event = sqsEvent([{ watchId: 'boj-policy', sourceUrl: 'https://example.com/feed', runId: '2025-01-01T00:00:00Z' }]);
 */
export function sqsEvent(bodies: unknown[], queueName = 'stancewatch-sources'): SQSEvent {
  const sentAt = Date.now();
  return {
    Records: bodies.map(
      (body, index): SQSRecord => ({
        messageId: randomUUID(),
        receiptHandle: `receipt-${index}-${randomUUID()}`,
        body: typeof body === 'string' ? body : JSON.stringify(body),
        attributes: {
          ApproximateReceiveCount: '1',
          SentTimestamp: String(sentAt),
          SenderId: 'AROAEXAMPLE:stancewatch-schedule',
          ApproximateFirstReceiveTimestamp: String(sentAt + 5),
        },
        messageAttributes: {},
        md5OfBody: '',
        eventSource: 'aws:sqs',
        eventSourceARN: `arn:aws:sqs:${REGION}:${ACCOUNT}:${queueName}`,
        awsRegion: REGION,
      }),
    ),
  };
}

/** An EventBridge scheduled event; `time` defaults to the top of the current hour, like a `rate(1 hour)` rule. */
export function scheduledEvent(time: string | Date = topOfHour(new Date()), ruleName = 'stancewatch-schedule'): ScheduledEvent {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: ACCOUNT,
    // EventBridge sends second precision without milliseconds.
    time: (typeof time === 'string' ? time : time.toISOString()).replace(/\.\d{3}Z$/, 'Z'),
    region: REGION,
    resources: [`arn:aws:events:${REGION}:${ACCOUNT}:rule/${ruleName}`],
    detail: {},
  };
}

/** A Lambda context for handlers that log it; timing methods report a fresh invocation. */
export function lambdaContext(functionName = 'stancewatch-test', timeoutMs = 30_000): Context {
  const deadline = Date.now() + timeoutMs;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${functionName}`,
    memoryLimitInMB: '256',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `2025/01/01/[$LATEST]${randomUUID().replace(/-/g, '')}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

function topOfHour(date: Date): Date {
  const copy = new Date(date);
  copy.setUTCMinutes(0, 0, 0);
  return copy;
}
