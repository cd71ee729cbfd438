import { type Loaded, ownCourses } from '../../web/src/pages/learner-courses';

type Enrolment = Loaded['enrolments']['items'][number];
type Result = Loaded['results'][number];

// The web app's "Your courses" join (services/web/src/pages/learner-courses.ts): enrolments, ratified results and
// credentials, matched by offering.
describe('web app: a learner’s courses joined with results and credentials', () => {
  const enrolment = (offeringId: string, over: Partial<Enrolment> = {}): Enrolment => ({
    id: `enrolment-${offeringId}`,
    offeringId,
    learnerId: 'learner-1',
    status: 'enrolled',
    requestedAt: '2026-11-01T09:00:00.000Z',
    course: { id: 'course-1', code: 'C4H-101', title: 'App building in a day' },
    offering: { startDate: '2026-12-01', endDate: '2026-12-01', mode: 'online' },
    awardingBody: { id: 'uni', name: 'University of Leeds' },
    deliveringPartner: { id: 'partner', name: 'NHS Code4Health Leeds' },
    ...over,
  });
  const completed = (offeringId: string, attendance: 'attended' | 'did-not-attend') =>
    enrolment(offeringId, { status: 'completed', attendance, completedAt: '2026-12-01T17:00:00.000Z' });
  const result = (offeringId: string, attempt: number, overallMark: number, passed: boolean): Result => ({
    resultId: `result-${offeringId}-${attempt}`,
    offeringId,
    learnerId: 'learner-1',
    courseId: 'course-1',
    attempt,
    overallMark,
    grade: passed ? 'Pass' : 'Fail',
    passed,
    status: 'ratified',
    version: 1,
    versions: [
      {
        version: 1,
        components: [{ name: 'Project', weight: 100, mark: overallMark }],
        overallMark,
        grade: passed ? 'Pass' : 'Fail',
        passed,
        status: 'ratified',
        announced: true,
        recordedBy: 'assessor',
        recordedAt: '2026-12-02T09:00:00.000Z',
        ratifiedAt: `2026-12-0${2 + attempt}T09:00:00.000Z`,
      },
    ],
  });
  const loaded = (items: Enrolment[], results: Result[], credentialOfferings: string[] = []): Loaded => ({
    enrolments: { items, total: items.length, page: 1, pageSize: 200 },
    results,
    credentials: credentialOfferings.map((offeringId) => ({
      credentialId: `urn:uuid:${offeringId}`,
      achievementName: 'App building in a day',
      achievementVersion: 1,
      awardingBodyId: 'b',
      offeringId,
      issuedAt: '2026-12-05T09:00:00.000Z',
      jwt: 'x.y.z',
    })),
  });

  it('gives each enrolment its newest ratified attempt, and its credential by offering', () => {
    const [course] = ownCourses(
      loaded([completed('a', 'attended')], [result('a', 2, 64, true), result('a', 1, 31, false)], ['a']),
    );
    expect(course).toMatchObject({
      result: {
        kind: 'ratified',
        passed: true,
        overallMark: 64,
        grade: 'Pass',
        ratifiedAt: '2026-12-04T09:00:00.000Z',
      },
      hasCredential: true,
    });
  });

  it('says an attended course without a ratified result awaits the exam board', () => {
    const [course] = ownCourses(
      loaded([completed('b', 'attended')], [result('other', 1, 70, true)], ['other']),
    );
    expect(course).toMatchObject({ result: { kind: 'awaiting-exam-board' }, hasCredential: false });
  });

  it.each<[string, Enrolment, string]>([
    ['not attended', completed('c', 'did-not-attend'), 'None: you did not attend.'],
    [
      'withdrawn',
      enrolment('d', { status: 'withdrawn', withdrawnAt: '2026-11-20T09:00:00.000Z' }),
      'None: you withdrew.',
    ],
    [
      'not yet taught',
      enrolment('e'),
      'Not yet: results follow the course, once the exam board has ratified them.',
    ],
    [
      'on the waitlist',
      enrolment('f', { status: 'waitlisted', waitlistPosition: 2 }),
      'Not yet: results follow the course, once the exam board has ratified them.',
    ],
  ])('says plainly why there is no result when %s', (_, item, why) => {
    expect(ownCourses(loaded([item], []))[0]!.result).toEqual({ kind: 'none', why });
  });
});
