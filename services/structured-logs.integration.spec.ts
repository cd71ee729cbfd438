import { randomUUID } from 'node:crypto';
import { TOPICS } from '@lib/contracts';
import type { ServiceDefinition } from '@lib/platform';
import {
  bearer,
  call,
  EventRecorder,
  type RunningService,
  startTestService,
  testTopicPrefix,
  waitFor,
} from '@lib/testing';
import { enrolmentService } from './enrolment/src/enrolment.definition';
import { ok } from './spec-support/university';

type Line = Record<string, any>;

/** The service's real log output, captured where it would go to standard output. */
function capturingLogs(definition: (env: NodeJS.ProcessEnv) => ServiceDefinition) {
  const lines: Line[] = [];
  const withCapture = (env: NodeJS.ProcessEnv): ServiceDefinition => ({
    ...definition(env),
    logDestination: {
      write: (line: string) => {
        lines.push(JSON.parse(line) as Line);
      },
    },
  });
  return { withCapture, lines };
}

/** A request's correlation id in its log line and in every event it causes. */
describe('structured logs of a service', () => {
  const prefix = testTopicPrefix();
  const recorder = new EventRecorder(prefix);
  const logs = capturingLogs(enrolmentService);
  let enrolment: RunningService;

  beforeAll(async () => {
    enrolment = await startTestService('enrolment', logs.withCapture, {
      topicPrefix: prefix,
      env: { LOG_LEVEL: 'info', LOG_FORMAT: 'json' },
    });
    await recorder.start();
  });

  afterAll(async () => {
    await recorder.stop();
    await enrolment.stop();
  });

  it('writes the request line with the caller’s correlation id, which the events it caused carry too', async () => {
    const correlationId = `spec-${randomUUID()}`;
    const organisation = await ok(
      call(enrolment.url, 'POST', '/api/enrolment/organisations', {
        headers: { ...bearer('admin'), 'x-correlation-id': correlationId },
        body: { kind: 'awarding-body', name: `University ${correlationId}` },
      }),
    );

    const [line] = await waitFor(
      () => {
        const found = logs.lines.filter((one) => one.correlationId === correlationId);
        return found.length > 0 ? found : undefined;
      },
      { what: 'the request’s log line' },
    );
    expect(line).toMatchObject({
      service: 'enrolment',
      level: 'info',
      req: { method: 'POST', route: '/api/enrolment/organisations' },
      res: { statusCode: 201 },
    });
    expect(new Date(line!.time).toISOString()).toBe(line!.time);

    const [event] = await recorder.waitFor(
      TOPICS.enrolmentOrganisationRegistered,
      (data) => data.organisationId === organisation.id,
    );
    expect(event!.envelope.correlationId).toBe(correlationId);
  });
});
