import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../shared/config/index.js';
import { parseFeed } from '../../shared/fetch/index.js';
import { feedTokenFor, serveFeedRequest, type FeedDeps } from '../../shared/pipeline/index.js';
import { dynamoWatchConfig } from '../../shared/store/index.js';
import { lambdaTableEnv, startTestTable, type TestTable } from '../helpers/dynamo.js';
import { lambdaContext } from '../helpers/events.js';

const SECRET = 'feed-secret-0123456789abcdef0123456789abcdef';
const SECRET_ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:StancewatchFeedSecret-AbCdEf';
const KEYS = ['a'.repeat(32), 'b'.repeat(32), 'c'.repeat(32)];
const WATCHES = [
  { id: 'treaty', name: 'Peace treaty', keywords: ['treaty'], sources: [{ url: 'https://x.example/feed' }] },
  { id: 'tariffs', name: 'Tariffs', keywords: ['tariff'], sources: [{ url: 'https://y.example/feed' }] },
];
const TREATY_TOKEN = feedTokenFor(SECRET, 'treaty');
const TARIFFS_TOKEN = feedTokenFor(SECRET, 'tariffs');

/** Two digests of `treaty` delivered, the third claimed but never sent. */
async function storeDigests(table: TestTable): Promise<void> {
  for (const [index, digestKey] of KEYS.entries()) {
    await table.store.claimDigest({
      watchId: 'treaty',
      digestKey,
      subject: `Digest ${index + 1}`,
      text: 't',
      html: `<p>Digest ${index + 1}</p>`,
      statementIds: [],
      status: 'sending',
      createdAt: `2026-11-2${index}T09:00:00.000Z`,
    });
    // The last one never went out: it must not be in the feed.
    if (index < 2) await table.store.markDelivered('treaty', digestKey, ['test']);
  }
}

describe('the served Atom feed of digests', () => {
  let table: TestTable;
  let deps: FeedDeps;

  beforeAll(async () => {
    table = await startTestTable();
    deps = { config: parseConfig({ watches: WATCHES }, 'test'), store: table.store, feedSecret: async () => SECRET };
    await storeDigests(table);
  });
  afterAll(async () => table.close());

  it('derives a different token for each watch from the one secret', () => {
    expect(TREATY_TOKEN).toMatch(/^[0-9a-f]{64}$/);
    expect(TARIFFS_TOKEN).not.toBe(TREATY_TOKEN);
    expect(feedTokenFor(`${SECRET}x`, 'treaty')).not.toBe(TREATY_TOKEN);
  });

  it("is what the README's openssl command prints: printf %s <watch> | openssl dgst -sha256 -hmac <secret>", () => {
    expect(feedTokenFor('abcDEF123secretXYZ', 'russia-japan-treaty')).toBe('e7079f4144b65d3b436e260fe9abf7e5c47346339243cc295ed8ffc52c055385');
  });

  it('refuses a request without the right token, and the token of another watch', async () => {
    expect((await serveFeedRequest({ path: '/treaty.xml' }, deps)).status).toBe(403);
    expect((await serveFeedRequest({ path: '/treaty.xml', token: `${TREATY_TOKEN}x` }, deps)).status).toBe(403);
    expect((await serveFeedRequest({ path: '/treaty.xml', token: TARIFFS_TOKEN }, deps)).status).toBe(403);
    expect((await serveFeedRequest({ path: `/treaty/${KEYS[0]}.html`, token: TARIFFS_TOKEN }, deps)).status).toBe(403);
    // The secret itself is not a token either.
    expect((await serveFeedRequest({ path: '/treaty.xml', token: SECRET }, deps)).status).toBe(403);
  });

  it('lists the delivered digests newest first, linking to their pages with the watch token', async () => {
    const response = await serveFeedRequest({ path: '/treaty.xml', token: TREATY_TOKEN }, deps);
    expect(response).toMatchObject({ status: 200, contentType: expect.stringContaining('atom+xml') });
    const feed = parseFeed(response.body, 'https://feeds.example/treaty.xml?token=x');
    expect(feed?.entries.map((entry) => entry.title)).toEqual(['Digest 2', 'Digest 1']);
    expect(feed?.entries[0].url).toBe(`https://feeds.example/treaty/${KEYS[1]}.html?token=${TREATY_TOKEN}`);
  });

  it('serves one delivered digest as its HTML page, 404 for a digest not delivered, 403 for an unknown watch', async () => {
    const page = await serveFeedRequest({ path: `/treaty/${KEYS[0]}.html`, token: TREATY_TOKEN }, deps);
    expect(page).toMatchObject({ status: 200, body: '<p>Digest 1</p>' });
    expect((await serveFeedRequest({ path: `/treaty/${KEYS[2]}.html`, token: TREATY_TOKEN }, deps)).status).toBe(404);
    // The same answer as a wrong token, and no list of the watches: a stranger learns nothing.
    const unknown = await serveFeedRequest({ path: '/other.xml', token: TREATY_TOKEN }, deps);
    expect(unknown.status).toBe(403);
    expect(unknown.body).not.toContain('treaty');
  });
});

