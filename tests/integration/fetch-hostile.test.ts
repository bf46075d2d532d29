import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchError } from '../../shared/errors/index.js';
import { defaultFetchOptions, fetchDocument } from '../../shared/fetch/index.js';

/** 64 MB of zeros: about 64 KB on the wire, the shape of a decompression bomb. */
const BOMB = gzipSync(Buffer.alloc(64 * 1024 * 1024));

describe('a hostile server', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === '/robots.txt') return void response.writeHead(404).end();
      response.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(BOMB);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('cannot make the fetcher inflate a gzip bomb past the size cap', async () => {
    const options = defaultFetchOptions({ allowPrivateNetwork: true, maxBytes: 1024 * 1024 });
    const error = await fetchDocument(`${base}/bomb.html`, options).catch((caught) => caught);
    expect(BOMB.length).toBeLessThan(options.maxBytes);
    expect(error).toBeInstanceOf(FetchError);
    expect(error).toMatchObject({ reason: 'too-large' });
  });
});
