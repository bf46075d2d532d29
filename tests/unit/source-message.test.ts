import { describe, expect, it } from 'vitest';
import { checkSourceMessage } from '../../lambdas/lib/configured-source.js';
import { parseConfig } from '../../shared/config/index.js';
import { parseSourceMessage, planSourceMessages } from '../../shared/pipeline/index.js';

const FEED = 'https://news.example/feed.xml';
const OTHER = 'https://other.example/rss';

const config = parseConfig(
  {
    watches: [
      { id: 'treaty', name: 'Treaty', keywords: ['treaty'], sources: [{ url: FEED }, { url: OTHER }] },
      { id: 'islands', name: 'Islands', keywords: ['islands'], sources: [{ url: FEED }] },
      { id: 'hourly', name: 'Hourly', keywords: ['sanctions'], schedule: 'rate(15 minutes)', sources: [{ url: FEED }] },
    ],
  },
  'test',
);

describe('planSourceMessages', () => {
  it('plans one message per distinct URL, naming every watch that lists it in config order', () => {
    expect(planSourceMessages({ config }, 'run-1')).toEqual([
      { watchIds: ['treaty', 'islands', 'hourly'], sourceUrl: FEED, runId: 'run-1' },
      { watchIds: ['treaty'], sourceUrl: OTHER, runId: 'run-1' },
    ]);
  });

  it('plans only for the watches named, as a schedule share names its own', () => {
    expect(planSourceMessages({ config }, 'run-2', ['islands', 'hourly'])).toEqual([{ watchIds: ['islands', 'hourly'], sourceUrl: FEED, runId: 'run-2' }]);
  });
});

describe('parseSourceMessage', () => {
  it('reads a message of several watches', () => {
    expect(parseSourceMessage(JSON.stringify({ watchIds: ['treaty', 'islands'], sourceUrl: FEED, runId: 'r' }))).toEqual({
      watchIds: ['treaty', 'islands'],
      sourceUrl: FEED,
      runId: 'r',
    });
  });

  it('reads a message of one watch still queued from before the deploy as a message of that watch', () => {
    expect(parseSourceMessage(JSON.stringify({ watchId: 'treaty', sourceUrl: FEED, runId: 'r' }))).toEqual({ watchIds: ['treaty'], sourceUrl: FEED, runId: 'r' });
  });

  it('names the field that is wrong, in the shape the message has', () => {
    expect(() => parseSourceMessage(JSON.stringify({ watchIds: [], sourceUrl: FEED, runId: 'r' }))).toThrow(/^Source message is invalid: watchIds: /);
    expect(() => parseSourceMessage(JSON.stringify({ watchId: 'treaty', runId: 'r' }))).toThrow(/^Source message is invalid: sourceUrl: /);
  });
});

describe('checkSourceMessage', () => {
  it('narrows a message to the watches that list its URL and says why the others were dropped', () => {
    const check = checkSourceMessage({ watchIds: ['treaty', 'gone', 'islands'], sourceUrl: OTHER, runId: 'r' }, config);
    expect(check).toEqual({
      accepted: { watchIds: ['treaty'], sourceUrl: OTHER, runId: 'r' },
      refusals: ['no watch "gone" in the config', `${OTHER} is not a source of watch "islands"`],
    });
  });

  it('refuses a message whose URL no watch of it lists', () => {
    expect(checkSourceMessage({ watchIds: ['islands'], sourceUrl: 'https://evil.example/', runId: 'r' }, config).accepted).toBeUndefined();
  });
});
