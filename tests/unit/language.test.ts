import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../shared/extract/language.js';

const BENCHMARK = new URL('../../../shared/datasets/article-extraction-benchmark/ground-truth.json', import.meta.url);
const pages = Object.entries(JSON.parse(readFileSync(BENCHMARK, 'utf8')) as Record<string, { articleBody: string; url: string }>);

/** The benchmark's non-English pages, by the host that publishes in that language. */
const FOREIGN_HOSTS: Array<[RegExp, string]> = [
  [/\.ru\/|vse-diety\.com/, 'ru'],
  [/\.co\.kr\//, 'ko'],
  [/lhpat-tm\.com|note100yen\.com/, 'ja'],
  [/\.com\.br\/|mensagensreflexao/, 'pt'],
  [/blog\.comwrap\.com/, 'de'],
  [/kabarislamia\.com/, 'id'],
  [/remember8090\.it/, 'it'],
];

function expectedLanguage(url: string): string {
  return FOREIGN_HOSTS.find(([host]) => host.test(url))?.[1] ?? 'en';
}

describe('detectLanguage', () => {
  it('never takes one of the benchmark English articles for another language', () => {
    const english = pages.filter(([, page]) => expectedLanguage(page.url) === 'en');
    expect(english.length).toBeGreaterThan(150);
    const misjudged = english.filter(([, page]) => !['en', 'und'].includes(detectLanguage(page.articleBody)));
    expect(misjudged.map(([, page]) => page.url)).toEqual([]);
  });

  it('names the language of the benchmark pages in Russian, Korean, Japanese, Portuguese, German and Indonesian', () => {
    const foreign = pages.filter(([, page]) => !['en', 'it'].includes(expectedLanguage(page.url)));
    expect(foreign.length).toBeGreaterThan(15);
    for (const [, page] of foreign) expect([page.url, detectLanguage(page.articleBody)]).toEqual([page.url, expectedLanguage(page.url)]);
  });

  it('keeps an English article that quotes another language English', () => {
    const text = `${'The Kremlin said the talks would not resume before Tokyo changed its position, officials told reporters on Wednesday. '.repeat(4)}
      Putin's words, «условий для переговоров нет», were read out in full.`;
    expect(detectLanguage(text)).toBe('en');
  });

  it('tells Ukrainian from Russian, and says nothing of a text too short to judge', () => {
    expect(detectLanguage('Президент Росії заявив, що умов для відновлення переговорів з Японією щодо мирного договору зараз немає. '.repeat(3))).toBe('uk');
    expect(detectLanguage('Президент России заявил, что условий для возобновления переговоров с Японией о мирном договоре сейчас нет. '.repeat(3))).toBe('ru');
    expect(detectLanguage('Путин заявил')).toBe('und');
  });
});
