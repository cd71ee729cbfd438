import { generateKeyPairSync } from 'node:crypto';
import { runForEvent, runWithCorrelationId } from '@lib/messaging';
import { createStructuredLogger } from './structured-logger';
import { StructuredNestLogger } from './nest-logger';

/** The logger's real output stream, captured: what a log collector would receive. */
function capturedLogger() {
  const lines: string[] = [];
  const logger = createStructuredLogger(
    'assessment',
    { level: 'info', format: 'json' },
    {
      write: (line: string) => void lines.push(line),
    },
  );
  return { logger, nest: new StructuredNestLogger(logger), lines, output: () => lines.join('') };
}

const token =
  'eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJsZWFybmVyLTEiLCJyb2xlcyI6WyJsZWFybmVyIl19.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg';
const email = 'ada.lovelace@example.ac.uk';
const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
const jwk = privateKey.export({ format: 'jwk' });

describe('structured logs', () => {
  it('never write a token, a private key or an email, wherever they appear', () => {
    const { logger, nest, output } = capturedLogger();
    logger.info({ req: { headers: { authorization: `Bearer ${token}` } } }, 'request');
    logger.info({ body: { deep: { nested: { accessToken: token } } } }, `issued ${token}`);
    logger.warn({ signingKey: { privateJwk: jwk } }, 'key rotated');
    logger.warn({ issuer: { keys: [{ kid: 'k1', jwk }] } }, 'keys');
    logger.error({ err: new Error(`could not import ${pem}`) }, 'import failed');
    nest.error(`enrolment of ${email} failed`, new Error(`duplicate ${email}`).stack, 'Enrolments');
    nest.log({ learner: { email, name: 'Ada' } }, 'Learners');
    logger.info(`started with CREDENTIALS_KEK=${Buffer.alloc(32, 7).toString('base64')}`);
    logger.info(`rotating: CREDENTIALS_KEK_PREVIOUS=${Buffer.alloc(32, 8).toString('base64')}`);
    logger.info({ env: { CREDENTIALS_KEK_PREVIOUS: Buffer.alloc(32, 9).toString('base64') } }, 'settings');

    const written = output();
    expect(written).not.toContain(token);
    expect(written).not.toContain(token.split('.')[2]);
    expect(written).not.toContain('PRIVATE KEY');
    expect(written).not.toContain(pem.split('\n')[1]);
    expect(written).not.toContain(jwk.d);
    expect(written).not.toContain(email);
    expect(written).not.toContain('example.ac.uk');
    expect(written).not.toContain(Buffer.alloc(32, 7).toString('base64'));
    expect(written).not.toContain(Buffer.alloc(32, 8).toString('base64'));
    expect(written).not.toContain(Buffer.alloc(32, 9).toString('base64'));
    // What is not secret still reads: the public parts of the key, the learner's name, the contexts.
    expect(written).toContain(jwk.x);
    expect(written).toContain('"name":"Ada"');
    expect(written).toContain('"context":"Enrolments"');
  });

  it('writes one JSON object a line with service, level, time, correlation id, event id and topic', () => {
    const { logger, lines } = capturedLogger();
    runWithCorrelationId('req-42', () => logger.info('from a request'));
    runForEvent({ correlationId: 'req-42', id: 'event-7', type: 'assessment.result.ratified.v1' }, () =>
      logger.warn('from an event'),
    );
    const [request, event] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(request).toMatchObject({
      service: 'assessment',
      level: 'info',
      correlationId: 'req-42',
      msg: 'from a request',
    });
    expect(new Date(request!.time as string).toISOString()).toBe(request!.time);
    expect(request).not.toHaveProperty('eventId');
    expect(event).toMatchObject({
      level: 'warn',
      correlationId: 'req-42',
      eventId: 'event-7',
      topic: 'assessment.result.ratified.v1',
    });
    expect(lines.every((line) => line.endsWith('\n') && !line.slice(0, -1).includes('\n'))).toBe(true);
  });

  it('leaves out lines below the configured level', () => {
    const lines: string[] = [];
    const logger = createStructuredLogger(
      'credentials',
      { level: 'warn', format: 'json' },
      {
        write: (line: string) => void lines.push(line),
      },
    );
    logger.info('quiet');
    logger.warn('heard');
    expect(lines.map((line) => (JSON.parse(line) as { msg: string }).msg)).toEqual(['heard']);
  });
});
