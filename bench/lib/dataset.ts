/** Loads the article-extraction benchmark (`../shared/datasets/article-extraction-benchmark/`) into memory. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export interface BenchmarkPage {
  id: string;
  url: string;
  html: string;
  /** The article body as a human marked it. */
  truth: string;
}

interface GroundTruthEntry {
  articleBody: string;
  url: string;
}

/** Every page with its ground truth, decompressed up front so that no timing includes I/O. */
export function loadBenchmark(directory: string): BenchmarkPage[] {
  const truth = JSON.parse(readFileSync(join(directory, 'ground-truth.json'), 'utf8')) as Record<string, GroundTruthEntry>;
  return readdirSync(join(directory, 'html'))
    .filter((name) => name.endsWith('.html.gz'))
    .sort()
    .map((name) => {
      const id = name.replace(/\.html\.gz$/, '');
      const entry = truth[id];
      if (!entry) throw new Error(`${name} has no entry in ground-truth.json; the dataset is incomplete`);
      const html = gunzipSync(readFileSync(join(directory, 'html', name))).toString('utf8');
      return { id, url: entry.url, html, truth: entry.articleBody };
    });
}
