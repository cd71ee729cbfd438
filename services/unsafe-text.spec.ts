import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { amendBody } from './assessment/src/results/result.dto';
import { createSchemeBody } from './assessment/src/schemes/scheme.dto';
import { createAchievementBody, editAchievementBody } from './credentials/src/achievements/achievement.dto';
import { optionalReasonBody, reasonBody } from './credentials/src/status-lists/credential-status.dto';
import { addTrustedIssuerBody } from './credentials/src/verification/trust-list.dto';
import { withdrawAuthorisationBody } from './enrolment/src/authorisations/authorisation.dto';
import { publishCourseBody } from './enrolment/src/courses/course.dto';
import { withdrawBody } from './enrolment/src/enrolments/enrolment.dto';
import { learnerDetails } from './enrolment/src/learners/learner.dto';
import { createOfferingBody } from './enrolment/src/offerings/offering.dto';
import { registerOrganisationBody } from './enrolment/src/organisations/organisation.dto';
import { decisionBody } from './recognition/src/claims/claim.dto';
import { moduleBody, programmeBody } from './recognition/src/programmes/programme.dto';
import { simpleScheme } from './spec-support/assessment';
import { courseBody, offeringBody } from './spec-support/university';

type Kind = 'line' | 'text';

const level = { framework: 'FHEQ', level: 7, eqfLevel: 7 };
const healthData = {
  code: 'HI-701',
  title: 'Health data',
  credits: 15,
  level,
  learningOutcomes: ['Link datasets'],
  rule: {
    combination: 'any',
    criteria: [{ kind: 'properties', fieldOfStudy: 'Informatics', outcomes: ['SQL'] }],
  },
};

/** Every name and free-text field of an HTTP body: the schema, a valid body, the field's path, and its kind. */
const FIELDS: [string, z.ZodType, () => Record<string, unknown>, Record<string, Kind>][] = [
  [
    'organisation',
    registerOrganisationBody,
    () => ({ kind: 'partner', name: 'Code4Health' }),
    { name: 'line' },
  ],
  [
    'learner',
    learnerDetails,
    () => ({
      email: 'ada@nhs.example',
      givenName: 'Ada',
      familyName: 'Lovelace',
      externalIds: [{ scheme: 'nhs-staff-number', value: '123456' }],
    }),
    { givenName: 'line', familyName: 'line', 'externalIds.0.scheme': 'line', 'externalIds.0.value': 'line' },
  ],
  [
    'course',
    publishCourseBody,
    courseBody,
    { title: 'line', description: 'text', 'learningOutcomes.0': 'line', 'learningOutcomes.1': 'line' },
  ],
  ['offering', createOfferingBody, () => offeringBody(randomUUID(), randomUUID()), { location: 'line' }],
  [
    'authorisation withdrawal',
    withdrawAuthorisationBody,
    () => ({ reason: 'Contract ended' }),
    { reason: 'text' },
  ],
  ['enrolment withdrawal', withdrawBody, () => ({ reason: 'Moved away' }), { reason: 'text' }],
  [
    'assessment scheme',
    createSchemeBody,
    () => ({ ...simpleScheme(randomUUID()), gradeBands: [{ grade: 'Merit', minMark: 60 }] }),
    { 'components.0.name': 'line', 'gradeBands.0.grade': 'line' },
  ],
  ['amendment', amendBody, () => ({ marks: { Project: 60 }, reason: 'Remarked' }), { reason: 'text' }],
  [
    'achievement',
    createAchievementBody,
    () => ({
      courseId: randomUUID(),
      criteria: 'Attend and pass.',
      name: 'App building',
      description: 'Build an app.',
      fieldOfStudy: 'Health informatics',
      learningOutcomes: ['Design an app'],
    }),
    {
      name: 'line',
      description: 'text',
      criteria: 'text',
      fieldOfStudy: 'line',
      'learningOutcomes.0': 'line',
    },
  ],
  [
    'achievement edit',
    editAchievementBody,
    () => ({
      name: 'App building',
      description: 'Build an app.',
      criteria: 'Pass.',
      learningOutcomes: ['Design'],
    }),
    { name: 'line', description: 'text', criteria: 'text', 'learningOutcomes.0': 'line' },
  ],
  ['revocation', reasonBody, () => ({ reason: 'Issued in error' }), { reason: 'text' }],
  ['reinstatement', optionalReasonBody, () => ({ reason: 'Appeal upheld' }), { reason: 'text' }],
  [
    'trusted issuer',
    addTrustedIssuerBody,
    () => ({
      issuerId: 'https://badges.example.ac.uk/issuer',
      name: 'Example University',
      jwksUrl: 'https://badges.example.ac.uk/jwks.json',
    }),
    { name: 'line' },
  ],
  [
    'programme',
    programmeBody,
    () => ({ code: 'MSC-HI', title: 'MSc Health Informatics', credits: 180, level, modules: [healthData] }),
    {
      title: 'line',
      'modules.0.title': 'line',
      'modules.0.learningOutcomes.0': 'line',
      'modules.0.rule.criteria.0.fieldOfStudy': 'line',
      'modules.0.rule.criteria.0.outcomes.0': 'line',
    },
  ],
  ['module', moduleBody, () => ({ ...healthData }), { title: 'line', 'learningOutcomes.0': 'line' }],
  [
    'credit decision',
    decisionBody,
    () => ({ moduleCode: 'HI-701', decision: 'approve', reason: 'Meets the outcomes' }),
    { reason: 'text' },
  ],
];

/** The body with `insert` put into the middle of the string at `path`. */
function withInserted(body: Record<string, unknown>, path: string, insert: string): Record<string, unknown> {
  const copy = structuredClone(body);
  const keys = path.split('.');
  let parent = copy;
  for (const key of keys.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
  const last = keys.at(-1)!;
  const value = parent[last] as string;
  parent[last] = `${value.slice(0, 1)}${insert}${value.slice(1)}`;
  return copy;
}

const cases = FIELDS.flatMap(([body, schema, valid, fields]) =>
  Object.entries(fields).map(([path, kind]) => [`${body} ${path}`, schema, valid, path, kind] as const),
);

/** The shared rule reaches every name and free-text field of every service's HTTP bodies. */
describe('names and free text in HTTP bodies', () => {
  it.each(FIELDS.map(([body, schema, valid]) => [body, schema, valid] as const))(
    'accepts a valid %s body',
    (_, schema, valid) => {
      expect(schema.safeParse(valid()).error?.issues).toBeUndefined();
    },
  );

  it.each(cases)('refuses a right-to-left override and a C1 control in the %s', (_, schema, valid, path) => {
    for (const [insert, code] of [
      ['\u202E', 'U+202E'],
      ['\u0085', 'U+0085'],
    ]) {
      const issues = schema.safeParse(withInserted(valid(), path, insert!)).error?.issues ?? [];
      expect(
        issues.map((issue) => [issue.path.join('.'), issue.message.endsWith(`(found ${code})`)]),
      ).toEqual([[path, true]]);
    }
  });

  it.each(cases)(
    'allows a line break in the %s only when it is free text',
    (_, schema, valid, path, kind) => {
      const parsed = schema.safeParse(withInserted(valid(), path, '\n'));
      expect(parsed.success).toBe(kind === 'text');
    },
  );
});