/** A function URL request as Lambda delivers it (payload format 2.0), for the fields the feed handler reads. */
function functionUrlEvent(rawPath: string, token?: string): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString: token ? `token=${token}` : '',
    headers: {},
    ...(token ? { queryStringParameters: { token } } : {}),
    isBase64Encoded: false,
    requestContext: { http: { method: 'GET', path: rawPath } },
  } as APIGatewayProxyEventV2;
}

/**
 * The feed Lambda as it runs: imported after its environment is set (it builds its deps at module load),
 * DynamoDB = dynalite over HTTP, the secret read through Powertools Parameters with Secrets Manager stubbed
 * at the SDK client's `send`.
 */
describe('the feed Lambda handler', () => {
  let table: TestTable;
  let feedHandler: (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;
  const handler = (event: APIGatewayProxyEventV2) => feedHandler(event, lambdaContext('feed'));
  const savedEnv = { ...process.env };

  beforeAll(async () => {
    table = await startTestTable();
    await storeDigests(table);
    Object.assign(process.env, {
      ...lambdaTableEnv(table),
      FEED_SECRET_ID: SECRET_ARN,
      POWERTOOLS_LOG_LEVEL: 'ERROR',
    });
    // The watches as `stancewatch watches push` leaves them, where the function reads them.
    await dynamoWatchConfig(table.client, table.tableName).pushWatches(parseConfig({ watches: WATCHES }, 'test'));
    vi.resetModules();
    ({ handler: feedHandler } = await import('../../lambdas/feed.js'));
  });

  afterAll(async () => {
    vi.restoreAllMocks();
    process.env = savedEnv;
    await table?.close();
  });

  it('reads the secret from Secrets Manager once, then serves feeds by their per-watch token', async () => {
    const send = vi.spyOn(SecretsManagerClient.prototype, 'send').mockResolvedValue({ ARN: SECRET_ARN, SecretString: SECRET } as never);
    const feed = await handler(functionUrlEvent('/treaty.xml', TREATY_TOKEN));
    expect(feed).toMatchObject({ statusCode: 200, headers: { 'content-type': expect.stringContaining('atom+xml') } });
    expect(feed.body).toContain('Digest 2');
    expect((await handler(functionUrlEvent('/treaty.xml', TARIFFS_TOKEN))).statusCode).toBe(403);
    expect((await handler(functionUrlEvent(`/treaty/${KEYS[0]}.html`, TREATY_TOKEN))).body).toBe('<p>Digest 1</p>');

    // Cached by Powertools: three requests, one call.
    expect(send).toHaveBeenCalledTimes(1);
    const [command] = send.mock.calls[0] as unknown as [GetSecretValueCommand];
    expect(command).toBeInstanceOf(GetSecretValueCommand);
    expect(command.input).toEqual({ SecretId: SECRET_ARN });
    send.mockRestore();
  });
});
