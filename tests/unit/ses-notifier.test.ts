import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { describe, expect, it, vi } from 'vitest';
import { sesNotifier } from '../../shared/notify/index.js';

const digest = {
  watchId: 'treaty',
  watchName: 'Peace treaty',
  digestKey: 'k',
  subject: 'Stancewatch: 1 new — Peace treaty',
  text: 'plain',
  html: '<p>html</p>',
  recipients: ['analyst@example.com'],
};

describe('SES delivery (mocked at the SDK boundary: SES cannot run here)', () => {
  it('sends the HTML digest with its text part to the watch readers from the verified sender', async () => {
    const client = new SESv2Client({ region: 'eu-west-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
    const send = vi.spyOn(client, 'send').mockResolvedValue({ MessageId: 'm-1' } as never);
    const delivered = await sesNotifier('digest@news.example', client).deliver(digest);
    expect(delivered).toEqual(['ses:m-1']);
    const [command] = send.mock.calls[0] as unknown as [SendEmailCommand];
    expect(command).toBeInstanceOf(SendEmailCommand);
    expect(command.input).toEqual({
      FromEmailAddress: 'digest@news.example',
      Destination: { ToAddresses: ['analyst@example.com'] },
      Content: {
        Simple: {
          Subject: { Data: digest.subject, Charset: 'UTF-8' },
          Body: { Text: { Data: 'plain', Charset: 'UTF-8' }, Html: { Data: '<p>html</p>', Charset: 'UTF-8' } },
        },
      },
    });
  });

  it('sends nothing when the watch has no readers of its own', async () => {
    const client = new SESv2Client({ region: 'eu-west-1' });
    const send = vi.spyOn(client, 'send');
    expect(await sesNotifier('digest@news.example', client).deliver({ ...digest, recipients: [] })).toEqual([]);
    expect(send).not.toHaveBeenCalled();
  });
});
