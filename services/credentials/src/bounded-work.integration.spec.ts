import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/**
 * Issue 13, finding 1: one anonymous upload used to hold the credentials service for 13-18 s. The service runs from
 * dist/ (its upload workers as built). Each hostile upload is sent while 50 ordinary verifications of a real
 * credential are made at the same moment: all are answered, and rightly. That the ordinary calls are not held is shown
 * by order, not by a clock: while the only upload worker reads a PDF for seconds, verifications are answered and a
 * further upload is refused as busy before that PDF's answer comes. How long each call takes beside each upload is
 * measured by `npm run -s bench:bounded-work` (docs/benchmarks.md), not here.
 */
describe('bounded work per request', () => {
  const prefix = testTopicPrefix();
  /** Every service runs built, in a process of its own. */
  const start = (service: string, extra: Record<string, string> = {}) => {
    const run = `${service}-${randomUUID().slice(0, 8)}`;
    const env = spawnedServiceEnv(run, prefix, extra);
    return {
      env,
      started: spawnService(service, env, { logFile: join(tmpdir(), `bounded-work-${run}.log`) }),
    };
  };
  let enrolment: ServiceProcess;
  let assessment: ServiceProcess;
  let credentials: ServiceProcess;
  let credentialsDatabase: string;
  let jwt: string;
  let certificate: Uint8Array;
  /** The learner's own certificate download, drawn anew on every call. */
  let certificateDownload: () => Promise<Response>;
  /** Built before anything is sent, as an attacker's files would be. */
  const hostile: Record<'bomb' | 'slow' | 'objects' | 'blankLines', Uint8Array> = {} as any;

  const upload = async (url: string, { path, contentType, body }: Upload) => {
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
  };

  const verify = (url: string) => call(url, 'POST', '/api/credentials/verify', { body: { credential: jwt } });

  /** 50 ordinary verifications of a real credential by 5 clients at once, each client's calls one after another. */
  async function ordinaryCalls(): Promise<void> {
    const client = async () => {
      const answers = [];
      for (let i = 0; i < ORDINARY_CALLS / CLIENTS; i += 1) answers.push(await verify(credentials.url));
      return answers;
    };
    const answers = (await Promise.all(Array.from({ length: CLIENTS }, client))).flat();
    expect(answers.map((answer) => [answer.status, answer.body.status])).toEqual(
      Array.from({ length: ORDINARY_CALLS }, () => [200, 'valid']),
    );
  }

  /** The upload, sent while the 50 ordinary verifications are made, all of which must be answered as valid. */
  const beside = (sent: Upload) => besideWork(() => upload(credentials.url, sent));

  /** Any costly request, made while the 50 ordinary verifications are made. */
  async function besideWork<T>(work: () => Promise<T>): Promise<T> {
    const [answer] = await Promise.all([work(), ordinaryCalls()]);
    return answer;
  }

  beforeAll(async () => {
    const credentialsRun = start('credentials');
    credentialsDatabase = credentialsRun.env.MONGODB_DATABASE!;
    [enrolment, assessment, credentials] = await Promise.all([
      start('enrolment').started,
      start('assessment').started,
      credentialsRun.started,
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
  }, 180_000);

  afterAll(async () => {
    await credentials?.stop();
    await assessment?.stop();
    await enrolment?.stop();
  });

  const pdfOf = (body: Uint8Array): Upload => ({
    path: '/api/credentials/verify',
    contentType: 'application/pdf',
    body,
  });

  it('refuses a 5 MB random "PDF" while 50 ordinary verifications are answered', async () => {
    const answer = await beside(pdfOf(randomPdf(5 * 1024 * 1024)));
    expect(answer.status).toBe(413);
    expect(answer.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
    expect(answer.body.message).toMatch(/1024 kB/);
  });

  it('refuses a PDF bomb (deep nesting, huge declared streams, an inflating attachment) the same way', async () => {
    const answer = await beside(pdfOf(hostile.bomb));
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ statusCode: 422, errors: [{ field: 'pdf' }] });
  });

  it('ends the reading of a PDF past its time limit and answers 422 naming the limit', async () => {
    const answer = await beside(pdfOf(hostile.slow));
    expect(answer.status).toBe(422);
    expect(answer.body.errors).toEqual([{ field: 'pdf', message: 'took longer than 500 ms to read' }]);
  });

  it('refuses junk with the problem named, before reading it', async () => {
    const answer = await beside(pdfOf(randomPdf(100_000)));
    expect(answer.status).toBe(422);
    expect(answer.body.errors).toEqual([
      { field: 'pdf', message: 'has no %PDF- header in its first 1,024 bytes' },
    ]);
  });

  it('refuses hostile batch bodies and files with the problem named, while 50 ordinary verifications are answered', async () => {
    const batch = (contentType: string, body: Uint8Array): Upload => ({
      path: '/api/credentials/verify/batch',
      contentType,
      body,
    });
    const million = await beside(batch('application/json', hostile.objects));
    expect(million.status).toBe(400);
    expect(million.body.errors).toEqual([
      { field: '(body)', message: 'holds more than 200,000 objects, arrays, keys and items' },
    ]);
    const blank = await beside(batch('text/csv', hostile.blankLines));
    expect(blank.status).toBe(400);
    expect(blank.body.errors).toEqual([{ field: 'file', message: 'holds no credentials' }]);
  });

  it('verifies a batch of 1,000 credentials while 50 ordinary verifications are answered', async () => {
    const thousand = await besideWork(() =>
      upload(credentials.url, {
        path: '/api/credentials/verify/batch',
        contentType: 'text/csv',
        body: Buffer.from(`jwt\n${`${jwt}\n`.repeat(1000)}`),
      }),
    );
    expect(thousand.status).toBe(200);
    expect(thousand.body.counts).toEqual({ valid: 1000 });
  });

  it('draws five learners’ certificates at once while 50 ordinary verifications are answered', async () => {
    const five = await besideWork(async () => {
      const answers = await Promise.all(Array.from({ length: 5 }, certificateDownload));
      const files = await Promise.all(answers.map(async (answer) => Buffer.from(await answer.arrayBuffer())));
      return { status: Math.max(...answers.map((answer) => answer.status)), files };
    });
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

  it('keeps answering while its only upload worker reads a PDF for seconds, refusing further uploads with 503', async () => {
    // The same data as the credentials service (so our certificate verifies), on topics of its own (so it issues
    // nothing), with one worker and no queue.
    const narrow = await start('credentials', {
      MONGODB_DATABASE: credentialsDatabase,
      KAFKA_TOPIC_PREFIX: testTopicPrefix(),
      UPLOAD_WORKERS: '1',
      UPLOAD_QUEUE_LIMIT: '0',
      VERIFY_PDF_TIME_LIMIT_MS: '3000',
    }).started;
    try {
      expect((await upload(narrow.url, pdfOf(certificate))).status).toBe(200);
      const happened: string[] = [];
      const reading = upload(narrow.url, pdfOf(hostile.slow)).then((answer) => {
        happened.push('the slow PDF answered');
        return answer;
      });
      // Given a moment to reach the worker; then a certificate of ours (read in milliseconds by a free worker) is
      // sent until it is refused as busy, which shows the worker is reading the slow one.
      await new Promise((resolve) => setTimeout(resolve, 250));
      let busy: Awaited<ReturnType<typeof upload>> | undefined;
      while (!busy && happened.length === 0) {
        const probe = await upload(narrow.url, pdfOf(certificate));
        if (probe.status === 503) busy = probe;
      }
      if (busy) happened.push('a further upload refused as busy');
      for (let i = 0; i < 10; i += 1) {
        const answer = await verify(narrow.url);
        expect([answer.status, answer.body.status]).toEqual([200, 'valid']);
      }
      happened.push('10 verifications answered');
      const slow = await reading;

      // Had the PDF been read on the event loop, its answer would have come before any of the others.
      expect(happened).toEqual([
        'a further upload refused as busy',
        '10 verifications answered',
        'the slow PDF answered',
      ]);
      // Read to its end (it holds no credential) or ended at the limit, as fast as this machine is.
      expect(slow.status).toBe(422);
      expect(slow.body.errors).toEqual([{ field: 'pdf', message: expect.any(String) }]);
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
