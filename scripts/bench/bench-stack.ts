import { randomUUID } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { DevIdentityProvider } from '@lib/auth';

/** The development identity provider `make up` trusts. */
export const devIdentityProvider = (): DevIdentityProvider =>
  new DevIdentityProvider(resolve(process.env.DEV_IDP_DIR ?? '.run/dev-idp'));

/** The fields of the answers the benchmark scripts read. */
export interface Answer {
  id: string;
  enrolled: number;
  waitlisted: number;
  duplicate: number;
  invalid: number;
}

export async function post(
  base: string,
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

/** A fresh awarding body with one course and one open offering it delivers itself. */
export async function benchOffering(base: string, capacity: number) {
  const idp = devIdentityProvider();
  const tag = randomUUID().slice(0, 8);
  const university = await post(base, '/api/enrolment/organisations', idp.mint({ roles: ['admin'] }), {
    kind: 'awarding-body',
    name: `Bench University ${tag}`,
  });
  const registrar = idp.mint({ roles: ['registrar'], org: university.id });
  const course = await post(base, '/api/enrolment/courses', registrar, {
    code: `BENCH-${tag.toUpperCase()}`,
    title: 'Data in a day',
    description: 'Benchmark course',
    learningOutcomes: ['Analyse a clinical data set'],
    format: 'workshop',
    notionalHours: 50,
    credits: 5,
    level: { framework: 'FHEQ', level: 7, eqfLevel: 7 },
  });
  const offering = await post(base, '/api/enrolment/offerings', registrar, {
    courseId: course.id,
    deliveringOrganisationId: university.id,
    startDate: '2027-01-15',
    endDate: '2027-01-15',
    mode: 'online',
    capacity,
    enrolmentOpensAt: new Date(Date.now() - 60000).toISOString(),
    enrolmentClosesAt: new Date(Date.now() + 86400000).toISOString(),
  });
  await post(base, `/api/enrolment/offerings/${offering.id}/publish`, registrar, {});
  return { tag, registrar, universityId: university.id, courseId: course.id, offeringId: offering.id };
}

export function machine(): string {
  return `machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}
