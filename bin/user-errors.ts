import { StancewatchError } from '../shared/errors/index.js';

/** SDK errors that mean the deployed table cannot be reached as asked, with what to do about each. */
const AWS_HINTS: Record<string, string> = {
  CredentialsProviderError:
    'no AWS credentials for --table: set AWS_PROFILE (or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY) so that `aws sts get-caller-identity` answers, or leave out --table to read the local archive',
  ResourceNotFoundException: 'no such table in that account and region: check --table and --region (the stack output names the table)',
  UnrecognizedClientException: 'AWS did not accept the credentials for --table: check AWS_PROFILE or the access keys',
  ExpiredTokenException: 'the AWS session for --table has expired: log in again (for example `aws sso login`)',
  AccessDeniedException:
    'the AWS credentials may not use the table given with --table: query and timeline need dynamodb:Query and dynamodb:GetItem on it; watches push also UpdateItem and BatchWriteItem',
};

/** Socket errors: the table's endpoint cannot be reached from here, which no stack trace explains better. */
const NETWORK_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENETUNREACH', 'EHOSTUNREACH']);

/**
 * The one line a person gets for a mistake they can fix (a Stancewatch error, a refused or missing AWS
 * credential), or nothing for a fault in Stancewatch itself, whose stack trace is worth reporting.
 */
export function describeUserError(error: unknown): string | undefined {
  if (error instanceof StancewatchError) return error.message;
  if (!(error instanceof Error)) return undefined;
  const hint = AWS_HINTS[error.name];
  if (hint) return `${hint} (${error.message})`;
  if (/^Region is missing/.test(error.message)) return '--table needs a region: pass --region, or set AWS_REGION';
  const { code, hostname, address, port } = error as NodeJS.ErrnoException & { hostname?: string; address?: string; port?: number };
  if (code && NETWORK_CODES.has(code)) {
    const where = hostname ?? (address ? `${address}:${port}` : 'DynamoDB');
    return `cannot reach ${where} (${code}): check the network connection and --region, then try again`;
  }
  return undefined;
}
