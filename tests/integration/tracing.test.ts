import { createSocket, type Socket } from 'node:dgram';
import type { AddressInfo } from 'node:net';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import type { Tracer } from '@aws-lambda-powertools/tracer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as TracingModule from '../../lambdas/lib/tracing.js';
import { createDynamoClient } from '../../shared/store/index.js';
import { lambdaContext } from '../helpers/events.js';
import { useTestTable } from '../helpers/dynamo.js';

/** An X-Ray trace header as Lambda sets it for a sampled invocation. */
const TRACE_HEADER = 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1';
/** How long to wait for a subsegment that should arrive: UDP on loopback, sent when the subsegment closes. */
const DATAGRAM_WAIT_MS = 10_000;

interface Subsegment {
  name: string;
  id: string;
  parent_id?: string;
  trace_id?: string;
  namespace?: string;
  annotations?: Record<string, unknown>;
  metadata?: Record<string, Record<string, unknown>>;
  aws?: { operation?: string; table_name?: string };
  fault?: boolean;
  cause?: { exceptions?: Array<{ message: string }> };
}

/**
 * A loopback stand-in for the X-Ray daemon: the SDK sends each closed subsegment as one UDP datagram,
 * `{"format":"json","version":1}` then the subsegment's JSON on the next line.
 */
