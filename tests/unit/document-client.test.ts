import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDynamoClient, documentClient } from '../../shared/store/index.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const SOURCE_FOLDERS = ['shared', 'lambdas', 'bin', 'bench'];
const THE_ONE_PLACE = 'shared/store/document-client.ts';
/** A document client made anywhere: `DynamoDBDocumentClient.from(` or `new DynamoDBDocumentClient(`. */
const MAKES_A_DOCUMENT_CLIENT = /DynamoDBDocumentClient\s*\.\s*from\s*\(|new\s+DynamoDBDocumentClient\s*\(/;

function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|mts|js|mjs)$/.test(entry.name))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));
}

describe('one document client per DynamoDB client', () => {
  it(`is made only in ${THE_ONE_PLACE}: no other module under ${SOURCE_FOLDERS.join(', ')} makes its own`, () => {
    const files = SOURCE_FOLDERS.flatMap(sourceFiles);
    expect(files).toContain(THE_ONE_PLACE);
    const makers = files.filter((file) => MAKES_A_DOCUMENT_CLIENT.test(readFileSync(join(ROOT, file), 'utf8')));
    expect(makers).toEqual([THE_ONE_PLACE]);
  });

  it('hands every caller the same document client, which keeps dropping undefined values', () => {
    const client = createDynamoClient({ endpoint: 'http://127.0.0.1:9' });
    const archives = documentClient(client);
    const queries = documentClient(client);
    expect(queries).toBe(archives);
    expect(archives.config.translateConfig?.marshallOptions?.removeUndefinedValues).toBe(true);
    expect(documentClient(createDynamoClient({ endpoint: 'http://127.0.0.1:9' }))).not.toBe(archives);
    client.destroy();
  });
});
