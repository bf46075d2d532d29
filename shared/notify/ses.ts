import { SendEmailCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import type { DigestNotifier } from './types.js';

/** Sends the HTML digest (with its text part) to the watch's own recipients through SES. */
export function sesNotifier(client: SESv2Client, fromAddress: string): DigestNotifier {
  return {
    name: 'ses',
    async deliver(digest) {
      if (digest.recipients.length === 0) return [];
      const result = await client.send(
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
