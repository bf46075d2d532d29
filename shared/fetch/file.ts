import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DIRECTORY_DOCUMENT_EXTENSIONS, FILE_CONTENT_TYPES, FILE_OK_STATUS } from './constants.js';
import { FetchError } from '../errors/index.js';
import { causeText, fetchFailure } from './errors.js';
import { assertDestinationAllowed } from './guard.js';
import type { ConditionalState, FetchedDocument, FetchOptions } from './types.js';

/**
 * Reads a file:// URL as a FetchedDocument (status 200, content type from the extension). The
 * file's mtime serves as Last-Modified, so a conditional read of an unchanged file is `notModified`.
 *
 * @throws FetchError `blocked-address` unless `allowPrivateNetwork`; `too-large`, `network`
 * (unreadable) or `unsupported-content` (a directory).
 */
export async function readFileDocument(
  requestedUrl: string,
  target: URL,
  options: FetchOptions,
  validators?: ConditionalState,
): Promise<FetchedDocument> {
  await assertDestinationAllowed(target, requestedUrl, options);
  const path = toLocalPath(requestedUrl, target);
  const info = await statOrFail(requestedUrl, path);
  if (info.isDirectory()) {
    throw fetchFailure(
      requestedUrl,
      'unsupported-content',
      `${requestedUrl} is a directory, not a document; read it as a source with readSource, skipped`,
    );
  }
  if (info.size > options.maxBytes) {
    throw fetchFailure(requestedUrl, 'too-large', `${requestedUrl} is ${info.size} bytes, over the ${options.maxBytes}-byte limit; not read`);
  }
  const document = {
    requestedUrl,
    url: pathToFileURL(path).href,
    status: FILE_OK_STATUS,
    contentType: guessContentType(path),
    validators: { lastModified: info.mtime.toUTCString() },
  };
  if (validators?.lastModified === document.validators.lastModified) {
    return { ...document, notModified: true, body: Buffer.alloc(0) };
  }
  const body = await readFile(path).catch((cause: unknown) => {
    throw fetchFailure(requestedUrl, 'network', `Cannot read ${requestedUrl}: ${causeText(cause)}; skipped this run`, { cause });
  });
  return { ...document, notModified: false, body };
}

/** True when a file:// URL names a directory (after the SSRF guard, which refuses file:// in Lambda). */
export async function isDirectoryUrl(requestedUrl: string, target: URL, options: FetchOptions): Promise<boolean> {
  await assertDestinationAllowed(target, requestedUrl, options);
  const info = await statOrFail(requestedUrl, toLocalPath(requestedUrl, target));
  return info.isDirectory();
}

/** A file of a directory source, with its document unless reading it failed. */
export interface DirectoryFile {
  url: string;
  document?: FetchedDocument;
}

/**
 * The files of a directory source: every `.html/.htm/.txt/.xml` file directly inside it, sorted by
 * name so runs list them in the same order, each read in full. A file that cannot be read (too large,
 * unreadable, a dangling link) comes without a document: the pipeline then fetches it on its own and
 * records that one failure, and the rest of the directory is still read.
 */
export async function readDirectoryDocuments(
  requestedUrl: string,
  target: URL,
  options: FetchOptions,
): Promise<DirectoryFile[]> {
  await assertDestinationAllowed(target, requestedUrl, options);
  const directory = toLocalPath(requestedUrl, target);
  const entries = await readdir(directory, { withFileTypes: true }).catch((cause: unknown) => {
    throw fetchFailure(requestedUrl, 'network', `Cannot list directory ${requestedUrl}: ${causeText(cause)}; skipped this run`, { cause });
  });
  const names = entries
    .filter((entry) => (entry.isFile() || entry.isSymbolicLink()) && DIRECTORY_DOCUMENT_EXTENSIONS.has(extname(entry.name).toLowerCase()))
    .map((entry) => entry.name)
    .sort(compareCodeUnits);
  const files: DirectoryFile[] = [];
  for (const name of names) {
    const fileUrl = pathToFileURL(join(directory, name));
    const document = await readFileDocument(fileUrl.href, fileUrl, options).catch((error: unknown) => {
      if (error instanceof FetchError) return undefined;
      throw error;
    });
    files.push(document ? { url: document.url, document } : { url: fileUrl.href });
  }
  return files;
}

/** Content type for a file path by extension; undefined when the extension is not one we read. */
export function guessContentType(path: string): string | undefined {
  return FILE_CONTENT_TYPES[extname(path).toLowerCase()];
}

function toLocalPath(requestedUrl: string, target: URL): string {
  try {
    return fileURLToPath(target);
  } catch (cause) {
    throw fetchFailure(requestedUrl, 'bad-url', `${requestedUrl} is not a local file URL (${causeText(cause)}); skipped`, { cause });
  }
}

async function statOrFail(requestedUrl: string, path: string) {
  try {
    return await stat(path);
  } catch (cause) {
    throw fetchFailure(requestedUrl, 'network', `Cannot read ${requestedUrl}: ${causeText(cause)}; skipped this run`, { cause });
  }
}

/** Plain code-unit order: the same on every machine, unlike locale collation. */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
