import { SNSClient } from '@aws-sdk/client-sns';
import { sesNotifier } from './ses.js';
import { snsNotifier } from './sns.js';
import type { DigestNotifier } from './types.js';

/**
 * The deployed stack's ways out: SNS for every digest, SES HTML too when a sender is verified (sent with the
 * stack's configuration set, whose bounces and complaints go to the ops topic).
 */
export function createAwsNotifiers(options: { topicArn: string; sesFrom?: string; sesConfigurationSet?: string }): DigestNotifier[] {
  const notifiers = [snsNotifier(new SNSClient({}), options.topicArn)];
  if (options.sesFrom) notifiers.push(sesNotifier(options.sesFrom, { configurationSet: options.sesConfigurationSet }));
  return notifiers;
}
