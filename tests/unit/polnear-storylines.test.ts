import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SECOND_READING_FILE } from '../../support/stances/agreement.js';
import { locateFragment } from '../../support/stances/make-polnear-storyline.js';
import { loadPolnearStoryline, polnearDataDir, POLNEAR_STORYLINE_DIRS, type PolnearStoryline } from '../../support/stances/storyline.js';

/**
 * The PolNeAR storylines hold offsets into a corpus that may not be redistributed. These tests check the committed
 * files carry no text and stay well-formed, and run the loader on a made-up corpus laid out like PolNeAR.
 */

const KINDS = new Set(['condition', 'demand', 'offer', 'refusal', 'position', 'concern']);
const STATUSES = new Set(['new', 'changed', 'repeat']);

describe.each(POLNEAR_STORYLINE_DIRS.map((dir) => [dir.split('/').pop(), dir]))('the PolNeAR storyline %s', (_name, dir) => {
  const raw = readFileSync(join(dir!, '_storyline.json'), 'utf8');
  const storyline = JSON.parse(raw) as PolnearStoryline;
  const labels = storyline.articles.flatMap((article) => article.labels.map((label) => ({ article, label })));

  it('holds no corpus text: no quote, fragment or text field, and notes quote nothing', () => {
    expect(raw).not.toMatch(/"(quote|fragment|text)":/);
    for (const { label } of labels) expect(label.note ?? '').not.toMatch(/["“”]/);
  });

  it('reads train or dev articles (never test), 5 to 8 of them, oldest first', () => {
    expect(['train', 'dev']).toContain(storyline.split);
    expect(storyline.articles.length).toBeGreaterThanOrEqual(5);
    expect(storyline.articles.length).toBeLessThanOrEqual(8);
    const dates = storyline.articles.map((article) => article.publishedAt);
    expect(dates).toEqual([...dates].sort());
    for (const article of storyline.articles) expect(article.document.startsWith(`${article.outlet}_${article.publishedAt}_`)).toBe(true);
  });

  it('labels a fragment of one sentence with a watched speaker, or marks it none', () => {
    for (const { article, label } of labels) {
      const where = `${article.document} [${label.start}, ${label.end})`;
      expect(label.end - label.start, where).toBeGreaterThan(0);
      expect(label.end - label.start, where).toBeLessThanOrEqual(160);
      if (label.kind === 'none') expect(label.status, where).toBe('none');
      else {
        expect(KINDS.has(label.kind) && STATUSES.has(label.status), where).toBe(true);
        expect(storyline.speakers, where).toContain(label.speaker);
      }
    }
  });

  it('opens with a new statement and labels passages that are not statements too', () => {
    expect(labels.find(({ label }) => label.status !== 'none')?.label.status).toBe('new');
    expect(labels.filter(({ label }) => label.status === 'none').length).toBeGreaterThanOrEqual(5);
  });
});

// A second reading (support/stances/agreement.ts), where one was made: no text, the same articles, well-formed labels.
const SECOND_READINGS = POLNEAR_STORYLINE_DIRS.filter((dir) => existsSync(join(dir, SECOND_READING_FILE)));
describe.each(SECOND_READINGS.map((dir) => [dir.split('/').pop(), dir]))('the second reading of PolNeAR storyline %s', (_name, dir) => {
  it('reads the same articles as the first, holds no corpus text and labels as the first does', () => {
    const raw = readFileSync(join(dir!, SECOND_READING_FILE), 'utf8');
    expect(raw).not.toMatch(/"(quote|fragment|text)":/);
    const first = JSON.parse(readFileSync(join(dir!, '_storyline.json'), 'utf8')) as PolnearStoryline;
    const second = JSON.parse(raw) as PolnearStoryline;
    expect(second.articles.map((article) => article.document)).toEqual(first.articles.map((article) => article.document));
    for (const label of second.articles.flatMap((article) => article.labels)) {
      expect(label.end - label.start).toBeGreaterThan(0);
      expect(label.kind === 'none' ? label.status === 'none' : KINDS.has(label.kind) && STATUSES.has(label.status)).toBe(true);
      expect(label.note ?? '').not.toMatch(/["“”]/);
    }
  });
});

describe('loadPolnearStoryline', () => {
  const root = mkdtempSync(join(tmpdir(), 'stancewatch-polnear-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const text = 'A made-up headline\n\n  The minister said the talks would resume only if the border reopened.\n\nOfficials declined to comment.\n';
  mkdirSync(join(root, 'data', 'train', 'text'), { recursive: true });
  writeFileSync(join(root, 'data', 'train', 'text', 'made-up_2016-01-02_talks.txt'), text);

  function storylineDir(labels: Array<{ start: number; end: number }>, split: string = 'train'): string {
    const dir = mkdtempSync(join(root, 'storyline-'));
    const storyline = {
      name: 'made-up',
      speakers: ['The Minister'],
      split,
      articles: [{ document: 'made-up_2016-01-02_talks', publishedAt: '2016-01-02', outlet: 'made-up', labels: labels.map((span) => ({ ...span, speaker: 'The Minister', kind: 'condition', status: 'new' })) }],
    };
    writeFileSync(join(dir, '_storyline.json'), JSON.stringify(storyline));
    return dir;
  }

  it('reads a dev storyline from the dev split, and no other split', () => {
    mkdirSync(join(root, 'data', 'dev', 'text'), { recursive: true });
    writeFileSync(join(root, 'data', 'dev', 'text', 'made-up_2016-01-02_talks.txt'), text.replace('minister', 'envoy'));
    const span = locateFragment(text, 'the talks would resume');
    const { split, articles } = loadPolnearStoryline(storylineDir([span], 'dev'), polnearDataDir(root));
    expect(split).toBe('dev');
    expect(articles[0].paragraphs[0]).toMatch(/^The envoy said/);
    expect(articles[0].url).toBe('polnear:dev/made-up_2016-01-02_talks');
    expect(() => loadPolnearStoryline(storylineDir([span], 'test'), polnearDataDir(root))).toThrow(/split must be train or dev, not test/);
  });

  it('takes the corpus as its root or its data/ folder, and names what is missing otherwise', () => {
    expect(polnearDataDir(root)).toBe(join(root, 'data'));
    expect(polnearDataDir(join(root, 'data'))).toBe(join(root, 'data'));
    expect(() => polnearDataDir(join(root, 'nowhere'))).toThrow(/not a PolNeAR copy/);
  });

  it('splits paragraphs on blank lines, keeps the first as the title and fills each quote from its offsets', () => {
    const span = locateFragment(text, 'the talks would resume only if the border reopened');
    const { info, articles } = loadPolnearStoryline(storylineDir([span]), polnearDataDir(root));
    expect(info).toEqual({ name: 'made-up', speakers: ['The Minister'] });
    expect(articles[0].title).toBe('A made-up headline');
    expect(articles[0].paragraphs).toEqual(['The minister said the talks would resume only if the border reopened.', 'Officials declined to comment.']);
    expect(articles[0].paragraphStarts).toEqual([text.indexOf('The minister'), text.indexOf('Officials')]);
    expect(articles[0].labels[0].quote).toBe('the talks would resume only if the border reopened');
  });

  it('refuses offsets in the title, across paragraphs or past the end of the text', () => {
    const data = polnearDataDir(root);
    expect(() => loadPolnearStoryline(storylineDir([{ start: 0, end: 6 }]), data)).toThrow(/in the title/);
    expect(() => loadPolnearStoryline(storylineDir([{ start: text.indexOf('reopened'), end: text.indexOf('declined') }]), data)).toThrow(/crosses a paragraph break/);
    expect(() => loadPolnearStoryline(storylineDir([{ start: 30, end: text.length + 5 }]), data)).toThrow(/outside the article text/);
  });

  it('locates a typed fragment whatever its quote marks and spacing, and asks which one when it occurs twice', () => {
    const curly = 'He said “no talks”  until\nMay. He said “no talks” again.';
    expect(locateFragment(curly, 'said "no talks" until May', 1)).toEqual({ start: 3, end: curly.indexOf('May') + 'May'.length });
    expect(() => locateFragment(curly, 'said "no talks"')).toThrow(/found 2 times/);
    expect(locateFragment(curly, 'said "no talks"', 2).start).toBe(curly.lastIndexOf('said'));
    expect(() => locateFragment(curly, 'never said')).toThrow(/not found/);
  });
});
