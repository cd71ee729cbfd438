import type { ApiClients } from '../../api/client';
import { Link } from '../../ui/link';
import { LoadedView } from '../../ui/loaded-view';
import { useLoaded } from '../../ui/use-loaded';
import {
  datesOf,
  type Enrolment,
  getOffering,
  listEnrolments,
  type Offering,
  STATUS_WORDS,
} from '../offerings-api';
import { AttendanceForm } from './attendance-form';
import { BulkEnrol } from './bulk-enrol';
import { EnrolOneForm } from './enrol-one-form';
import { EnrolmentsTable } from './enrolments-table';

async function offeringWithEnrolments(api: ApiClients, offeringId: string) {
  // The offering first: its 404 (none, or another organisation's) is the page's answer.
  const offering = await getOffering(api, offeringId);
  return { offering, enrolments: await listEnrolments(api, offeringId) };
}

/** A delivered offering: who is enrolled and waiting, enrolling one or many, and attendance for everyone. */
export function PartnerOfferingPage({ api, offeringId }: { api: ApiClients; offeringId: string }) {
  const [loaded, reload] = useLoaded(() => offeringWithEnrolments(api, offeringId), [api, offeringId]);
  return (
    <LoadedView loaded={loaded} what="the offering">
      {({ offering, enrolments }) => (
        <>
          <p>
            <Link to="/partner/offerings">All your offerings</Link>
          </p>
          <h1>{offering.courseTitle}</h1>
          <OfferingFacts offering={offering} enrolments={enrolments} />
          <EnrolmentsTable enrolments={enrolments} />
          {offering.status === 'open' ? (
            <>
              <EnrolOneForm api={api} offeringId={offeringId} onEnrolled={reload} />
              <BulkEnrol offeringId={offeringId} onUploaded={reload} />
            </>
          ) : (
            <p>Enrolment is not open for this offering now.</p>
          )}
          <AttendanceForm api={api} offeringId={offeringId} enrolments={enrolments} onRecorded={reload} />
        </>
      )}
    </LoadedView>
  );
}

function OfferingFacts({ offering, enrolments }: { offering: Offering; enrolments: readonly Enrolment[] }) {
  const seated = enrolments.filter((e) => e.seat !== undefined && e.status !== 'withdrawn').length;
  const waiting = enrolments.filter((e) => e.status === 'waitlisted').length;
  return (
    <dl className="facts">
      <dt>Course code</dt>
      <dd>{offering.courseCode}</dd>
      <dt>Dates</dt>
      <dd>{datesOf(offering)}</dd>
      <dt>Status</dt>
      <dd>{STATUS_WORDS[offering.status]}</dd>
      <dt>Seats taken</dt>
      <dd>
        {seated} of {offering.capacity}
      </dd>
      <dt>Waiting</dt>
      <dd>{waiting}</dd>
      {offering.location && (
        <>
          <dt>Where</dt>
          <dd>{offering.location}</dd>
        </>
      )}
    </dl>
  );
}
