import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { flushTraces, stopTracing } from '@lib/telemetry';
import { call, type RunningService, startTestService, testTopicPrefix, waitFor } from '@lib/testing';
import { assessmentService } from './assessment/src/assessment.definition';
import { credentialsService } from './credentials/src/credentials.definition';
import { enrolmentService } from './enrolment/src/enrolment.definition';
import { recognitionService } from './recognition/src/recognition.definition';
import { completeWithProvisionalMark, credentialOf, defineAchievement } from './spec-support/credentials';
import { ok, setUpUniversity } from './spec-support/university';

interface ReceivedSpan {
  readonly service: string;
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string;
  readonly name: string;
  readonly kind: number;
  readonly attributes: Record<string, unknown>;
}

type KeyValue = { key: string; value: Record<string, unknown> };
const valuesOf = (attributes: KeyValue[] = []) =>
  Object.fromEntries(attributes.map(({ key, value }) => [key, Object.values(value)[0]]));

/** An OTLP/HTTP receiver of JSON trace exports, as a collector would be. */
async function otlpReceiver(): Promise<{ server: Server; url: string; spans: ReceivedSpan[] }> {
  const spans: ReceivedSpan[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const text = (request.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body).toString();
      const exported = JSON.parse(text) as { resourceSpans: any[] };
      for (const resourceSpans of exported.resourceSpans) {
        const service = String(valuesOf(resourceSpans.resource?.attributes)['service.name']);
        for (const scope of resourceSpans.scopeSpans ?? [])
          for (const span of scope.spans ?? [])
            spans.push({
              service,
              ...span,
              parentSpanId: span.parentSpanId ?? '',
              attributes: valuesOf(span.attributes),
            });
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, spans };
}

/** One ratification, followed through assessment, credentials and recognition as one trace. */
describe('traces across the services', () => {
  const prefix = testTopicPrefix();
  let receiver: Awaited<ReturnType<typeof otlpReceiver>>;
  let enrolment: RunningService;
  let assessment: RunningService;
  let credentials: RunningService;
  let recognition: RunningService;

  beforeAll(async () => {
    receiver = await otlpReceiver();
    const env = { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url };
    enrolment = await startTestService('enrolment', enrolmentService, { topicPrefix: prefix });
    assessment = await startTestService('assessment', assessmentService, { topicPrefix: prefix, env });
    credentials = await startTestService('credentials', credentialsService, { topicPrefix: prefix, env });
    recognition = await startTestService('recognition', recognitionService, {
      topicPrefix: prefix,
      env: { ...env, CREDENTIALS_URL: credentials.url },
    });
  }, 60_000);

  afterAll(async () => {
    await recognition.stop();
    await credentials.stop();
    await assessment.stop();
    await enrolment.stop();
    await stopTracing();
    await new Promise((resolve) => receiver.server.close(resolve));
  });

  it('shows one ratification as one trace with spans of assessment, credentials and recognition', async () => {
    const services = { enrolment: enrolment.url, assessment: assessment.url, credentials: credentials.url };
    const uni = await setUpUniversity(enrolment.url);
    await defineAchievement(credentials.url, uni);
    const { result, learnerId } = await completeWithProvisionalMark(services, uni, 72);
    const ratification = `/api/assessment/results/${result.resultId}/ratification`;
    await ok(call(assessment.url, 'POST', ratification, { headers: uni.registrar }));
    await credentialOf(credentials.url, learnerId);

    const issuedBy = (span: ReceivedSpan) =>
      span.service === 'recognition' && span.name === 'credentials.credential.issued.v1 process';
    // The trace begins where the ratified event is written, inside the ratification request: under jest the HTTP
    // server span is missing (the HTTP instrumentation hooks Node's module loader, which jest replaces); a service
    // process has it as this span's parent.
    const ratified = await waitFor(
      async () => {
        await flushTraces();
        const written = receiver.spans.find(
          (span) => span.service === 'assessment' && span.name === 'assessment.result.ratified.v1 create',
        );
        const trace = receiver.spans.filter((span) => span.traceId === written?.traceId);
        return written && trace.some(issuedBy) ? written : undefined;
      },
      { what: 'the ratification’s trace to reach recognition', timeoutMs: 30000 },
    );

    const trace = receiver.spans.filter((span) => span.traceId === ratified.traceId);
    expect(new Set(trace.map((span) => span.service))).toEqual(
      new Set(['assessment', 'credentials', 'recognition']),
    );
    const byId = new Map(trace.map((span) => [span.spanId, span]));
    const parentOf = (span: ReceivedSpan | undefined) => byId.get(span?.parentSpanId ?? '');
    // The chain: the ratified event written in assessment, its handling in credentials, the credential's issued
    // event written there, and its handling in recognition.
    const handled = trace.find(
      (span) => span.service === 'credentials' && span.name === 'assessment.result.ratified.v1 process',
    );
    expect(parentOf(handled)).toBe(ratified);
    const issued = parentOf(trace.find(issuedBy));
    expect(issued).toMatchObject({ service: 'credentials', name: 'credentials.credential.issued.v1 create' });
    expect(ancestors(issued, parentOf)).toContain(handled);
    // Only this ratification is in the trace: the set-up's requests and events are traces of their own.
    expect(trace.filter((span) => span.name.startsWith('enrolment.'))).toEqual([]);
  });
});

function ancestors(
  span: ReceivedSpan | undefined,
  parentOf: (span: ReceivedSpan | undefined) => ReceivedSpan | undefined,
): ReceivedSpan[] {
  const found: ReceivedSpan[] = [];
  for (let next = parentOf(span); next && found.length < 50; next = parentOf(next)) found.push(next);
  return found;
}
