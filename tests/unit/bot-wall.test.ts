import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { detectBotWall } from '../../shared/extract/bot-wall.js';

const SEEDS = new URL('../../../shared/seeds/', import.meta.url);
const BENCHMARK_PAGES = new URL('../../../shared/datasets/article-extraction-benchmark/html/', import.meta.url);

describe('detectBotWall', () => {
  it.each([
    ['Cloudflare challenge', '<!DOCTYPE html><html><head><title>Just a moment...</title></head><body><script src="/cdn-cgi/challenge-platform/h/g/orchestrate/jsch/v1"></script></body></html>'],
    ['Cloudflare block page', '<html><head><title>Attention Required! | Cloudflare</title></head><body>Sorry, you have been blocked</body></html>'],
    ['DataDome captcha', '<html><head><title>news.example</title></head><body><iframe src="https://geo.captcha-delivery.com/captcha/?initialCid=x"></iframe></body></html>'],
    ['PerimeterX/HUMAN challenge', '<html><head><title>Access to this page has been denied</title></head><body><div id="px-captcha"></div></body></html>'],
    ['Imperva/Incapsula block', '<html><head><META NAME="robots" CONTENT="noindex"></head><body><iframe src="/_Incapsula_Resource?CWUDNSAI=9"></iframe></body></html>'],
    ['captcha page', '<html><head><title>Security check</title></head><body><p>Please verify you are human to continue.</p></body></html>'],
  ])('names a %s', (vendor, html) => {
    expect(detectBotWall(html)).toBe(vendor);
  });

  it('leaves a long article that discusses captchas alone', () => {
    const paragraph = '<p>Publishers ask readers to verify you are human less often now, the survey of 40 newsrooms found, and several dropped the check.</p>';
    expect(detectBotWall(`<html><head><title>Captchas in decline</title></head><body><article>${paragraph.repeat(30)}</article></body></html>`)).toBeUndefined();
  });

  it('finds no bot wall in the five real seed captures, boilerplate and all', () => {
    const seeds = readdirSync(SEEDS).filter((name) => name.endsWith('.txt'));
    expect(seeds).toHaveLength(5);
    for (const name of seeds) expect(detectBotWall(readFileSync(new URL(name, SEEDS), 'utf8'))).toBeUndefined();
  });

  it('flags none of the 181 real article pages of the extraction benchmark (some embed reCAPTCHA in forms)', () => {
    const pages = readdirSync(BENCHMARK_PAGES).filter((name) => name.endsWith('.html.gz'));
    expect(pages).toHaveLength(181);
    const flagged = pages.filter((name) => detectBotWall(gunzipSync(readFileSync(new URL(name, BENCHMARK_PAGES))).toString('utf8')));
    expect(flagged).toEqual([]);
  });
});
