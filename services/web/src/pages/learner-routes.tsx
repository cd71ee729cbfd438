import type { AppRoute } from '../routes';
import { LearnerCoursesPage } from './learner-courses-page';
import { LearnerCredentialsPage } from './learner-credentials-page';
import { LearnerRecordPage } from './learner-record/learner-record-page';
import { ClaimPage } from './msc/claim-page';
import { ProgrammesPage } from './msc/programmes-page';
import { StandingPage } from './msc/standing-page';

/** A learner's pages. */
export const LEARNER_ROUTES: readonly AppRoute[] = [
  {
    path: '/courses',
    roles: ['learner'],
    startLink: 'Your courses',
    render: ({ api }) => <LearnerCoursesPage api={api} />,
  },
  {
    path: '/credentials',
    roles: ['learner'],
    startLink: 'Your credentials',
    render: ({ api }) => <LearnerCredentialsPage api={api} />,
  },
  {
    path: '/record',
    roles: ['learner'],
    startLink: 'Your learning record (CLR)',
    render: ({ api }) => <LearnerRecordPage api={api} />,
  },
  {
    path: '/msc',
    roles: ['learner'],
    startLink: 'MSc credit for your credentials',
    render: ({ api }) => <ProgrammesPage api={api} />,
  },
  {
    path: '/msc/claims/:claimId',
    roles: ['learner'],
    render: ({ api, params }) => <ClaimPage api={api} claimId={params.claimId!} />,
  },
  {
    path: '/msc/:programmeId',
    roles: ['learner'],
    render: ({ api, params }) => <StandingPage api={api} programmeId={params.programmeId!} />,
  },
];
