import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { FetchError } from '../../shared/errors/index.js';
import { defaultFetchOptions, fetchDocument } from '../../shared/fetch/index.js';
import { useSite } from '../helpers/web.js';

/** 64 MB of zeros: about 64 KB on the wire, the shape of a decompression bomb. */
const BOMB = gzipSync(Buffer.alloc(64 * 1024 * 1024));

describe('a hostile server', () => {
  const site = useSite({ '/bomb.html': { type: 'text/html', headers: { 'content-encoding': 'gzip' }, body: BOMB } });

  it('cannot make the fetcher inflate a gzip bomb past the size cap', async () => {
    const options = defaultFetchOptions({ allowPrivateNetwork: true, maxBytes: 1024 * 1024 });
    const error = await fetchDocument(site.url('/bomb.html'), options).catch((caught) => caught);
    expect(BOMB.length).toBeLessThan(options.maxBytes);
    expect(error).toBeInstanceOf(FetchError);
    expect(error).toMatchObject({ reason: 'too-large' });
  });
});
