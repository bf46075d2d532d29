import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.xml': 'application/atom+xml; charset=utf-8',
  '.json': 'application/feed+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export interface SampleServer {
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * Serves a folder on a loopback port, with ETag and Last-Modified so conditional GETs behave as
 * on a real news site. It stands in for the internet in `npm start` and the end-to-end tests.
 */
export async function startSampleServer(root: string): Promise<SampleServer> {
  const base = resolve(root);
  const server: Server = createServer(async (request, response) => {
    const path = normalize(join(base, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)));
    if (!path.startsWith(base)) return void response.writeHead(403).end();
    try {
      const info = await stat(path);
      if (!info.isFile()) return void response.writeHead(404).end();
      const etag = `"${createHash('sha1').update(`${info.size}:${info.mtimeMs}`).digest('hex').slice(0, 16)}"`;
      const headers = {
        'content-type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream',
        etag,
        'last-modified': info.mtime.toUTCString(),
      };
      if (request.headers['if-none-match'] === etag) return void response.writeHead(304, headers).end();
      response.writeHead(200, headers).end(await readFile(path));
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
