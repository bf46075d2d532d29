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
  recipients: ['analyst@example.com', 'editor@example.org'],
};

function mockedClient() {
  const client = new SESv2Client({ region: 'eu-west-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
  const send = vi.spyOn(client, 'send');
  return { client, send };
}

/** The input of each SendEmailCommand the client was given. */
function sentInputs(send: ReturnType<typeof mockedClient>['send']): unknown[] {
  return send.mock.calls.map(([command]) => {
    expect(command).toBeInstanceOf(SendEmailCommand);
    return (command as SendEmailCommand).input;
  });
}

/** The request SES gets for one reader: only that reader in To:, the unsubscribe header, the configuration set. */
function requestFor(reader: string) {
  return {
    FromEmailAddress: 'digest@news.example',
    Destination: { ToAddresses: [reader] },
    Content: {
      Simple: {
        Subject: { Data: digest.subject, Charset: 'UTF-8' },
        Body: { Text: { Data: 'plain', Charset: 'UTF-8' }, Html: { Data: '<p>html</p>', Charset: 'UTF-8' } },
        Headers: [{ Name: 'List-Unsubscribe', Value: '<mailto:digest@news.example?subject=unsubscribe%20treaty>' }],
      },
    },
    ConfigurationSetName: 'stancewatch-digests',
  };
}

describe('SES delivery (mocked at the SDK boundary: SES cannot run here)', () => {
  it('sends each reader a message of their own, with List-Unsubscribe and the configuration set', async () => {
    const { client, send } = mockedClient();
    send.mockResolvedValueOnce({ MessageId: 'm-1' } as never).mockResolvedValueOnce({ MessageId: 'm-2' } as never);
    const delivered = await sesNotifier('digest@news.example', { client, configurationSet: 'stancewatch-digests' }).deliver(digest);
    expect(delivered).toEqual(['ses:m-1', 'ses:m-2']);
    expect(sentInputs(send)).toEqual([requestFor('analyst@example.com'), requestFor('editor@example.org')]);
  });

  it('sends without a configuration set when none is given', async () => {
    const { client, send } = mockedClient();
    send.mockResolvedValue({ MessageId: 'm-1' } as never);
    await sesNotifier('digest@news.example', { client }).deliver({ ...digest, recipients: ['analyst@example.com'] });
    const { ConfigurationSetName, ...rest } = requestFor('analyst@example.com');
    expect(ConfigurationSetName).toBeDefined();
    expect(sentInputs(send)).toEqual([rest]);
  });

  it('keeps going past a refused reader and lists the refusal, since a retry would mail the others twice', async () => {
    const { client, send } = mockedClient();
    send.mockRejectedValueOnce(new Error('Email address is not verified.')).mockResolvedValueOnce({ MessageId: 'm-2' } as never);
    const delivered = await sesNotifier('digest@news.example', { client }).deliver(digest);
    expect(delivered).toEqual(['ses:m-2', 'ses:refused:analyst@example.com: Email address is not verified.']);
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('fails the digest when SES refuses every reader, so the next run tries again', async () => {
    const { client, send } = mockedClient();
    send.mockRejectedValue(new Error('Throttling'));
    await expect(sesNotifier('digest@news.example', { client }).deliver(digest)).rejects.toThrow(
      /SES refused every reader of treaty \(ses:refused:analyst@example\.com: Throttling; ses:refused:editor@example\.org: Throttling\)/,
    );
  });

  it('sends nothing when the watch has no readers of its own', async () => {
    const { client, send } = mockedClient();
    expect(await sesNotifier('digest@news.example', { client }).deliver({ ...digest, recipients: [] })).toEqual([]);
    expect(send).not.toHaveBeenCalled();
  });
});
