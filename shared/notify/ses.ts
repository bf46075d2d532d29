import type { SESv2Client, SendEmailCommandInput } from '@aws-sdk/client-sesv2';
import { StancewatchError } from '../errors/index.js';
import type { DigestNotifier, OutgoingDigest } from './types.js';

export interface SesNotifierOptions {
  /** The SES configuration set every mail is sent with: its event destination takes bounces and complaints to ops. */
  configurationSet?: string;
  /** An SES client; built on the first digest that needs one when absent. */
  client?: SESv2Client;
}

/**
 * Sends the HTML digest (with its text part) to the watch's own recipients through SES: one message per
 * reader, so no reader sees who else reads the watch, each with a `List-Unsubscribe` header (a mail to the
 * sender naming the watch). The SES client loads on the first digest that needs it: loading an SDK client is
 * most of a cold start, and most deployments never set a sender.
 *
 * A reader SES refuses does not fail the digest once another reader has it: the run retries a failed way out
 * whole, which would mail the others twice. The refusal is listed in what the digest was delivered to
 * (`ses:refused:<address>: <reason>`, in the run's log); when every reader is refused, the digest fails and the
 * next run tries again.
 *
 * @example
 * sesNotifier('digest@news.example', { configurationSet: 'stancewatch-digests' });
 */
export function sesNotifier(fromAddress: string, options: SesNotifierOptions = {}): DigestNotifier {
  let ses = options.client;
  return {
    name: 'ses',
    async deliver(digest) {
      if (digest.recipients.length === 0) return [];
      const { SESv2Client: Client, SendEmailCommand } = await import('@aws-sdk/client-sesv2');
      ses ??= new Client({});
      const client = ses;
      const delivered: string[] = [];
      const refused: string[] = [];
      // One at a time: SES's sending rate (14 a second and up, 1 in the sandbox) is the limit, not this loop.
      for (const reader of digest.recipients) {
        try {
          const result = await client.send(new SendEmailCommand(toSendEmailInput(digest, reader, fromAddress, options.configurationSet)));
          delivered.push(`ses:${result.MessageId ?? 'unknown'}`);
        } catch (error) {
          refused.push(`ses:refused:${reader}: ${(error as Error).message}`);
        }
      }
      if (delivered.length === 0) {
        throw new StancewatchError(`SES refused every reader of ${digest.watchId} (${refused.join('; ')}); the next run tries again`);
      }
      return [...delivered, ...refused];
    },
  };
}

/** The SESv2 SendEmail request for one reader of a digest. */
export function toSendEmailInput(digest: OutgoingDigest, reader: string, fromAddress: string, configurationSet?: string): SendEmailCommandInput {
  return {
    FromEmailAddress: fromAddress,
    Destination: { ToAddresses: [reader] },
    Content: {
      Simple: {
        Subject: { Data: digest.subject, Charset: 'UTF-8' },
        Body: { Text: { Data: digest.text, Charset: 'UTF-8' }, Html: { Data: digest.html, Charset: 'UTF-8' } },
        Headers: [{ Name: 'List-Unsubscribe', Value: listUnsubscribe(fromAddress, digest.watchId) }],
      },
    },
    ...(configurationSet ? { ConfigurationSetName: configurationSet } : {}),
  };
}

/**
 * RFC 2369 `List-Unsubscribe`: a mail to the sender whose subject names the watch; whoever reads the sender's
 * mailbox removes the reader from the watch's `digest.email`. No one-click URL (RFC 8058): nothing serves one.
 */
function listUnsubscribe(fromAddress: string, watchId: string): string {
  return `<mailto:${fromAddress}?subject=${encodeURIComponent(`unsubscribe ${watchId}`)}>`;
}
