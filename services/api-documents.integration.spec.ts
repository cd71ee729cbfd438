import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROLES } from '@lib/auth';
import {
  bearer,
  call,
  ExternalIssuer,
  type RunningService,
  startTestService,
  testTopicPrefix,
} from '@lib/testing';
import type { INestApplication } from '@nestjs/common';
import { assessmentService } from './assessment/src/assessment.definition';
import { credentialsService } from './credentials/src/credentials.definition';
import { enrolmentService } from './enrolment/src/enrolment.definition';
import { recognitionService } from './recognition/src/recognition.definition';
import {
  type DocumentedOperation,
  errorAnswerProblem,
  exampleOf,
  handlersWithUndocumentedQueries,
  openApiProblems,
  operationsOf,
  routesOf,
  successGaps,
} from './spec-support/api-documents';
import { STATE_DEPENDENT, TRACED_ERRORS } from './spec-support/error-answers';
import { startTestGateway } from './spec-support/gateway';
import { SuccessAnswers } from './spec-support/success-answers';
import { travelEveryService } from './spec-support/success-journey';

type ServiceName = 'enrolment' | 'assessment' | 'credentials' | 'recognition';
/** Written by `npm run -s api:snapshot` (this spec with UPDATE_API_SNAPSHOTS=1) after an API change. */
const apiSnapshotPath = (service: ServiceName) => join(__dirname, 'web', 'openapi', `${service}.json`);
const SERVICES: ServiceName[] = ['enrolment', 'assessment', 'credentials', 'recognition'];

interface Probe {
  /**
   * Sent to another credentials service: `limited` allows one verification a minute (for 429s); `strictReading` gives
   * a batch 10 ms to be read (for the batch's 422, which no body within the limits reaches in the default 3 s).
   */
  instance?: 'limited' | 'strictReading';
  headers?: Record<string, string>;
  path: string;
  body?: unknown;
  raw?: string;
}

