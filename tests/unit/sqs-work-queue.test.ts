import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { describe, expect, it, vi } from 'vitest';
import { SQS_SEND_CONCURRENCY, sqsSourceQueue } from '../../lambdas/lib/sqs-work-queue.js';

const QUEUE_URL = 'https://sqs.eu-west-1.amazonaws.com/123456789012/stancewatch-sources';
const messages = (count: number) => Array.from({ length: count }, (_, index) => ({ watchIds: ['w'], sourceUrl: `https://news.example/${index}`, runId: 'r' }));

describe('the source queue on SQS', () => {
  it('sends 10,000 messages as 1,000 batches of ten, each message once, a bounded number in flight', async () => {
    const client = new SQSClient({ region: 'eu-west-1' });
    let inFlight = 0;
    let mostInFlight = 0;
    const sent: string[] = [];
    const send = vi.spyOn(client, 'send').mockImplementation(async (command) => {
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      inFlight -= 1;
      const input = (command as SendMessageBatchCommand).input;
      expect(input.QueueUrl).toBe(QUEUE_URL);
      sent.push(...input.Entries!.map((entry) => entry.MessageBody!));
      return { Successful: input.Entries!.map((entry) => ({ Id: entry.Id })), Failed: [] } as never;
    });
    await expect(sqsSourceQueue(client, QUEUE_URL).enqueue(messages(10_000))).resolves.toBe(10_000);
    expect(send).toHaveBeenCalledTimes(1_000);
    expect(send.mock.calls.every(([command]) => command instanceof SendMessageBatchCommand && command.input.Entries!.length === 10)).toBe(true);
    expect(new Set(sent).size).toBe(10_000);
    expect(mostInFlight).toBe(SQS_SEND_CONCURRENCY);
  });

  it('fails the run when SQS refuses part of a batch, naming the entries (the schedule retries it)', async () => {
    const client = new SQSClient({ region: 'eu-west-1' });
    vi.spyOn(client, 'send').mockResolvedValue({ Successful: [], Failed: [{ Id: '3', Code: 'Throttled', Message: 'slow down', SenderFault: false }] } as never);
    await expect(sqsSourceQueue(client, QUEUE_URL).enqueue(messages(25))).rejects.toThrow(/SQS refused 1 of 10 source messages \(3: slow down\); the schedule retries/);
  });

  it('sends nothing for no messages', async () => {
    const client = new SQSClient({ region: 'eu-west-1' });
    const send = vi.spyOn(client, 'send');
    await expect(sqsSourceQueue(client, QUEUE_URL).enqueue([])).resolves.toBe(0);
    expect(send).not.toHaveBeenCalled();
  });
});
