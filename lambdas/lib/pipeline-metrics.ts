import { MetricUnit, type Metrics } from '@aws-lambda-powertools/metrics';
import type { DigestReport, SourceHealthChange, SourceOutcome } from '../../shared/pipeline/index.js';

/** Metric names, one place: the stack's dashboards and alarms refer to the same strings. */
export const PipelineMetric = {
  ArticlesFetched: 'ArticlesFetched',
  ArticlesNew: 'ArticlesNew',
  ArticlesDuplicate: 'ArticlesDuplicate',
  ArticlesFailed: 'ArticlesFailed',
  StancesNew: 'StancesNew',
  StancesChanged: 'StancesChanged',
  SourcesFailed: 'SourcesFailed',
  /** Sources that turned unhealthy (failing runs in a row, a bot wall, no articles); the stack alarms on it. */
  SourcesUnhealthy: 'SourcesUnhealthy',
  SourcesEnqueued: 'SourcesEnqueued',
  /** Queue messages naming no configured source: refused before any fetch (lambdas/lib/configured-source.ts). */
  SourcesRefused: 'SourcesRefused',
  DigestsSent: 'DigestsSent',
  /** Digest messages the digest schedule enqueued, one per watch. */
  DigestsEnqueued: 'DigestsEnqueued',
  /** Digest messages naming no configured watch: nothing sent, not retried. */
  DigestsRefused: 'DigestsRefused',
} as const;

/** Adds one processed source's counts; published as one EMF line when the batch ends. */
export function recordSourceOutcome(metrics: Metrics, outcome: SourceOutcome): void {
  metrics.addMetric(PipelineMetric.ArticlesFetched, MetricUnit.Count, outcome.articles.fetched);
  metrics.addMetric(PipelineMetric.ArticlesNew, MetricUnit.Count, outcome.articles.new);
  metrics.addMetric(PipelineMetric.ArticlesDuplicate, MetricUnit.Count, outcome.articles.duplicates);
  metrics.addMetric(PipelineMetric.ArticlesFailed, MetricUnit.Count, outcome.articles.failed);
  metrics.addMetric(PipelineMetric.StancesNew, MetricUnit.Count, outcome.stances.filter((stance) => stance.status === 'new').length);
  metrics.addMetric(PipelineMetric.StancesChanged, MetricUnit.Count, outcome.stances.filter((stance) => stance.status === 'changed').length);
  recordHealthChanges(metrics, outcome.health);
}

/** Counts the sources that turned unhealthy; a recovery is logged, not counted. */
export function recordHealthChanges(metrics: Metrics, changes: readonly SourceHealthChange[]): void {
  metrics.addMetric(PipelineMetric.SourcesUnhealthy, MetricUnit.Count, changes.filter((change) => change.status === 'unhealthy').length);
}

/** Digests that reached at least one destination. */
export function recordDigestReports(metrics: Metrics, reports: readonly DigestReport[]): void {
  metrics.addMetric(PipelineMetric.DigestsSent, MetricUnit.Count, reports.filter((report) => report.delivered).length);
}
