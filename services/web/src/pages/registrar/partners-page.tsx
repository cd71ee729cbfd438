import { type ApiClients, dataOf } from '../../api/client';
import type { Session } from '../../auth/session';
import { LoadedView } from '../../ui/loaded-view';
import { useLoaded } from '../../ui/use-loaded';
import { AuthorisationForm } from './authorisation-form';
import { type Offering, offeringName, offeringsOf } from './body-data';
import { OfferingForm } from './offering-form';

const STATUS_WORDS = {
  draft: 'Draft',
  open: 'Open for enrolment',
  closed: 'Closed to enrolment',
  completed: 'Completed',
};

async function partnersAndOfferings(api: ApiClients) {
  const query = { params: { query: { pageSize: 200 } } };
  const [authorisations, courses, offerings] = await Promise.all([
    dataOf(api.enrolment.GET('/api/enrolment/authorisations', query)),
    dataOf(api.enrolment.GET('/api/enrolment/courses', query)),
    offeringsOf(api),
  ]);
  return { authorisations: authorisations.items, courses: courses.items, offerings };
}

type Data = Awaited<ReturnType<typeof partnersAndOfferings>>;

/**
 * Which partners may deliver which courses, and every offering of the body's courses. Partners are named by id:
 * the API shows a registrar only their own organisation's record.
 */
export function PartnersPage({ api, session }: { api: ApiClients; session: Session }) {
  const [loaded, reload] = useLoaded(() => partnersAndOfferings(api), [api]);
  if (loaded.state !== 'ready') return <LoadedView loaded={loaded} what="authorisations and offerings" />;
  const { courses, offerings } = loaded.data;
  return (
    <>
      <h1>Partners and offerings</h1>
      <h2>Partner authorisations</h2>
      <p>
        A partner delivers a course only while authorised; a pass through an unauthorised partner is held.
      </p>
      <Authorisations data={loaded.data} />
      <details className="disclosure">
        <summary>Authorise a partner</summary>
        <AuthorisationForm api={api} courses={courses} onGranted={reload} />
      </details>
      <h2>Offerings</h2>
      <details className="disclosure">
        <summary>Offer a course</summary>
        <OfferingForm
          api={api}
          courses={courses}
          partnersOf={(courseId) => authorisedPartners(loaded.data, courseId)}
          ownBody={session.organisationId}
          onCreated={reload}
        />
      </details>
      {offerings.length === 0 && <p>No offerings of your courses yet.</p>}
      <ul className="cards">
        {offerings.map((offering) => (
          <OfferingCard
            key={offering.id}
            offering={offering}
            ownBody={session.organisationId}
            partnerNames={partnerNames(loaded.data)}
          />
        ))}
      </ul>
    </>
  );
}

/** The partners authorised today to deliver a course, each once, with their names. */
function authorisedPartners(data: Data, courseId: string): { id: string; name: string }[] {
  const active = data.authorisations.filter((grant) => grant.courseId === courseId && grant.activeToday);
  return [...partnerNames({ ...data, authorisations: active })].map(([id, name]) => ({ id, name }));
}

/** Partner names by id, as the authorisations give them (a registrar may not read other organisations). */
function partnerNames(data: Data): Map<string, string> {
  return new Map(data.authorisations.map((grant) => [grant.partnerId, grant.partnerName]));
}

function Authorisations({ data }: { data: Data }) {
  const courseOf = new Map(data.courses.map((course) => [course.id, `${course.code} ${course.title}`]));
  if (data.authorisations.length === 0) return <p>No partner is authorised yet.</p>;
  return (
    <ul className="cards">
      {data.authorisations.map((grant) => (
        <li key={grant.id} className="card">
          <h3 className="card__title">{courseOf.get(grant.courseId) ?? grant.courseId}</h3>
          <dl className="facts">
            <dt>Partner</dt>
            <dd>{grant.partnerName}</dd>
            <dt>From</dt>
            <dd>{grant.validFrom}</dd>
            {grant.validUntil && (
              <>
                <dt>Until</dt>
                <dd>{grant.validUntil}</dd>
              </>
            )}
            <dt>Today</dt>
            <dd>{grant.activeToday ? 'Authorised' : 'Not authorised'}</dd>
            {grant.withdrawal && (
              <>
                <dt>Withdrawn</dt>
                <dd>
                  From {grant.withdrawal.effectiveFrom}: {grant.withdrawal.reason}
                </dd>
              </>
            )}
          </dl>
        </li>
      ))}
    </ul>
  );
}

function OfferingCard({
  offering,
  ownBody,
  partnerNames,
}: {
  offering: Offering;
  ownBody: string | undefined;
  partnerNames: Map<string, string>;
}) {
  return (
    <li className="card">
      <h3 className="card__title">{offeringName(offering)}</h3>
      <dl className="facts">
        <dt>Status</dt>
        <dd>{STATUS_WORDS[offering.status]}</dd>
        <dt>Delivered by</dt>
        <dd>
          {offering.deliveringOrganisationId === ownBody
            ? 'Your awarding body'
            : (partnerNames.get(offering.deliveringOrganisationId) ?? offering.deliveringOrganisationId)}
        </dd>
        <dt>Where</dt>
        <dd>
          {offering.mode === 'online' ? 'Online' : (offering.location ?? offering.mode)}
          {offering.mode === 'blended' && ' (blended)'}
        </dd>
        <dt>Places</dt>
        <dd>{offering.capacity}</dd>
      </dl>
    </li>
  );
}
