import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { StancewatchError } from '../../shared/errors/index.js';
import { extractArticle } from '../../shared/extract/index.js';
import type { ExtractedArticle } from '../../shared/extract/types.js';
import { articleContentProblem, defaultFetchOptions, fetchDocument } from '../../shared/fetch/index.js';

const EXTENSION_TYPES: Record<string, string> = { '.txt': 'text/plain', '.html': 'text/html', '.htm': 'text/html' };

/** Between articles in text mode, so several inputs read apart (as `head` heads each file). */
const inputHeader = (input: string, index: number) => `${index > 0 ? '\n' : ''}==> ${input} <==\n`;

export async function extractCommand(inputs: string[], options: { json?: boolean }): Promise<number> {
  return forEachInput(inputs, options, async (input, index) => {
    const article = await extractInput(input);
    if (options.json) return `${JSON.stringify(article, null, inputs.length > 1 ? 0 : 2)}\n`;
    return `${inputs.length > 1 ? inputHeader(input, index) : ''}${formatArticle(article)}`;
  });
}

/**
 * Runs `render` for each input and prints what it returns; a bad input prints `{ input, error }` (JSON) or its
 * message on stderr, and the others go on. The exit code is 1 when any failed.
 */
export async function forEachInput(
  inputs: string[],
  options: { json?: boolean },
  render: (input: string, index: number) => Promise<string>,
): Promise<number> {
  let failures = 0;
  for (const [index, input] of inputs.entries()) {
    try {
      process.stdout.write(await render(input, index));
    } catch (error) {
      failures += 1;
      const message = oneShotMessage((error as Error).message);
      if (options.json) process.stdout.write(`${JSON.stringify({ input, error: message })}\n`);
      else process.stderr.write(`${input}: ${message}\n`);
    }
  }
  return failures > 0 ? 1 : 0;
}

export async function extractInput(input: string): Promise<ExtractedArticle> {
  const document = await readInput(input);
  // A PDF or an image is named, not decoded into a screenful of binary as if it were text.
  const notAPage = articleContentProblem(document);
  if (notAPage) throw new StancewatchError(`${oneShotMessage(notAPage.replace(`${document.url} is `, ''))}; extract reads HTML pages and plain-text captures`);
  return extractArticle(document);
}

async function readInput(input: string): Promise<{ url: string; body: Buffer; contentType?: string }> {
  if (/^https?:\/\//i.test(input)) return fetchDocument(input, defaultFetchOptions({ allowPrivateNetwork: true }));
  const path = resolve(input);
  const body = await readFile(path).catch((cause: NodeJS.ErrnoException) => {
    const problem = cause.code === 'ENOENT' ? 'no such file' : cause.code === 'EISDIR' ? 'a folder, not a page' : cause.message;
    throw new StancewatchError(`cannot read ${input}: ${problem}`, { cause });
  });
  return { url: pathToFileURL(path).href, body, contentType: EXTENSION_TYPES[extname(path).toLowerCase()] };
}

/**
 * Fetch errors are worded for the pipeline, which tries again on its next run ("…; skipped this run");
 * `extract` is one attempt, so that ending would promise a retry that never comes.
 */
export function oneShotMessage(message: string): string {
  return message.replace(/(?:;|,) (?:source |gave up, )?(?:skipped|not fetched)(?: this run)?$/, '');
}

function formatArticle(article: ExtractedArticle): string {
  const meta = [article.siteName, article.byline, article.publishedAt?.slice(0, 10)].filter(Boolean).join(' · ');
  const body = article.paragraphs.length ? article.text : `(no article: ${article.noArticleReason ?? 'empty'})`;
  return `${article.title}\n${meta}\n${article.canonicalUrl}\n\n${body}\n`;
}
