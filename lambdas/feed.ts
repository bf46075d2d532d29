import { Logger } from '@aws-lambda-powertools/logger';
import { Tracer } from '@aws-lambda-powertools/tracer';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { serveFeedRequest } from '../shared/pipeline/index.js';
import { createFeedDeps } from './lib/aws-deps.js';
import { clientCapture, traceHandler } from './lib/tracing.js';

const logger = new Logger();
// Off outside Lambda; in Lambda its segments go to X-Ray (the stack sets tracing: ACTIVE).
const tracer = new Tracer();
// Once per cold start; the config is inlined at this exact expression by the bundler (see the other handlers).
const deps = createFeedDeps({ ...process.env, STANCEWATCH_CONFIG_JSON: process.env.STANCEWATCH_CONFIG_JSON }, clientCapture(tracer));

/** Function URL → a watch's Atom feed of digests, or one digest page, for feed readers. The feed is not put in the trace. */
export const handler = traceHandler(
  tracer,
  async (event: APIGatewayProxyEventV2, _context: Context): Promise<APIGatewayProxyStructuredResultV2> => {
    const response = await serveFeedRequest({ path: event.rawPath, token: event.queryStringParameters?.token }, deps);
    logger.info('feed request', { path: event.rawPath, status: response.status });
    return { statusCode: response.status, headers: { 'content-type': response.contentType }, body: response.body };
  },
  { captureResponse: false },
);
