import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { StancewatchError } from '../../shared/errors/index.js';
import { extractArticle } from '../../shared/extract/index.js';
import type { ExtractedArticle } from '../../shared/extract/types.js';
import { defaultFetchOptions, fetchDocument } from '../../shared/fetch/index.js';

const EXTENSION_TYPES: Record<string, string> = { '.txt': 'text/plain', '.html': 'text/html', '.htm': 'text/html' };

export async function extractCommand(inputs: string[], options: { json?: boolean }): Promise<number> {
  let failures = 0;
  for (const input of inputs) {
    try {
      const article = await extractInput(input);
      process.stdout.write(options.json ? `${JSON.stringify(article, null, inputs.length > 1 ? 0 : 2)}\n` : formatArticle(article));
    } catch (error) {
      failures += 1;
      const message = (error as Error).message;
      if (options.json) process.stdout.write(`${JSON.stringify({ input, error: message })}\n`);
      else process.stderr.write(`${input}: ${message}\n`);
    }
  }
  return failures > 0 ? 1 : 0;
}

async function extractInput(input: string): Promise<ExtractedArticle> {
  if (/^https?:\/\//i.test(input)) {
    const document = await fetchDocument(input, defaultFetchOptions({ allowPrivateNetwork: true }));
    return extractArticle({ url: document.url, body: document.body, contentType: document.contentType });
  }
  const path = resolve(input);
  const body = await readFile(path).catch((cause: NodeJS.ErrnoException) => {
    throw new StancewatchError(`cannot read ${input}: ${cause.code === 'ENOENT' ? 'no such file' : cause.message}`, { cause });
  });
  return extractArticle({ url: pathToFileURL(path).href, body, contentType: EXTENSION_TYPES[extname(path).toLowerCase()] });
}

function formatArticle(article: ExtractedArticle): string {
  const meta = [article.siteName, article.byline, article.publishedAt?.slice(0, 10)].filter(Boolean).join(' · ');
  const body = article.paragraphs.length ? article.text : `(no article: ${article.noArticleReason ?? 'empty'})`;
  return `${article.title}\n${meta}\n${article.canonicalUrl}\n\n${body}\n`;
}
