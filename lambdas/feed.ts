import { Logger } from '@aws-lambda-powertools/logger';
import { Tracer } from '@aws-lambda-powertools/tracer';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { serveFeedRequest } from '../shared/pipeline/index.js';
import { createFeedDeps } from './lib/aws-deps.js';
import { powertoolsLog } from './lib/powertools-log.js';
import { watchesFor } from './lib/watches-source.js';
import { clientCapture, traceHandler } from './lib/tracing.js';

const logger = new Logger();
// Off outside Lambda; in Lambda its segments go to X-Ray (the stack sets tracing: ACTIVE).
const tracer = new Tracer();
// Once per cold start; the watches are read from the table and cached (lambdas/lib/watches-source.ts).
const { watches, ...deps } = createFeedDeps(process.env, powertoolsLog(logger), clientCapture(tracer));

/** `/<watch>.xml` or `/<watch>/<key>.html` → the watch id, to read the watches again for one pushed since. */
function requestedWatch(path: string): string[] {
  const id = /^\/([a-z0-9][a-z0-9-]*)(?:\.xml$|\/)/.exec(path)?.[1];
  return id ? [id] : [];
}

/** Function URL → a watch's Atom feed of digests, or one digest page, for feed readers. The feed is not put in the trace. */
export const handler = traceHandler(
  tracer,
  async (event: APIGatewayProxyEventV2, _context: Context): Promise<APIGatewayProxyStructuredResultV2> => {
    const config = await watchesFor(watches, requestedWatch(event.rawPath));
    const response = await serveFeedRequest({ path: event.rawPath, token: event.queryStringParameters?.token }, { ...deps, config });
    logger.info('feed request', { path: event.rawPath, status: response.status });
    return { statusCode: response.status, headers: { 'content-type': response.contentType }, body: response.body };
  },
  { captureResponse: false },
);
