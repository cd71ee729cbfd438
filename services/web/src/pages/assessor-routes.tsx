import type { AppRoute } from '../routes';
import { MarksPage } from './assessor/marks-page';
import { OfferingsList } from './offerings-list';

/** An assessor's pages: the offerings of their organisation to mark. */
export const ASSESSOR_ROUTES: readonly AppRoute[] = [
  {
    path: '/marking',
    roles: ['assessor'],
    startLink: 'Offerings to mark',
    render: ({ api }) => (
      <OfferingsList
        api={api}
        title="Offerings to mark"
        empty="Your organisation has no offerings to mark yet."
        linkTo={(offering) => `/marking/${offering.id}`}
      />
    ),
  },
  {
    path: '/marking/:offeringId',
    roles: ['assessor'],
    render: ({ api, params }) => (
      <MarksPage key={params['offeringId']} api={api} offeringId={params['offeringId']!} />
    ),
  },
];
