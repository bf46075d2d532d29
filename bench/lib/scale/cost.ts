/**
 * Monthly AWS cost of running Stancewatch hourly, from the scale bench's measured figures per source and list
 * prices. Prices are us-east-1 list prices as published on the AWS pricing pages (taken from memory of those pages
 * as of PRICES_AS_OF: this machine has no internet; check before quoting). Free tiers are left out, so a small
 * account pays less than this. What is assumed rather than measured is named in ASSUMPTIONS and printed with it.
 */
import { round } from '../report.js';

export const PRICES_AS_OF = '2025-06 (AWS pricing pages, us-east-1)';

/** Lambda on Arm (the stack's architecture, infra/constructs/pipeline-functions.ts): per GB-second and per request. */
export const LAMBDA_ARM_PER_GB_SECOND = 0.0000133334;
export const LAMBDA_PER_MILLION_REQUESTS = 0.2;
/** DynamoDB on-demand after the November 2024 price cut (halved from $1.25 and $0.25 per million). */
export const DYNAMODB_PER_MILLION_WRITE_UNITS = 0.625;
export const DYNAMODB_PER_MILLION_READ_UNITS = 0.125;
export const DYNAMODB_STORAGE_PER_GB_MONTH = 0.25;
/** SQS standard queue, per million requests (each up to 64 KB). */
export const SQS_PER_MILLION_REQUESTS = 0.4;
export const SNS_PER_MILLION_PUBLISHES = 0.5;
export const SNS_EMAIL_PER_100K = 2;
export const SES_PER_1K_EMAILS = 0.1;
/** EventBridge Scheduler invocations (scheduled rules on the default bus cost nothing: this is the upper bound). */
export const EVENTBRIDGE_PER_MILLION_INVOCATIONS = 1;
export const CLOUDWATCH_LOGS_PER_GB_INGESTED = 0.5;
export const CLOUDWATCH_LOGS_PER_GB_MONTH_STORED = 0.03;
export const XRAY_PER_MILLION_TRACES_RECORDED = 5;

const HOURS_PER_MONTH = 730;
const MB_PER_GB = 1024;

/** Figures not measured by the bench: stated, so the table can be redone with better ones. */
export const ASSUMPTIONS = {
  /** A digest invocation per watch per hour (issue 16 §2: one message per watch), each this long at 512 MB. */
  digestSecondsPerWatch: 1,
  digestMemoryMB: 512,
  /** Digests sent per watch per day: one on every hourly pass that found something new (an upper bound). */
  digestsPerWatchPerDay: 24,
  /** Schedule invocations: one per share of at most 1,000 sources (watch-schedules.ts), 1 s each at 256 MB. */
  sourcesPerScheduleShare: 1_000,
  scheduleSecondsPerInvocation: 1,
  scheduleMemoryMB: 256,
  /** SQS per source: 1/10 SendMessageBatch, 1/5 ReceiveMessage and 1/5 DeleteMessageBatch (batches of 5). */
  sqsRequestsPerSource: 0.5,
  /** Lambda's SQS pollers long-poll all month: 5 pollers, one 20 s ReceiveMessage each at a time. */
  sqsIdlePollsPerMonth: 5 * 3 * 60 * HOURS_PER_MONTH,
  /** Log bytes per source (the 'source processed' line, its outcome and the REPORT line) and per other invocation. */
  logBytesPerSource: 2_048,
  logBytesPerInvocation: 512,
  /** Every invocation traced (the default sampling rule keeps fewer: 1 a second and 5% of the rest). */
  tracedShare: 1,
} as const;

/** What the bench measured, per source handled in a steady hourly pass. */
export interface MeasuredPerSource {
  /** Processor memory (MB) and invocation time per source (the batch's wall time shared by its sources). */
  processorMemoryMB: number;
  processorSecondsPerSource: number;
  /** Sources per processor invocation (the queue's batch size). */
  sourcesPerInvocation: number;
  readUnitsPerSource: number;
  writeUnitsPerSource: number;
  /** Bytes written per source: an upper bound of what the archive grows by. */
  bytesWrittenPerSource: number;
}

