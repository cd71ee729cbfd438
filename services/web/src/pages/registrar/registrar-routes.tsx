import type { AppRoute } from '../../routes';
import { ClaimPage } from './claim-page';
import { ClaimsPage } from './claims-page';
import { CoursesPage } from './courses-page';
import { CredentialsPage } from './credentials-page';
import { HoldsPage } from './holds-page';
import { NewProgrammePage } from './new-programme-page';
import { MscProgrammePage } from './programme-page';
import { MscProgrammesPage } from './programmes-page';
import { NewCoursePage } from './new-course-page';
import { OfferingResultsPage } from './offering-results-page';
import { PartnersPage } from './partners-page';
import { RatificationPage } from './ratification-page';
import { TrustListPage } from './trust-list-page';

const REGISTRAR = ['registrar'];

/** A registrar's pages: the exam board of their awarding body (the token's `org`). */
export const REGISTRAR_ROUTES: readonly AppRoute[] = [
  {
    path: '/exam-board/ratification',
    roles: REGISTRAR,
    startLink: 'Results awaiting ratification',
    render: ({ api }) => <RatificationPage api={api} />,
  },
  {
    path: '/exam-board/offerings/:offeringId',
    roles: REGISTRAR,
    render: ({ api, params }) => <OfferingResultsPage api={api} offeringId={params.offeringId ?? ''} />,
  },
  {
    path: '/exam-board/credentials',
    roles: REGISTRAR,
    startLink: 'Credentials: search, revoke, suspend or reinstate',
    render: ({ api, session }) => <CredentialsPage api={api} session={session} />,
  },
  {
    path: '/exam-board/holds',
    roles: REGISTRAR,
    startLink: 'Awards on hold',
    render: ({ api }) => <HoldsPage api={api} />,
  },
  {
    path: '/exam-board/courses',
    roles: REGISTRAR,
    startLink: 'Courses and achievements',
    render: ({ api }) => <CoursesPage api={api} />,
  },
  {
    path: '/exam-board/partners',
    roles: REGISTRAR,
    startLink: 'Partners and offerings',
    render: ({ api, session }) => <PartnersPage api={api} session={session} />,
  },
  {
    path: '/exam-board/courses/new',
    roles: REGISTRAR,
    render: ({ api }) => <NewCoursePage api={api} />,
  },
  {
    path: '/exam-board/claims',
    roles: REGISTRAR,
    startLink: 'MSc credit claims',
    render: ({ api, session }) => <ClaimsPage api={api} session={session} />,
  },
  {
    path: '/exam-board/claims/:claimId',
    roles: REGISTRAR,
    render: ({ api, params }) => <ClaimPage api={api} claimId={params.claimId ?? ''} />,
  },
  {
    path: '/exam-board/programmes',
    roles: REGISTRAR,
    startLink: 'MSc programmes, modules and rules',
    render: ({ api, session }) => <MscProgrammesPage api={api} session={session} />,
  },
  {
    path: '/exam-board/programmes/new',
    roles: REGISTRAR,
    render: ({ api }) => <NewProgrammePage api={api} />,
  },
  {
    path: '/exam-board/programmes/:programmeId',
    roles: REGISTRAR,
    render: ({ api, session, params }) => (
      <MscProgrammePage api={api} session={session} programmeId={params.programmeId ?? ''} />
    ),
  },
  {
    path: '/exam-board/trust-list',
    roles: REGISTRAR,
    startLink: 'Trust list',
    render: ({ api, session }) => <TrustListPage api={api} session={session} />,
  },
];
