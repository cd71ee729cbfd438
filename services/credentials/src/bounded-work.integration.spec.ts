import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  bearer,
  call,
  type ServiceProcess,
  spawnedServiceEnv,
  spawnService,
  testTopicPrefix,
} from '@lib/testing';
import { earnCredential } from '../../spec-support/credentials';
import { setUpUniversity } from '../../spec-support/university';
import { pdfBomb, slowPdf, randomPdf } from './testing/hostile-pdfs';

const ORDINARY_CALLS = 50;
/** Employers verifying at the same time, each making their calls one after another. */
const CLIENTS = 5;

interface Upload {
  path: string;
  contentType: string;
  body: Uint8Array;
}

type Timed<T> = T & { ms: number };

async function timed<T>(send: () => Promise<T>): Promise<Timed<T>> {
  const started = performance.now();
  const answer = await send();
  return { ...answer, ms: performance.now() - started };
}

/** The nearest-rank percentile: with 50 calls, p99 is the slowest. */
function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * Issue 13, finding 1: one anonymous upload used to hold the credentials service for 13-18 s. The service runs from
 * dist/ (its upload workers as built); each hostile upload is sent while 50 ordinary verifications of a real
 * credential are made at the same moment, and neither may wait for the other.
 */
describe('bounded work per request', () => {
  const prefix = testTopicPrefix();
  /** Every service runs built, in a process of its own: this process is only the clients, timing their calls. */
  const start = (service: string, extra: Record<string, string> = {}) => {
    const run = `${service}-${randomUUID().slice(0, 8)}`;
    return spawnService(service, spawnedServiceEnv(run, prefix, extra), {
      logFile: join(tmpdir(), `bounded-work-${run}.log`),
    });
  };
  let enrolment: ServiceProcess;
  let assessment: ServiceProcess;
  let credentials: ServiceProcess;
  let jwt: string;
  let certificate: Uint8Array;
  /** The learner's own certificate download, drawn anew on every call. */
  let certificateDownload: () => Promise<Response>;
  /** Built before anything is measured, so that making them never counts against the service. */
  const hostile: Record<'bomb' | 'slow' | 'objects' | 'blankLines', Uint8Array> = {} as any;
  const measured: string[] = [];
  /** The ordinary calls' p99 with nothing else to do, measured on this machine as it is during the run. */
  let baselineP99 = 0;
  /**
   * Beside an upload, the ordinary calls may be at most four times as slow as alone, and never need be faster than
   * 200 ms: an upload handled on the event loop holds them for its whole run (a batch of 1,000 for over 600 ms),
   * while a machine busy with other work slows both measurements alike.
   */
  const allowedP99 = () => Math.max(200, 4 * baselineP99);

  const upload = (url: string, { path, contentType, body }: Upload) =>
    timed(async () => {
      const response = await fetch(`${url}${path}`, {
        method: 'POST',
        headers: { 'content-type': contentType },
        body,
      });
      return {
        status: response.status,
        body: (await response.json()) as any,
        retryAfter: response.headers.get('retry-after'),
      };
    });

  /** 50 ordinary verifications of a real credential by 5 clients at once: how long each took. */
  async function ordinaryCalls(): Promise<number[]> {
    const client = async () => {
      const calls = [];
      for (let i = 0; i < ORDINARY_CALLS / CLIENTS; i += 1)
        calls.push(
          await timed(() =>
            call(credentials.url, 'POST', '/api/credentials/verify', { body: { credential: jwt } }),
          ),
        );
      return calls;
    };
    const calls = (await Promise.all(Array.from({ length: CLIENTS }, client))).flat();
    expect(calls.map((call) => [call.status, call.body.status])).toEqual(
      Array.from({ length: ORDINARY_CALLS }, () => [200, 'valid']),
    );
    return calls.map((call) => call.ms);
  }

  /** The upload, sent while the 50 ordinary verifications are made; their p99 is recorded and checked. */
  const beside = (name: string, sent: Upload) => besideWork(name, () => upload(credentials.url, sent));

  /** Any costly request, made while the 50 ordinary verifications are made; their p99 is recorded and checked. */
  async function besideWork<T extends { status: number }>(
    name: string,
    work: () => Promise<Timed<T>>,
  ): Promise<Timed<T>> {
    const [answer, latencies] = await Promise.all([work(), ordinaryCalls()]);
    const p99 = percentile(latencies, 99);
    measured.push(
      `${name}: answered ${answer.status} in ${answer.ms.toFixed(0)} ms, p99 ${p99.toFixed(0)} ms`,
    );
    expect(p99).toBeLessThan(allowedP99());
    return answer;
  }

  beforeAll(async () => {
    [enrolment, assessment, credentials] = await Promise.all([
      start('enrolment'),
      start('assessment'),
      start('credentials'),
    ]);
    const uni = await setUpUniversity(enrolment.url, 5);
    const earned = await earnCredential(
      { enrolment: enrolment.url, assessment: assessment.url, credentials: credentials.url },
      uni,
      70,
    );
    jwt = earned.credential.jwt;
    certificateDownload = () =>
      fetch(
        `${credentials.url}/api/credentials/learners/me/credentials/${earned.credential.credentialId}/download?format=pdf`,
        { headers: bearer('learner', { sub: earned.learnerId }) },
      );
    certificate = new Uint8Array(await (await certificateDownload()).arrayBuffer());
    // Warm, as a service is by the time strangers find it: the verification path and the upload workers.
    expect((await upload(credentials.url, pdfOf(certificate))).body.status).toBe('valid');
    hostile.bomb = await pdfBomb();
    hostile.slow = slowPdf();
    hostile.objects = Buffer.from(`{"credentials":[${'{},'.repeat(2_700_000)}{}]}`);
    hostile.blankLines = Buffer.from('\n'.repeat(8_000_000));
    baselineP99 = percentile(await ordinaryCalls(), 99);
    measured.push(`with no upload: p99 ${baselineP99.toFixed(0)} ms`);
  }, 180_000);

  afterAll(async () => {
    console.log(
      `bounded work, ${ORDINARY_CALLS} verifications by ${CLIENTS} clients beside each upload: ${measured.join('; ')}`,
    );
    await credentials?.stop();
    await assessment?.stop();
    await enrolment?.stop();
  });

  const pdfOf = (body: Uint8Array): Upload => ({
    path: '/api/credentials/verify',
    contentType: 'application/pdf',
    body,
  });

  it('refuses a 5 MB random "PDF" within 1 s while 50 ordinary verifications complete', async () => {
    const answer = await beside('5 MB random PDF', pdfOf(randomPdf(5 * 1024 * 1024)));
    expect(answer.status).toBe(413);
    expect(answer.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
    expect(answer.body.message).toMatch(/1024 kB/);
    expect(answer.ms).toBeLessThan(1000);
  });

  it('refuses a PDF bomb (deep nesting, huge declared streams, an inflating attachment) the same way', async () => {
    const answer = await beside('PDF bomb', pdfOf(hostile.bomb));
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ statusCode: 422, errors: [{ field: 'pdf' }] });
    expect(answer.ms).toBeLessThan(1000);
  });

  it('ends the reading of a PDF past its time limit and answers 422 naming the limit', async () => {
    const answer = await beside('a PDF that parses for seconds', pdfOf(hostile.slow));
    expect(answer.status).toBe(422);
    expect(answer.body.errors).toEqual([{ field: 'pdf', message: 'took longer than 500 ms to read' }]);
    expect(answer.ms).toBeLessThan(1000);
  });

  it('refuses junk with the problem named, at once, without reading it', async () => {
    const answer = await beside('100 kB random PDF', pdfOf(randomPdf(100_000)));
    expect(answer.status).toBe(422);
    expect(answer.body.errors).toEqual([
      { field: 'pdf', message: 'has no %PDF- header in its first 1,024 bytes' },
    ]);
  });

  it('reads batch bodies and files off the event loop, whatever they hold', async () => {
    const batch = (contentType: string, body: Uint8Array): Upload => ({
      path: '/api/credentials/verify/batch',
      contentType,
      body,
    });
    const million = await beside(
      'batch of 2.7 million JSON objects',
      batch('application/json', hostile.objects),
    );
    expect(million.status).toBe(400);
    expect(million.body.errors).toEqual([
      { field: '(body)', message: 'holds more than 200,000 objects, arrays, keys and items' },
    ]);
    const blank = await beside('batch file of 8 million blank lines', batch('text/csv', hostile.blankLines));
    expect(blank.status).toBe(400);
    expect(blank.body.errors).toEqual([{ field: 'file', message: 'holds no credentials' }]);
  });

  it('verifies a batch of 1,000 credentials without holding anyone else', async () => {
    const thousand = await besideWork('a batch of 1,000 credentials', () =>
      upload(credentials.url, {
        path: '/api/credentials/verify/batch',
        contentType: 'text/csv',
        body: Buffer.from(`jwt\n${`${jwt}\n`.repeat(1000)}`),
      }),
    );
    expect(thousand.status).toBe(200);
    expect(thousand.body.counts).toEqual({ valid: 1000 });
  });

  it('draws learners’ certificates off the event loop: five at once hold no one else', async () => {
    const five = await besideWork('five certificate downloads at once', () =>
      timed(async () => {
        const answers = await Promise.all(Array.from({ length: 5 }, certificateDownload));
        const files = await Promise.all(
          answers.map(async (answer) => Buffer.from(await answer.arrayBuffer())),
        );
        return { status: Math.max(...answers.map((answer) => answer.status)), files };
      }),
    );
    expect(five.status).toBe(200);
    for (const file of five.files) expect(file.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('still verifies certificates and batches afterwards: the workers it ended were replaced', async () => {
    const answers = await Promise.all([
      upload(credentials.url, pdfOf(certificate)),
      upload(credentials.url, pdfOf(certificate)),
      call(credentials.url, 'POST', '/api/credentials/verify/batch', { csv: `jwt\n${jwt}\n${jwt}\n` }),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(answers[0].body.status).toBe('valid');
    expect(answers[2].body.counts).toEqual({ valid: 2 });
  });

  it('answers 503 with Retry-After when every upload worker is busy and the queue is full', async () => {
    const narrow = await start('credentials', {
      UPLOAD_WORKERS: '1',
      UPLOAD_QUEUE_LIMIT: '0',
      VERIFY_PDF_TIME_LIMIT_MS: '3000',
    });
    try {
      const slow = pdfOf(hostile.slow);
      const answers = await Promise.all([upload(narrow.url, slow), upload(narrow.url, slow)]);
      const busy = answers.find((answer) => answer.status === 503);
      expect(answers.map((answer) => answer.status).sort()).toEqual([422, 503]);
      expect(busy!.body).toMatchObject({
        statusCode: 503,
        error: 'Service Unavailable',
        retryAfterSeconds: 5,
      });
      expect(busy!.retryAfter).toBe('5');
    } finally {
      await narrow.stop();
    }
  });
});
