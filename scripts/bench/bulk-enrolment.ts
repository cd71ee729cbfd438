/**
 * Times a 5,000-row CSV enrolment against a running stack (`make up`), end to end through the gateway:
 *   npm run -s bench:bulk-enrolment [-- --rows 5000 --url http://localhost:3000]
 * It registers its own awarding body, course and offering, so it can run on any stack that trusts the
 * development identity provider. It prints wall-clock times; it asserts nothing.
 */
import { randomUUID } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DevIdentityProvider } from '@lib/auth';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '5000' },
    url: { type: 'string', default: 'http://localhost:3000' },
  },
});
const rows = Number(values.rows);
const base = values.url;
const idp = new DevIdentityProvider(resolve(process.env.DEV_IDP_DIR ?? '.run/dev-idp'));

/** The fields of the answers this script reads. */
interface Answer {
  id: string;
  enrolled: number;
  waitlisted: number;
  duplicate: number;
  invalid: number;
}

async function post(
  path: string,
  token: string,
  body: unknown,
  contentType = 'application/json',
): Promise<Answer> {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const answer = (await response.json()) as Answer;
  if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(answer)}`);
  return answer;
}

async function main(): Promise<void> {
  const tag = randomUUID().slice(0, 8);
  const admin = idp.mint({ roles: ['admin'] });
  const university = await post('/api/enrolment/organisations', admin, {
    kind: 'awarding-body',
    name: `Bench University ${tag}`,
  });
  const registrar = idp.mint({ roles: ['registrar'], org: university.id });
  const course = await post('/api/enrolment/courses', registrar, {
    code: `BENCH-${tag.toUpperCase()}`,
    title: 'Data in a day',
    description: 'Benchmark course',
    learningOutcomes: ['Analyse a clinical data set'],
    format: 'workshop',
    notionalHours: 50,
    credits: 5,
    level: { framework: 'FHEQ', level: 7, eqfLevel: 7 },
  });
  const offering = await post('/api/enrolment/offerings', registrar, {
    courseId: course.id,
    deliveringOrganisationId: university.id,
    startDate: '2027-01-15',
    endDate: '2027-01-15',
    mode: 'online',
    capacity: Math.ceil(rows * 0.8),
    enrolmentOpensAt: new Date(Date.now() - 60000).toISOString(),
    enrolmentClosesAt: new Date(Date.now() + 86400000).toISOString(),
  });
  await post(`/api/enrolment/offerings/${offering.id}/publish`, registrar, {});
  const csv = [
    'email,given name,family name',
    ...Array.from({ length: rows }, (_, n) => `bench-${n}-${tag}@nhs.example,Given${n},Family${n}`),
  ].join('\n');

  let started = Date.now();
  const first = await post(
    `/api/enrolment/offerings/${offering.id}/enrolments/bulk`,
    registrar,
    csv,
    'text/csv',
  );
  const firstMs = Date.now() - started;
  started = Date.now();
  const again = await post(
    `/api/enrolment/offerings/${offering.id}/enrolments/bulk`,
    registrar,
    csv,
    'text/csv',
  );
  const againMs = Date.now() - started;

  console.log(
    `machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  );
  console.log(
    `first upload of ${rows} rows: ${firstMs} ms (enrolled ${first.enrolled}, waitlisted ${first.waitlisted}, invalid ${first.invalid})`,
  );
  console.log(
    `same file again: ${againMs} ms (duplicate ${again.duplicate}, enrolled ${again.enrolled}, waitlisted ${again.waitlisted})`,
  );
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