/** Every service's OpenAPI document validates, names every route, and its error answers are the real ones. */
describe('API documents', () => {
  const prefix = testTopicPrefix();
  const running = {} as Record<ServiceName, RunningService>;
  const documents = {} as Record<ServiceName, any>;
  let limitedCredentials: RunningService;
  let strictReadingCredentials: RunningService;
  let gateway: { app: INestApplication; url: string };
  let gatewayDocument: any;
  /** The success journey's answers, with the refusals it produced (see below). */
  let journey: SuccessAnswers | undefined;

  beforeAll(async () => {
    running.credentials = await startTestService('credentials', credentialsService, { topicPrefix: prefix });
    limitedCredentials = await startTestService('credentials', credentialsService, {
      topicPrefix: prefix,
      env: { VERIFY_RATE_LIMIT: '1' },
    });
    strictReadingCredentials = await startTestService('credentials', credentialsService, {
      topicPrefix: prefix,
      env: { VERIFY_BATCH_TIME_LIMIT_MS: '10' },
    });
    running.recognition = await startTestService('recognition', recognitionService, {
      topicPrefix: prefix,
      env: { CREDENTIALS_URL: running.credentials.url },
    });
    running.enrolment = await startTestService('enrolment', enrolmentService, { topicPrefix: prefix });
    running.assessment = await startTestService('assessment', assessmentService, { topicPrefix: prefix });
    for (const service of SERVICES) {
      const answer = await call(running[service].url, 'GET', `/api/${service}/docs-json`);
      expect(answer.status).toBe(200);
      documents[service] = answer.body;
    }
    // The gateway's own document: its health and readiness (the rest of its routes are the services').
    gateway = await startTestGateway(
      Object.fromEntries(SERVICES.map((service) => [service, running[service].url])),
    );
    gatewayDocument = (await call(gateway.url, 'GET', '/api/gateway/docs-json')).body;
  });

  afterAll(async () => {
    await gateway?.app.close();
    for (const service of SERVICES) await running[service]?.stop();
    await limitedCredentials?.stop();
    await strictReadingCredentials?.stop();
  });

  /**
   * Success answers, from one learner's real way through every service (spec-support/success-journey.ts), each
   * checked against its document. Every operation is exercised at present; one the journey does not reach (a new
   * endpoint) is named in the log line, to be added to the journey. The journey also asks for the refusals its
   * states make (a conflict, an unusable key set), which the client-error checks below count: so it runs first.
   */
  it('gives success answers as documented', async () => {
    const hub = await ExternalIssuer.start('Code4Health Documents Hub');
    const answers = (journey = new SuccessAnswers(
      Object.fromEntries(
        SERVICES.map((service) => [service, { url: running[service].url, document: documents[service] }]),
      ),
    ));
    try {
      await travelEveryService(answers, hub);
    } finally {
      await hub.stop();
    }
    expect(answers.failures).toEqual([]);
    const lines = SERVICES.map((service) => {
      const all = operationsOf(documents[service]).map(name);
      const matched = answers.matchedOperations(service);
      const missing = all.filter((op) => !matched.includes(op));
      return `${service}: ${matched.length}/${all.length} operations' success answers validated${missing.length ? `; not exercised: ${missing.join(', ')}` : ''}`;
    });
    console.log(lines.join('\n'));
  }, 240_000);

  describe.each(SERVICES)('%s', (service) => {
    // The web app's API types are generated from these copies (services/web/openapi), so they cannot drift.
    it('is the document the web app is built against', () => {
      const snapshot = apiSnapshotPath(service);
      if (process.env.UPDATE_API_SNAPSHOTS)
        writeFileSync(snapshot, `${JSON.stringify(documents[service], null, 2)}\n`);
      expect(JSON.parse(readFileSync(snapshot, 'utf8'))).toEqual(documents[service]);
    });

    it('is a valid OpenAPI 3.1 document', async () => {
      expect(documents[service].openapi).toBe('3.1.0');
      expect(await openApiProblems(documents[service])).toBe('');
    });

    it('documents every route the service answers', () => {
      const documented = new Set(operationsOf(documents[service]).map((op) => `${op.method} ${op.path}`));
      const routes = routesOf(running[service].app);
      expect(routes.length).toBeGreaterThan(3);
      expect(routes.filter((route) => !documented.has(route))).toEqual([]);
    });

    it('documents the query parameters of every handler that reads the query string', () => {
      expect(handlersWithUndocumentedQueries(running[service].app)).toEqual([]);
    });

    it('documents a success answer of every operation, with its body unless a 204', () => {
      expect(successGaps(documents[service])).toEqual([]);
    });

    it('documents every error answer traced to its code', () => {
      const documented = new Map(
        operationsOf(documents[service]).map((op) => [name(op), op.operation.responses]),
      );
      const missing = Object.entries(TRACED_ERRORS[service]!).flatMap(([operation, statuses]) => {
        const responses = documented.get(operation);
        if (!responses) return [`${operation}: no such operation`];
        return statuses.filter((status) => !responses[status]).map((status) => `${operation} ${status}`);
      });
      expect(missing).toEqual([]);
    });

    it('takes request bodies up to the documented size limit', async () => {
      const refused: string[] = [];
      for (const op of operationsOf(documents[service])) {
        for (const [type, media] of Object.entries<any>(op.operation.requestBody?.content ?? {})) {
          // Just under the limit: the answer may be any 4xx about the content, but not 413.
          const size: number = media['x-body-limit-bytes'] - 1024;
          const answer = await call(
            running[service].url,
            op.method.toUpperCase(),
            pathWith(op, () => randomUUID()),
            {
              headers: { 'content-type': type },
              raw:
                type === 'application/json'
                  ? JSON.stringify({ padding: 'x'.repeat(size - 20) })
                  : 'x'.repeat(size),
            },
          );
          if (answer.status === 413) refused.push(`${name(op)} ${type}`);
        }
      }
      expect(refused).toEqual([]);
    });

    it('gives each documented client error as documented', async () => {
      const failures: string[] = [];
      let checked = 0;
      const needState: string[] = [];
      const refusedInJourney = journey?.matchedRefusals(service) ?? [];
      for (const op of operationsOf(documents[service])) {
        for (const status of clientErrors(op)) {
          // Produced in the success journey, from a state it built, and checked there as below.
          if (refusedInJourney.includes(`${name(op)} ${status}`)) {
            checked += 1;
            continue;
          }
          // A conflict or an unreadable upload traced to the code needs a state no generic probe builds.
          const stateDependent =
            STATE_DEPENDENT.includes(status as never) &&
            (TRACED_ERRORS[service]![name(op)] ?? []).includes(status as never);
          const probes = probesFor(op, status);
          if (probes.length === 0) {
            if (stateDependent) needState.push(`${name(op)} ${status}`);
            else failures.push(`${name(op)} ${status}: no request in this spec produces it`);
            continue;
          }
          const answers: number[] = [];
          let matched = false;
          let seen = '';
          for (const probe of probes) {
            const url =
              probe.instance === 'limited'
                ? limitedCredentials.url
                : probe.instance === 'strictReading'
                  ? strictReadingCredentials.url
                  : running[service].url;
            const answer = await call(url, op.method.toUpperCase(), probe.path, {
              headers: probe.headers ?? {},
              ...(probe.raw !== undefined ? { raw: probe.raw } : {}),
              ...(probe.raw === undefined && probe.body !== undefined ? { body: probe.body } : {}),
            });
            answers.push(answer.status);
            if (answer.status !== status) {
              if (answers.length === 1 || answer.status === 400)
                seen = JSON.stringify(answer.body).slice(0, 300);
              continue;
            }
            matched = true;
            const problem = errorAnswerProblem(documents[service], op.operation, status, answer.body);
            if (problem) failures.push(`${name(op)} ${status}: ${problem}`);
            break;
          }
          if (matched) checked += 1;
          else if (stateDependent) needState.push(`${name(op)} ${status}`);
          else failures.push(`${name(op)} ${status}: got ${[...new Set(answers)].join(', ')}, e.g. ${seen}`);
        }
      }
      expect(failures).toEqual([]);
      // Every documented error is produced, here or in the journey: one that neither builds is a gap to close.
      expect(needState).toEqual([]);
      console.log(`${service}: ${checked} documented client errors produced and matched`);
    });
  });

  it("the gateway's own document is valid, and documents its success answers as it gives them", async () => {
    expect(await openApiProblems(gatewayDocument)).toBe('');
    expect(successGaps(gatewayDocument)).toEqual([]);
    const answers = new SuccessAnswers({ gateway: { url: gateway.url, document: gatewayDocument } });
    for (const path of ['/health', '/ready']) await answers.ok('gateway', 'GET', path);
    expect(answers.failures).toEqual([]);
    expect(answers.matchedOperations('gateway')).toEqual(operationsOf(gatewayDocument).map(name).sort());
  });
});

