import { randomUUID } from 'node:crypto';
import { bearer, call, type RunningService, startTestService, testTopicPrefix, waitFor } from '@lib/testing';
import { enrolmentService } from '../../enrolment/src/enrolment.definition';
import { courseBody, ok } from '../../spec-support/university';
import { credentialsService } from './credentials.definition';

/** Each course leads to one achievement; edits make new versions and old versions stay readable. */
describe('achievements', () => {
  const prefix = testTopicPrefix();
  let enrolment: RunningService;
  let credentials: RunningService;

  beforeAll(async () => {
    enrolment = await startTestService('enrolment', enrolmentService, { topicPrefix: prefix });
    credentials = await startTestService('credentials', credentialsService, { topicPrefix: prefix });
  });

  afterAll(async () => {
    await credentials.stop();
    await enrolment.stop();
  });

  it('defines an achievement from a course, versions its edits and serves every version publicly', async () => {
    const org = await ok(
      call(enrolment.url, 'POST', '/api/enrolment/organisations', {
        headers: bearer('admin'),
        body: { kind: 'awarding-body', name: `University ${randomUUID().slice(0, 6)}` },
      }),
    );
    const registrar = bearer('registrar', { org: org.id });
    const course = await ok(
      call(enrolment.url, 'POST', '/api/enrolment/courses', { headers: registrar, body: courseBody() }),
    );
    const body = {
      courseId: course.id,
      criteria: 'Attend the day and pass the assessed app.',
      minimumMark: 50,
    };
    const created = await waitFor(
      async () => {
        const answer = await call(credentials.url, 'POST', '/api/credentials/achievements', {
          headers: registrar,
          body,
        });
        return answer.status === 201 ? answer.body : undefined;
      },
      { what: 'the course to reach credentials' },
    );

    expect(created).toMatchObject({
      type: ['Achievement'],
      achievementType: 'Course',
      name: course.title,
      criteria: { narrative: body.criteria },
      creditsAvailable: 5,
      humanCode: course.code,
      version: '1',
      'ext:learningOutcomes': course.learningOutcomes,
    });
    expect(created.alignment.map((a: any) => a.targetName)).toEqual([
      'FHEQ level 7',
      'EQF level 7',
      '5 UK credits (2.5 ECTS)',
    ]);
    expect(created.resultDescription).toEqual([
      expect.objectContaining({ name: 'Overall mark', resultType: 'Percent', requiredValue: '50' }),
      expect.objectContaining({ name: 'Grade', resultType: 'LetterGrade' }),
    ]);
    const achievementId = (created.id as string).split('/').at(-1)!;

    expect(
      (await call(credentials.url, 'POST', '/api/credentials/achievements', { headers: registrar, body }))
        .status,
    ).toBe(409);
    const edited = await ok(
      call(credentials.url, 'POST', `/api/credentials/achievements/${achievementId}/versions`, {
        headers: registrar,
        body: { name: 'App building in a day (NHS)' },
      }),
    );
    expect(edited).toMatchObject({
      id: created.id,
      version: '2',
      name: 'App building in a day (NHS)',
      criteria: created.criteria,
    });

    expect(
      await ok(call(credentials.url, 'GET', `/api/credentials/achievements/${achievementId}`)),
    ).toMatchObject({ version: '2' });
    expect(
      await ok(call(credentials.url, 'GET', `/api/credentials/achievements/${achievementId}/versions/1`)),
    ).toEqual(created);
    expect(
      (await ok(call(credentials.url, 'GET', '/api/credentials/achievements', { headers: registrar }))).items,
    ).toEqual([expect.objectContaining({ achievementId, latestVersion: 2, courseCode: course.code })]);

    const stranger = bearer('registrar', { org: randomUUID() });
    expect(
      (
        await call(credentials.url, 'POST', `/api/credentials/achievements/${achievementId}/versions`, {
          headers: stranger,
          body: { name: 'x' },
        })
      ).status,
    ).toBe(404);
    // Another body's course reads as one not arrived yet, in plain words: nothing is revealed.
    expect(
      await call(credentials.url, 'POST', '/api/credentials/achievements', { headers: stranger, body }),
    ).toMatchObject({
      status: 404,
      body: {
        message: `No course ${course.id} of your awarding body. If it was created moments ago, it is still being set up across the system; try again in a moment.`,
      },
    });
    const bad = await call(
      credentials.url,
      'POST',
      `/api/credentials/achievements/${achievementId}/versions`,
      {
        headers: registrar,
        body: { minimumMark: 120, colour: 'blue' },
      },
    );
    expect(bad).toMatchObject({
      status: 400,
      body: {
        errors: expect.arrayContaining([
          expect.objectContaining({ field: 'minimumMark' }),
          { field: 'colour', message: 'is not a known field' },
        ]),
      },
    });
  });
});
