import type { SESv2Client } from '@aws-sdk/client-sesv2';
import type { DigestNotifier } from './types.js';

/**
 * Sends the HTML digest (with its text part) to the watch's own recipients through SES. The SES
 * client loads on the first digest that needs it: loading an SDK client is most of a cold start,
 * and most deployments never set a sender.
 */
export function sesNotifier(fromAddress: string, client?: SESv2Client): DigestNotifier {
  let ses = client;
  return {
    name: 'ses',
    async deliver(digest) {
      if (digest.recipients.length === 0) return [];
      const { SESv2Client: Client, SendEmailCommand } = await import('@aws-sdk/client-sesv2');
      ses ??= new Client({});
      const result = await ses.send(
        new SendEmailCommand({
          FromEmailAddress: fromAddress,
          Destination: { ToAddresses: digest.recipients },
          Content: {
            Simple: {
              Subject: { Data: digest.subject, Charset: 'UTF-8' },
              Body: { Text: { Data: digest.text, Charset: 'UTF-8' }, Html: { Data: digest.html, Charset: 'UTF-8' } },
            },
          },
        }),
      );
      return [`ses:${result.MessageId ?? 'unknown'}`];
    },
  };
}