export interface Scenario {
  name: string;
  watches: number;
  sources: number;
  recipientsPerWatch: number;
}

export const SCENARIOS: Scenario[] = [
  { name: '1 watch, 5 sources, hourly', watches: 1, sources: 5, recipientsPerWatch: 1 },
  { name: '500 watches, 10,000 sources, hourly', watches: 500, sources: 10_000, recipientsPerWatch: 2 },
];

export type CostLines = Record<'lambda' | 'dynamodb' | 'sqs' | 'notifications' | 'eventbridge' | 'logs' | 'xray' | 'total', number>;

/** Dollars a month for `scenario`, line by line. */
export function monthlyCost(scenario: Scenario, measured: MeasuredPerSource): CostLines {
  const a = ASSUMPTIONS;
  const sourceRuns = scenario.sources * HOURS_PER_MONTH;
  const processorInvocations = sourceRuns / measured.sourcesPerInvocation;
  const digestInvocations = scenario.watches * HOURS_PER_MONTH;
  const scheduleInvocations = Math.ceil(scenario.sources / a.sourcesPerScheduleShare) * HOURS_PER_MONTH;
  const gbSeconds =
    sourceRuns * measured.processorSecondsPerSource * (measured.processorMemoryMB / MB_PER_GB) +
    digestInvocations * a.digestSecondsPerWatch * (a.digestMemoryMB / MB_PER_GB) +
    scheduleInvocations * a.scheduleSecondsPerInvocation * (a.scheduleMemoryMB / MB_PER_GB);
  const invocations = processorInvocations + digestInvocations + scheduleInvocations;
  const lambda = gbSeconds * LAMBDA_ARM_PER_GB_SECOND + (invocations / 1e6) * LAMBDA_PER_MILLION_REQUESTS;
  const storedGB = (sourceRuns * measured.bytesWrittenPerSource) / 1024 ** 3;
  const dynamodb =
    ((sourceRuns * measured.writeUnitsPerSource) / 1e6) * DYNAMODB_PER_MILLION_WRITE_UNITS +
    ((sourceRuns * measured.readUnitsPerSource) / 1e6) * DYNAMODB_PER_MILLION_READ_UNITS +
    storedGB * DYNAMODB_STORAGE_PER_GB_MONTH;
  const sqs = ((sourceRuns * a.sqsRequestsPerSource + a.sqsIdlePollsPerMonth) / 1e6) * SQS_PER_MILLION_REQUESTS;
  const digests = scenario.watches * a.digestsPerWatchPerDay * (HOURS_PER_MONTH / 24);
  const notifications =
    (digests / 1e6) * SNS_PER_MILLION_PUBLISHES +
    ((digests * scenario.recipientsPerWatch) / 1e5) * SNS_EMAIL_PER_100K +
    ((digests * scenario.recipientsPerWatch) / 1e3) * SES_PER_1K_EMAILS;
  const eventbridge = (scheduleInvocations / 1e6) * EVENTBRIDGE_PER_MILLION_INVOCATIONS;
  const logGB = (sourceRuns * a.logBytesPerSource + (digestInvocations + scheduleInvocations) * a.logBytesPerInvocation) / 1024 ** 3;
  const logs = logGB * (CLOUDWATCH_LOGS_PER_GB_INGESTED + CLOUDWATCH_LOGS_PER_GB_MONTH_STORED);
  const xray = ((invocations * a.tracedShare) / 1e6) * XRAY_PER_MILLION_TRACES_RECORDED;
  const lines = { lambda, dynamodb, sqs, notifications, eventbridge, logs, xray };
  const total = Object.values(lines).reduce((sum, value) => sum + value, 0);
  return Object.fromEntries(Object.entries({ ...lines, total }).map(([name, value]) => [name, round(value, 2)])) as CostLines;
}
