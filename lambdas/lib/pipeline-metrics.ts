import { MetricUnit, type Metrics } from '@aws-lambda-powertools/metrics';
import type { DigestReport, SourceOutcome } from '../../shared/pipeline/index.js';

/** Metric names, one place: the stack's dashboards and alarms refer to the same strings. */
export const PipelineMetric = {
  ArticlesFetched: 'ArticlesFetched',
  ArticlesNew: 'ArticlesNew',
  ArticlesDuplicate: 'ArticlesDuplicate',
  ArticlesFailed: 'ArticlesFailed',
  StancesNew: 'StancesNew',
  StancesChanged: 'StancesChanged',
  SourcesFailed: 'SourcesFailed',
  SourcesEnqueued: 'SourcesEnqueued',
  DigestsSent: 'DigestsSent',
} as const;

/** Adds one processed source's counts; published as one EMF line when the batch ends. */
export function recordSourceOutcome(metrics: Metrics, outcome: SourceOutcome): void {
  metrics.addMetric(PipelineMetric.ArticlesFetched, MetricUnit.Count, outcome.articles.fetched);
  metrics.addMetric(PipelineMetric.ArticlesNew, MetricUnit.Count, outcome.articles.new);
  metrics.addMetric(PipelineMetric.ArticlesDuplicate, MetricUnit.Count, outcome.articles.duplicates);
  metrics.addMetric(PipelineMetric.ArticlesFailed, MetricUnit.Count, outcome.articles.failed);
  metrics.addMetric(PipelineMetric.StancesNew, MetricUnit.Count, outcome.stances.filter((stance) => stance.status === 'new').length);
  metrics.addMetric(PipelineMetric.StancesChanged, MetricUnit.Count, outcome.stances.filter((stance) => stance.status === 'changed').length);
}

/** Digests that reached at least one destination. */
export function recordDigestReports(metrics: Metrics, reports: readonly DigestReport[]): void {
  metrics.addMetric(PipelineMetric.DigestsSent, MetricUnit.Count, reports.filter((report) => report.delivered).length);
}