class DaemonStandIn {
  readonly received: Subsegment[] = [];
  private waiters: Array<() => void> = [];
  private constructor(private readonly socket: Socket) {
    socket.on('message', (message) => {
      this.received.push(JSON.parse(message.toString('utf8').split('\n')[1]) as Subsegment);
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  static async start(): Promise<DaemonStandIn> {
    const socket = createSocket('udp4');
    await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
    return new DaemonStandIn(socket);
  }

  get address(): string {
    const { address, port } = this.socket.address() as AddressInfo;
    return `${address}:${port}`;
  }

  /** The first subsegment received named `name`, waiting for it if need be. */
  async subsegment(name: string): Promise<Subsegment> {
    const deadline = Date.now() + DATAGRAM_WAIT_MS;
    for (;;) {
      const found = this.received.find((subsegment) => subsegment.name === name);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no subsegment "${name}"; received ${this.received.map((s) => s.name).join(', ') || 'none'}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.socket.close(() => resolve()));
  }
}

/**
 * lambdas/lib/tracing.ts with the real Powertools Tracer and X-Ray SDK, in the environment Lambda gives a traced
 * function, sending to a loopback stand-in for the X-Ray daemon; DynamoDB is dynalite over HTTP.
 */
describe('tracing in Lambda', () => {
  const table = useTestTable();
  let daemon: DaemonStandIn;
  let tracing: typeof TracingModule;
  let tracer: Tracer;
  const savedEnv = { ...process.env };

  beforeAll(async () => {
    daemon = await DaemonStandIn.start();
    // Read when the X-Ray SDK and the tracer load: set before either is imported.
    Object.assign(process.env, {
      AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
      AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
      LAMBDA_TASK_ROOT: '/var/task',
      _HANDLER: 'index.handler',
      _X_AMZN_TRACE_ID: TRACE_HEADER,
      AWS_XRAY_DAEMON_ADDRESS: daemon.address,
      AWS_XRAY_LOG_LEVEL: 'silent',
      POWERTOOLS_SERVICE_NAME: 'stancewatch',
      AWS_REGION: 'eu-west-1',
    });
    tracing = await import('../../lambdas/lib/tracing.js');
    const { Tracer: TracerClass } = await import('@aws-lambda-powertools/tracer');
    tracer = new TracerClass();
  });

  afterAll(async () => {
    process.env = savedEnv;
    await daemon?.close();
  });

  it('wraps the handler in a ## subsegment with ColdStart, Service and its response, and traces the captured client under it', async () => {
    const client = tracing.clientCapture(tracer)(createDynamoClient({ endpoint: table.endpoint }));
    const handler = tracing.traceHandler(tracer, async (event: { watchId: string }) => {
      await client.send(new DescribeTableCommand({ TableName: table.tableName }));
      return { watch: event.watchId, sent: 1 };
    });

    await expect(handler({ watchId: 'w1' }, lambdaContext('digest'))).resolves.toEqual({ watch: 'w1', sent: 1 });
    const invocation = await daemon.subsegment('## index.handler');
    expect(invocation.trace_id).toBe('1-5759e988-bd862e3fe1be46a994272793');
    expect(invocation.annotations).toEqual({ ColdStart: true, Service: 'stancewatch' });
    expect(invocation.metadata?.stancewatch?.['index.handler response']).toEqual({ watch: 'w1', sent: 1 });
    const dynamo = await daemon.subsegment('DynamoDB');
    expect(dynamo).toMatchObject({ namespace: 'aws', parent_id: invocation.id, aws: { operation: 'DescribeTable', table_name: table.tableName } });
  });

  it('records the error of a failing handler and throws it on; the next invocation is no longer a cold start', async () => {
    daemon.received.length = 0;
    const handler = tracing.traceHandler(tracer, async () => {
      throw new Error('SNS refused the digest');
    });
    await expect(handler({}, lambdaContext('digest'))).rejects.toThrow('SNS refused the digest');
    const invocation = await daemon.subsegment('## index.handler');
    expect(invocation.annotations).toMatchObject({ ColdStart: false });
    expect(invocation.fault).toBe(true);
    expect(invocation.cause?.exceptions?.[0].message).toBe('SNS refused the digest');
  });

  it('leaves the response out of the trace when told to (the feed)', async () => {
    daemon.received.length = 0;
    const handler = tracing.traceHandler(tracer, async () => ({ body: '<feed/>' }), { captureResponse: false });
    await handler({}, lambdaContext('feed'));
    expect((await daemon.subsegment('## index.handler')).metadata).toBeUndefined();
  });

  it('is off with POWERTOOLS_TRACE_ENABLED=false: the handler runs as is in no subsegment, its clients are not wrapped', async () => {
    daemon.received.length = 0;
    process.env.POWERTOOLS_TRACE_ENABLED = 'false';
    const { Tracer: TracerClass } = await import('@aws-lambda-powertools/tracer');
    const off = new TracerClass();
    delete process.env.POWERTOOLS_TRACE_ENABLED;
    expect(off.isTracingEnabled()).toBe(false);
    const client = createDynamoClient({ endpoint: table.endpoint });
    expect(tracing.clientCapture(off)(client)).toBe(client);
    const handler = tracing.traceHandler(off, async () => {
      await client.send(new DescribeTableCommand({ TableName: table.tableName }));
      return 'done';
    });
    await expect(handler({}, lambdaContext('digest'))).resolves.toBe('done');
    // Subsegments are sent as they close: a traced invocation after the untraced one arrives after anything it sent.
    await tracing.traceHandler(tracer, async () => 'marker')({}, lambdaContext('digest'));
    await daemon.subsegment('## index.handler');
    // The tracer of the file is on and traces every HTTP request of the process (dynalite's, 127.0.0.1), but
    // no handler subsegment and no DynamoDB call came from the untraced invocation.
    const names = daemon.received.map((subsegment) => subsegment.name);
    expect(names.filter((name) => name === '## index.handler')).toHaveLength(1);
    expect(names).not.toContain('DynamoDB');
  });
});

describe('tracing outside Lambda', () => {
  it('is off without AWS_EXECUTION_ENV, as under npm start and the tests', async () => {
    const saved = process.env.AWS_EXECUTION_ENV;
    delete process.env.AWS_EXECUTION_ENV;
    try {
      const { Tracer: TracerClass } = await import('@aws-lambda-powertools/tracer');
      expect(new TracerClass().isTracingEnabled()).toBe(false);
    } finally {
      if (saved !== undefined) process.env.AWS_EXECUTION_ENV = saved;
    }
  });
});
