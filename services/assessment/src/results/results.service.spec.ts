import { NOT_ANNOUNCED } from './ratification-plan';
import { resultAmendedV1, resultRatifiedV1, resultRecordedV1 } from '@lib/contracts';
import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  NotFoundException,
} from '@nestjs/common';
import type { EnrolmentFact } from '../catalogue/catalogue.schema';
import {
  assessmentWorld,
  assessor,
  examBoard,
  learnerActor,
  OFFERING,
  partnerRegistrar,
  scheme,
  stranger,
} from '../testing/assessment-world';

const PAGE = { page: 1, pageSize: 50 };
const distinction = { Project: 80, Viva: 70 };
const fail = { Project: 30, Viva: 45 };

describe('ResultsService', () => {
  let world: ReturnType<typeof assessmentWorld>;
  beforeEach(() => {
    world = assessmentWorld();
    world.schemes.schemes.push(scheme);
  });

  describe('record', () => {
    it('records provisional marks with their grade and announces them when the learner is enrolled', async () => {
      const learnerId = world.learner('enrolled');
      const view = await world.marks.record(assessor, OFFERING, learnerId, distinction);
      expect(view).toMatchObject({
        attempt: 1,
        version: 1,
        overallMark: 76,
        grade: 'Distinction',
        passed: true,
      });
      expect(view).toMatchObject({ status: 'provisional' });
      expect(view.versions[0]!.announced).toBe(true);
      expect(world.results.topics()).toEqual([resultRecordedV1.topic]);
    });

    it('keeps marks unannounced until the enrolment reaches assessment, then announces them', async () => {
      const learnerId = world.learner();
      const view = await world.marks.record(assessor, OFFERING, learnerId, distinction);
      expect(view.versions[0]!.announced).toBe(false);
      expect(world.results.topics()).toEqual([]);
      world.catalogue.facts.push({
        _id: 'e:enrolled',
        enrolmentId: 'e',
        offeringId: OFFERING,
        learnerId,
        fact: 'enrolled',
        at: new Date(),
      });
      await world.marks.releaseWaiting(OFFERING, learnerId);
      expect(world.results.topics()).toEqual([resultRecordedV1.topic]);
    });

    it('announces the marks when the enrolment arrives while they are being written', async () => {
      const learnerId = world.learner();
      const insertVersions = world.results.insertVersions.bind(world.results);
      world.results.insertVersions = (versions, body) => {
        // The consumer stores the fact and finds no version to announce yet.
        world.catalogue.facts.push({
          _id: `${OFFERING}:${learnerId}:enrolled`,
          enrolmentId: 'e',
          offeringId: OFFERING,
          learnerId,
          fact: 'enrolled',
          at: new Date(),
        });
        return insertVersions(versions, body);
      };
      const view = await world.marks.record(assessor, OFFERING, learnerId, distinction);
      expect(view.versions[0]!.announced).toBe(true);
      expect(world.results.topics()).toEqual([resultRecordedV1.topic]);
    });

    it.each<EnrolmentFact['fact'][]>([['withdrawn'], ['waitlisted']])(
      'refuses with 409 when the learner is %s',
      async (fact) => {
        const learnerId = world.learner(fact);
        await expect(world.marks.record(assessor, OFFERING, learnerId, distinction)).rejects.toThrow(
          `The learner is ${fact} on this offering, so cannot be assessed.`,
        );
        expect(world.results.versions).toEqual([]);
      },
    );

    it('refuses with 400 naming the fields when the marks do not fit the scheme', async () => {
      const record = world.marks.record(assessor, OFFERING, world.learner('enrolled'), {
        Project: 70,
        Essay: 50,
      });
      await expect(record).rejects.toBeInstanceOf(BadRequestException);
      await expect(record).rejects.toMatchObject({
        response: {
          errors: [
            { field: 'marks.Viva', message: 'is missing' },
            { field: 'marks.Essay', message: 'is not a component of the scheme' },
          ],
        },
      });
    });

    it('refuses with 409 when the course has no assessment scheme yet', async () => {
      world.schemes.schemes.length = 0;
      await expect(
        world.marks.record(assessor, OFFERING, world.learner('enrolled'), distinction),
      ).rejects.toThrow('The course has no assessment scheme yet; the registrar sets one first.');
    });

    it('answers 404 to staff who do not run the offering', async () => {
      const record = world.marks.record(stranger, OFFERING, world.learner('enrolled'), distinction);
      await expect(record).rejects.toBeInstanceOf(NotFoundException);
    });

    it('makes a new provisional version of the same result when marks change before ratification', async () => {
      const learnerId = world.learner('enrolled');
      const first = await world.marks.record(assessor, OFFERING, learnerId, fail);
      const second = await world.marks.record(assessor, OFFERING, learnerId, distinction);
      expect(second).toMatchObject({
        resultId: first.resultId,
        version: 2,
        status: 'provisional',
        passed: true,
      });
      expect(second.versions.map((v) => v.overallMark)).toEqual([36, 76]);
    });

    it('refuses new marks over a ratified pass with 409', async () => {
      const learnerId = world.learner('enrolled');
      const { resultId } = await world.marks.record(assessor, OFFERING, learnerId, distinction);
      await world.service.ratify(examBoard, resultId);
      await expect(world.marks.record(assessor, OFFERING, learnerId, fail)).rejects.toThrow(
        'The learner has a ratified pass; the exam board can amend it.',
      );
    });

    it('opens a resit as a new result when marks follow a ratified fail, up to the attempt limit', async () => {
      const learnerId = world.learner('enrolled');
      const first = await world.marks.record(assessor, OFFERING, learnerId, fail);
      await world.service.ratify(examBoard, first.resultId);
      const resit = await world.marks.record(assessor, OFFERING, learnerId, fail);
      expect(resit).toMatchObject({ attempt: 2, version: 1 });
      expect(resit.resultId).not.toBe(first.resultId);
      await world.service.ratify(examBoard, resit.resultId);
      await expect(world.marks.record(assessor, OFFERING, learnerId, distinction)).rejects.toThrow(
        'The learner has used all 2 attempt(s) the scheme allows.',
      );
    });
  });

  describe('ratify', () => {
    it('ratifies the newest version and announces the ratification', async () => {
      const learnerId = world.learner('enrolled');
      await world.marks.record(assessor, OFFERING, learnerId, fail);
      const { resultId } = await world.marks.record(assessor, OFFERING, learnerId, distinction);
      const view = await world.service.ratify(examBoard, resultId);
      expect(view).toMatchObject({ status: 'ratified', version: 2 });
      expect(view.versions.map((v) => v.status)).toEqual(['provisional', 'ratified']);
      expect(world.results.topics()).toContain(resultRatifiedV1.topic);
    });

    it("refuses with 403 a registrar who is not the awarding body's exam board", async () => {
      const { resultId } = await world.marks.record(
        assessor,
        OFFERING,
        world.learner('enrolled'),
        distinction,
      );
      await expect(world.service.ratify(partnerRegistrar, resultId)).rejects.toBeInstanceOf(
        ForbiddenException,
      );
    });

    it('refuses with 409 while the marks wait for the enrolment', async () => {
      const { resultId } = await world.marks.record(assessor, OFFERING, world.learner(), distinction);
      await expect(world.service.ratify(examBoard, resultId)).rejects.toThrow(NOT_ANNOUNCED);
    });

    it('refuses a second ratification with 409', async () => {
      const { resultId } = await world.marks.record(
        assessor,
        OFFERING,
        world.learner('enrolled'),
        distinction,
      );
      await world.service.ratify(examBoard, resultId);
      await expect(world.service.ratify(examBoard, resultId)).rejects.toBeInstanceOf(ConflictException);
      expect(world.results.ratifications).toHaveLength(1);
    });

    it("ratifies an offering's announced results and says which it skipped and why", async () => {
      const ready = await world.marks.record(assessor, OFFERING, world.learner('enrolled'), distinction);
      const waiting = await world.marks.record(assessor, OFFERING, world.learner(), distinction);
      expect(await world.service.ratifyOffering(examBoard, OFFERING)).toEqual({
        ratified: 1,
        skipped: [
          {
            resultId: waiting.resultId,
            reason: NOT_ANNOUNCED,
          },
        ],
      });
      expect((await world.service.get(examBoard, ready.resultId)).status).toBe('ratified');
    });
  });

  describe('amend', () => {
    it('amends a ratified result with a new ratified version and its reason, keeping the old one', async () => {
      const { resultId } = await world.marks.record(
        assessor,
        OFFERING,
        world.learner('enrolled'),
        distinction,
      );
      await world.service.ratify(examBoard, resultId);
      const view = await world.service.amend(examBoard, resultId, fail, 'marks were transposed');
      expect(view).toMatchObject({ version: 2, status: 'ratified', passed: false, grade: 'Fail' });
      expect(view.versions[1]!.amendment).toEqual({ reason: 'marks were transposed', previousVersion: 1 });
      expect(view.versions[0]).toMatchObject({ overallMark: 76, status: 'ratified' });
      expect(world.results.topics()).toContain(resultAmendedV1.topic);
    });

    it('refuses with 409 to amend a provisional result', async () => {
      const { resultId } = await world.marks.record(
        assessor,
        OFFERING,
        world.learner('enrolled'),
        distinction,
      );
      await expect(world.service.amend(examBoard, resultId, fail, 'why')).rejects.toThrow(
        'Only a ratified result is amended; record new marks instead.',
      );
    });
  });

  describe('reading', () => {
    it('shows learners only their own ratified results', async () => {
      const learnerId = world.learner('enrolled');
      const other = world.learner('enrolled');
      await world.marks.record(assessor, OFFERING, learnerId, distinction);
      expect((await world.service.own(learnerActor(learnerId), PAGE)).items).toEqual([]);
      const { resultId } = (await world.service.listForOffering(examBoard, OFFERING, PAGE)).items[0]!;
      await world.service.ratify(examBoard, resultId);
      await world.service.ratify(
        examBoard,
        (await world.marks.record(assessor, OFFERING, other, fail)).resultId,
      );
      const own = await world.service.own(learnerActor(learnerId), PAGE);
      expect(own.items.map((view) => [view.learnerId, view.status])).toEqual([[learnerId, 'ratified']]);
    });

    it("answers 404 to a learner asking for another learner's result", async () => {
      const { resultId } = await world.marks.record(
        assessor,
        OFFERING,
        world.learner('enrolled'),
        distinction,
      );
      await expect(
        world.service.get(learnerActor(world.learner('enrolled')), resultId),
      ).rejects.toBeInstanceOf(NotFoundException);
    });
  });
});
