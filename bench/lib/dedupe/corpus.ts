/**
 * The texts bench:dedupe is made of: the article-extraction benchmark's ground-truth bodies long enough to
 * fingerprint, and the five seed articles; the outlet boilerplate copies get; small text helpers.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizeText, tokenize } from '../../../shared/dedupe/index.js';
import type { ExtractedArticle } from '../../../shared/extract/types.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DATASET = join(ROOT, '../shared/datasets/article-extraction-benchmark/ground-truth.json');
const SEEDS = join(ROOT, '../shared/seeds');

/** Bodies shorter than this are teasers that dedupe does not fingerprint (NEAR_DUPLICATE.minWords). */
const MIN_BASE_WORDS = 150;

/** Two outlets' page furniture, as extraction sometimes leaves it around a syndicated body. */
const BOILERPLATE = {
  a: {
    head: ['Home › World › Asia', 'print PRINT', 'Share this article: Facebook Twitter Email'],
    foot: ['In a time of both misinformation and too much information, quality journalism is more crucial than ever. By subscribing, you can help us get the story right.', 'Tags: world, politics, diplomacy'],
  },
  b: {
    head: ['ADVERTISEMENT', 'Listen to this article 4 min'],
    foot: ['Copyright 2024 Example Media Group. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.', 'Sign up for our morning newsletter and get the day’s top stories in your inbox.', 'Related: More stories from our correspondents'],
  },
} as const;

export interface Base {
  id: string;
  text: string;
}

export function loadBases(): Base[] {
  const truth = JSON.parse(readFileSync(DATASET, 'utf8')) as Record<string, { articleBody: string }>;
  const bases = Object.entries(truth)
    .map(([id, entry]) => ({ id, text: entry.articleBody.replace(/\r\n/g, '\n').trim() }))
    .filter((base) => tokenize(normalizeText(base.text)).length >= MIN_BASE_WORDS);
  return [...bases, ...loadSeeds()];
}

function loadSeeds(): Base[] {
  return readdirSync(SEEDS)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ id: `seed-${name.slice(0, 3)}`, text: readFileSync(join(SEEDS, name), 'utf8').replace(/\r\n/g, '\n').trim() }));
}

export const paragraphsOf = (text: string) => text.split(/\n+/).map((p) => p.trim()).filter(Boolean);
export const sentencesOf = (text: string) => text.match(/[^.!?]+[.!?]+["”’)]*\s*|[^.!?]+$/g)?.map((s) => s.trim()).filter(Boolean) ?? [text];
export const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

export function withBoilerplate(text: string, set: keyof typeof BOILERPLATE): string {
  return [...BOILERPLATE[set].head, text, ...BOILERPLATE[set].foot].join('\n\n');
}

/** `text` without its last `share` of words, whitespace kept as it was. */
export function cutEnding(text: string, share: number): string {
  const words = text.split(/(\s+)/);
  const keep = Math.round(wordCount(text) * (1 - share));
  let seen = 0;
  let end = 0;
  while (end < words.length && seen < keep) {
    if (/\S/.test(words[end])) seen += 1;
    end += 1;
  }
  return words.slice(0, end).join('');
}

/** A body as extraction would give it, under `url`. */
export function extracted(url: string, text: string, siteName: string): ExtractedArticle {
  const paragraphs = paragraphsOf(text);
  return { url, canonicalUrl: url, title: url, siteName, text: paragraphs.join('\n\n'), paragraphs };
}