/** A batch body within every limit (8 MB, 200,000 values) whose reading takes tens of milliseconds. */
const SLOW_BATCH = `{"credentials":["${'\\u0041'.repeat(1_390_000)}"]}`;

const name = (op: DocumentedOperation) => `${op.method.toUpperCase()} ${op.path}`;

function clientErrors(op: DocumentedOperation): number[] {
  return Object.keys(op.operation.responses)
    .map(Number)
    .filter((status) => status >= 400 && status < 500);
}

/** Tokens of every role, for an organisation and a learner nobody knows. */
function everyRole(): Record<string, string>[] {
  return ROLES.map((role) => bearer(role, { org: randomUUID(), sub: randomUUID() }));
}

/** Path parameters come in a few kinds (uuids, credential ids, versions, tokens, key, list and module ids). */
const ID_KINDS: (() => string)[] = [
  () => randomUUID(),
  () => `urn:uuid:${randomUUID()}`,
  () => '1',
  () => randomUUID().replaceAll('-', ''),
  () => `${randomUUID().replaceAll('-', '')}${'k'.repeat(11)}`,
  () => `${randomUUID()}-revocation-1`,
  () => 'MOD-1',
];

/** The path with every combination of parameter kinds (one for a path without parameters). */
function pathsWithUnknownIds(op: DocumentedOperation): string[] {
  const names = [...op.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
  let combinations: Record<string, string>[] = [{}];
  for (const param of names)
    combinations = combinations.flatMap((chosen) => ID_KINDS.map((kind) => ({ ...chosen, [param]: kind() })));
  return combinations.map((chosen) => pathWith(op, (param) => chosen[param]!));
}

function pathWith(op: DocumentedOperation, value: (name: string) => string): string {
  return op.path.replace(/\{(\w+)\}/g, (_, param: string) => encodeURIComponent(value(param)));
}

/** The content type a probe sends: JSON when the operation takes it, else its upload type. */
function contentTypeOf(op: DocumentedOperation): string | undefined {
  const content = op.operation.requestBody?.content;
  if (!content) return undefined;
  return content['application/json'] ? 'application/json' : Object.keys(content)[0];
}

/** Bodies whose rules across fields the schema's example does not meet, naming nothing known (for 404s). */
const CROSS_FIELD_BODIES: Record<string, () => unknown> = {
  'POST /api/enrolment/offerings': () => ({
    courseId: randomUUID(),
    deliveringOrganisationId: randomUUID(),
    startDate: '2026-12-01',
    endDate: '2026-12-31',
    mode: 'online',
    capacity: 1,
    enrolmentOpensAt: '2026-11-01T00:00:00.000Z',
    enrolmentClosesAt: '2026-11-30T00:00:00.000Z',
  }),
  'POST /api/assessment/schemes': () => ({
    courseId: randomUUID(),
    components: [{ name: 'Project', weight: 100, passMark: 40 }],
    overallPassMark: 40,
    maxAttempts: 1,
  }),
};

/** Bodies that pass validation, so the request reaches the lookup that answers 404. */
function validBodies(op: DocumentedOperation): Pick<Probe, 'body' | 'raw' | 'headers'>[] {
  const type = contentTypeOf(op);
  if (!type) return [{}];
  const crossField = CROSS_FIELD_BODIES[name(op)];
  if (crossField) return [{ body: crossField() }];
  if (type === 'application/json')
    return [{ body: exampleOf(op.operation.requestBody.content[type].schema) }];
  return [
    'someone@example.org,Ann,Lee\n',
    `${randomUUID()},attended\n`,
    `learnerId,Project\n${randomUUID()},50\n`,
  ].map((raw) => ({ raw, headers: { 'content-type': type } }));
}

/** Requests that should each give `status`; the first that does is checked against the document. */
function probesFor(op: DocumentedOperation, status: number): Probe[] {
  const type = contentTypeOf(op);
  const validPath = pathWith(op, () => randomUUID());
  const [firstBody] = validBodies(op);
  const withRoles = (probes: Probe[]) =>
    everyRole().flatMap((token) =>
      probes.map((probe) => ({ ...probe, headers: { ...probe.headers, ...token } })),
    );
  switch (status) {
    case 401:
      return [{ path: validPath, ...firstBody }];
    case 403:
      return withRoles([{ path: validPath, ...firstBody }]);
    case 400:
      return withRoles([
        ...(op.path.includes('{') ? [{ path: pathWith(op, () => 'not an id'), ...firstBody }] : []),
        ...(type === 'application/json' ? [{ path: validPath, body: { unknownField: 1 } }] : []),
        ...(type && type !== 'application/json'
          ? [{ path: validPath, raw: 'not,a\nvalid,upload,,,\n', headers: { 'content-type': type } }]
          : []),
        ...queryProbes(op).map((path) => ({ path, ...firstBody })),
      ]);
    case 404:
      return withRoles(
        [...pathsWithUnknownIds(op), ...unknownIdQueries(op), ...exampleQueries(op)].flatMap((path) =>
          validBodies(op).map((body) => ({ path, ...body })),
        ),
      );
    case 429:
      // The second of two requests in a minute, if the first was not already refused.
      return [1, 2].map(() => ({ instance: 'limited' as const, path: validPath, ...firstBody }));
    case 413: {
      const limit: number = op.operation.requestBody.content[type!]['x-body-limit-bytes'];
      return type === 'application/json'
        ? [{ path: validPath, body: { padding: 'x'.repeat(limit) } }]
        : [{ path: validPath, raw: 'x'.repeat(limit + 1), headers: { 'content-type': type! } }];
    }
    case 415:
      return withRoles([{ path: validPath, raw: '<a/>', headers: { 'content-type': 'application/xml' } }]);
    case 422:
      // A "PDF" that is none: refused by the structural check (the verification endpoints); a batch read past its
      // time limit (an 8 MB body of escapes takes 50-70 ms to read, far over the 10 ms of that service).
      return withRoles([
        { path: validPath, raw: 'not a PDF', headers: { 'content-type': 'application/pdf' } },
        ...(op.path.endsWith('/verify/batch')
          ? [
              {
                instance: 'strictReading' as const,
                path: validPath,
                raw: SLOW_BATCH,
                headers: { 'content-type': 'application/json' },
              },
            ]
          : []),
      ]);
    default:
      return [];
  }
}

/** The path with each documented uuid query parameter naming nothing. */
function unknownIdQueries(op: DocumentedOperation): string[] {
  return (op.operation.parameters ?? [])
    .filter((parameter: any) => parameter.in === 'query' && parameter.schema?.format === 'uuid')
    .map((parameter: any) => `${pathWith(op, () => randomUUID())}?${parameter.name}=${randomUUID()}`);
}

/** With required query parameters, the path with every query parameter given an example (naming nothing known). */
function exampleQueries(op: DocumentedOperation): string[] {
  const query = (op.operation.parameters ?? []).filter((parameter: any) => parameter.in === 'query');
  if (!query.some((parameter: any) => parameter.required)) return [];
  const values = query.map(
    (parameter: any) => `${parameter.name}=${encodeURIComponent(String(exampleOf(parameter.schema)))}`,
  );
  return [`${pathWith(op, () => randomUUID())}?${values.join('&')}`];
}

/** The path with each documented query parameter given a value of the wrong kind. */
function queryProbes(op: DocumentedOperation): string[] {
  return (op.operation.parameters ?? [])
    .filter((parameter: any) => parameter.in === 'query')
    .map((parameter: any) => `${pathWith(op, () => randomUUID())}?${parameter.name}=%00not-valid%00`);
}
