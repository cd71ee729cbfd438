import type { AppRoute } from '../routes';
import { LearnerCredentialsPage } from './learner-credentials-page';

/** A learner's pages. */
export const LEARNER_ROUTES: readonly AppRoute[] = [
  {
    path: '/credentials',
    roles: ['learner'],
    startLink: 'Your credentials',
    render: ({ api }) => <LearnerCredentialsPage api={api} />,
  },
];
