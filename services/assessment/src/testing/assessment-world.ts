import { randomUUID } from 'node:crypto';
import type { Actor } from '@lib/auth';
import type { CatalogueRepository } from '../catalogue/catalogue.repository';
import type { EnrolmentFact } from '../catalogue/catalogue.schema';
import { enrolmentFactId } from '../catalogue/enrolment-standing';
import { CatalogueService } from '../catalogue/catalogue.service';
import { BulkMarksService } from '../results/bulk-marks.service';
import { MarksService } from '../results/marks.service';
import type { ResultsRepository } from '../results/results.repository';
import { ResultsService } from '../results/results.service';
import type { Scheme } from '../schemes/scheme.schema';
import type { SchemesRepository } from '../schemes/schemes.repository';
import { SchemesService } from '../schemes/schemes.service';
import { asReal } from '@lib/fakes';
import { InMemoryCatalogue, InMemorySchemes } from './in-memory-catalogue';
import { InMemoryResults } from './in-memory-results';

export const UNIVERSITY = '00000000-0000-4000-8000-00000000000a';
export const PARTNER = '00000000-0000-4000-8000-00000000000b';
export const COURSE = '00000000-0000-4000-8000-0000000000c1';
export const OFFERING = '00000000-0000-4000-8000-0000000000f1';

export const examBoard: Actor = { sub: 'registrar-1', roles: ['registrar'], org: UNIVERSITY };
export const assessor: Actor = { sub: 'assessor-1', roles: ['assessor'], org: PARTNER };
export const partnerRegistrar: Actor = { sub: 'registrar-2', roles: ['registrar'], org: PARTNER };
export const stranger: Actor = {
  sub: 'stranger-1',
  roles: ['assessor'],
  org: '00000000-0000-4000-8000-00000000000c',
};
export const learnerActor = (learnerId: string): Actor => ({ sub: learnerId, roles: ['learner'] });

/** Two components, pass at 50 overall and 40 in each, a Distinction band, two attempts. */
export const scheme: Scheme = {
  _id: COURSE,
  awardingBodyId: UNIVERSITY,
  components: [
    { name: 'Project', weight: 60, passMark: 40 },
    { name: 'Viva', weight: 40, passMark: 40 },
  ],
  overallPassMark: 50,
  gradeBands: [{ grade: 'Distinction', minMark: 70 }],
  maxAttempts: 2,
  createdBy: 'registrar-1',
  createdAt: new Date('2026-12-01T00:00:00Z'),
};

/** The assessment services wired as the module wires them, over in-memory repositories. */
export function assessmentWorld() {
  const results = new InMemoryResults();
  const catalogue = new InMemoryCatalogue();
  const schemes = new InMemorySchemes();
  catalogue.courses.push({ _id: COURSE, awardingBodyId: UNIVERSITY, code: 'C4H-101', title: 'App building' });
  catalogue.offerings.push({
    _id: OFFERING,
    courseId: COURSE,
    awardingBodyId: UNIVERSITY,
    deliveringOrganisationId: PARTNER,
  });
  const marks = new MarksService(
    asReal<ResultsRepository>(results),
    asReal<CatalogueRepository>(catalogue),
    asReal<SchemesRepository>(schemes),
  );
  const service = new ResultsService(
    asReal<ResultsRepository>(results),
    asReal<CatalogueRepository>(catalogue),
    asReal<SchemesRepository>(schemes),
    marks,
  );
  return {
    results,
    catalogue,
    schemes,
    marks,
    service,
    bulk: new BulkMarksService(marks),
    catalogueService: new CatalogueService(asReal<CatalogueRepository>(catalogue), marks),
    schemesService: new SchemesService(
      asReal<SchemesRepository>(schemes),
      asReal<CatalogueRepository>(catalogue),
    ),
    /** A learner whose enrolment events so far are `facts`. */
    learner(...facts: EnrolmentFact['fact'][]): string {
      const learnerId = randomUUID();
      const enrolmentId = randomUUID();
      for (const fact of facts) {
        catalogue.facts.push({
          _id: enrolmentFactId(OFFERING, learnerId, fact),
          enrolmentId,
          offeringId: OFFERING,
          learnerId,
          fact,
          at: new Date(),
        });
      }
      return learnerId;
    },
  };
}
