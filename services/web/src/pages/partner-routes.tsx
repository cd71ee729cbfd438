import type { AppRoute } from '../routes';
import { OfferingsList } from './offerings-list';
import { PartnerOfferingPage } from './partner/partner-offering-page';

/** A partner organiser's pages: the offerings their organisation delivers. */
export const PARTNER_ROUTES: readonly AppRoute[] = [
  {
    path: '/partner/offerings',
    roles: ['partner'],
    startLink: 'Offerings you deliver',
    render: ({ api }) => (
      <OfferingsList
        api={api}
        title="Offerings you deliver"
        empty="Your organisation delivers no offerings yet."
        linkTo={(offering) => `/partner/offerings/${offering.id}`}
      />
    ),
  },
  {
    path: '/partner/offerings/:offeringId',
    roles: ['partner'],
    render: ({ api, params }) => (
      <PartnerOfferingPage key={params['offeringId']} api={api} offeringId={params['offeringId']!} />
    ),
  },
];
