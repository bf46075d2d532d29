import { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { serveFeedRequest } from '../shared/pipeline/index.js';
import { createFeedDeps } from './lib/aws-deps.js';

const logger = new Logger();
// Once per cold start; the config is inlined at this exact expression by the bundler (see the other handlers).
const deps = createFeedDeps({ ...process.env, STANCEWATCH_CONFIG_JSON: process.env.STANCEWATCH_CONFIG_JSON });

/** Function URL → a watch's Atom feed of digests, or one digest page, for feed readers. */
export const handler = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
  const response = await serveFeedRequest({ path: event.rawPath, token: event.queryStringParameters?.token }, deps);
  logger.info('feed request', { path: event.rawPath, status: response.status });
  return { statusCode: response.status, headers: { 'content-type': response.contentType }, body: response.body };
};
