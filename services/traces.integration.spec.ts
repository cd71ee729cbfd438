import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  call,
  type ServiceProcess,
  spawnedServiceEnv,
  spawnService,
  testTopicPrefix,
  waitFor,
} from '@lib/testing';
import { completeWithProvisionalMark, credentialOf, defineAchievement } from './spec-support/credentials';
import {
  ancestorsOf,
  otlpReceiver,
  type OtlpReceiver,
  type ReceivedSpan,
} from './spec-support/otlp-receiver';
import { ok, setUpUniversity } from './spec-support/university';

/** OTLP's span kinds as numbers in JSON. */
const SERVER = 2;

/**
 * One ratification, followed as one trace from its HTTP request through assessment, credentials and recognition.
 * Each service runs built, in a process of its own, as in production: its `main.ts` loads the instrumentations before
 * HTTP, Express and mongoose, which jest's module loader would not let them patch in this process.
 */
describe('traces across the services', () => {
  const prefix = testTopicPrefix();
  const logs: string[] = [];
  let receiver: OtlpReceiver;
  const running: ServiceProcess[] = [];

  const start = async (service: string, extra: Record<string, string> = {}) => {
    const run = `${service}-${randomUUID().slice(0, 8)}`;
    const logFile = join(tmpdir(), `traces-${run}.log`);
    logs.push(logFile);
    const started = await spawnService(service, spawnedServiceEnv(run, prefix, extra), { logFile });
    running.push(started);
    return started;
  };

  let enrolment: ServiceProcess;
  let assessment: ServiceProcess;
  let credentials: ServiceProcess;

  beforeAll(async () => {
    receiver = await otlpReceiver();
    const traced = { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url };
    [enrolment, assessment, credentials] = await Promise.all([
      start('enrolment'),
      start('assessment', traced),
      start('credentials', traced),
    ]);
    await start('recognition', { ...traced, CREDENTIALS_URL: credentials.url });
  }, 120_000);

  afterAll(async () => {
    // SIGTERM: each service sends its buffered spans as it stops.
    await Promise.all(running.map((service) => service.stop()));
    await receiver?.close();
  });

  it('shows one ratification as one trace from its HTTP request through assessment, credentials and recognition', async () => {
    const services = { enrolment: enrolment.url, assessment: assessment.url, credentials: credentials.url };
    const uni = await setUpUniversity(enrolment.url);
    await defineAchievement(credentials.url, uni);
    const { result, learnerId } = await completeWithProvisionalMark(services, uni, 72);
    const ratification = `/api/assessment/results/${result.resultId}/ratification`;
    await ok(call(assessment.url, 'POST', ratification, { headers: uni.registrar }));
    await credentialOf(credentials.url, learnerId);

    const isRequest = (span: ReceivedSpan) =>
      span.service === 'assessment' &&
      span.kind === SERVER &&
      Object.values(span.attributes).some((value) => String(value).endsWith(ratification));
    const chain = [
      ['assessment', 'assessment.result.ratified.v1 create'],
      ['credentials', 'assessment.result.ratified.v1 process'],
      ['credentials', 'credentials.credential.issued.v1 create'],
      ['recognition', 'credentials.credential.issued.v1 process'],
    ] as const;
    // Each service exports its spans in batches every few seconds: wait until the whole chain has arrived.
    const request = await waitFor(
      () => {
        const found = receiver.spans.find(isRequest);
        const trace = receiver.spans.filter((span) => span.traceId === found?.traceId);
        const arrived = chain.every(([service, name]) =>
          trace.some((span) => span.service === service && span.name === name),
        );
        return found && arrived ? found : undefined;
      },
      { what: `the ratification’s trace to reach recognition (logs: ${logs.join(' ')})`, timeoutMs: 60000 },
    );

    // Stopped, each service sends what it still buffers: the trace is complete, with no span missing its parent.
    await Promise.all(running.map((service) => service.stop()));
    const trace = receiver.spans.filter((span) => span.traceId === request.traceId);
    // The request starts the trace (its caller sent no trace context), under Express's route.
    expect(request).toMatchObject({
      parentSpanId: '',
      name: `POST /api/assessment/results/:resultId/ratification`,
    });
    expect(new Set(trace.map((span) => span.service))).toEqual(
      new Set(['assessment', 'credentials', 'recognition']),
    );
    // Everything in the trace descends from the request: the set-up's requests and events are traces of their own.
    expect(trace.filter((span) => span !== request && !ancestorsOf(span, trace).includes(request))).toEqual(
      [],
    );
    expect(trace.filter((span) => span.name.startsWith('enrolment.'))).toEqual([]);

    const find = (service: string, name: string) =>
      trace.find((span) => span.service === service && span.name === name);
    // The chain: the request writes the ratified event (its outbox span under the request's span), credentials
    // handles it and writes the issued event, and recognition handles that.
    const ratified = find('assessment', 'assessment.result.ratified.v1 create');
    expect(ancestorsOf(ratified, trace)).toContain(request);
    const handled = find('credentials', 'assessment.result.ratified.v1 process');
    expect(ancestorsOf(handled, trace)[0]).toBe(ratified);
    const issued = find('credentials', 'credentials.credential.issued.v1 create');
    expect(ancestorsOf(issued, trace)).toContain(handled);
    const recognised = find('recognition', 'credentials.credential.issued.v1 process');
    expect(ancestorsOf(recognised, trace)[0]).toBe(issued);

    // mongoose's work inside the request and inside the consumers is in the trace too.
    const mongoose = (service: string) =>
      trace.filter(
        (span) => span.service === service && span.scope === '@opentelemetry/instrumentation-mongoose',
      );
    expect(mongoose('assessment').length).toBeGreaterThan(0);
    expect(mongoose('credentials').some((span) => ancestorsOf(span, trace).includes(handled!))).toBe(true);
    expect(mongoose('recognition').some((span) => ancestorsOf(span, trace).includes(recognised!))).toBe(true);
  }, 120_000);
});
