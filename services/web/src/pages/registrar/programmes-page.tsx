import type { ApiClients } from '../../api/client';
import type { Session } from '../../auth/session';
import { Link } from '../../ui/link';
import { LoadedView } from '../../ui/loaded-view';
import { useLoaded } from '../../ui/use-loaded';
import { ownProgrammes, programmeOf, ruleInWords } from './msc-api';

async function programmesWithModules(api: ApiClients, organisationId: string | undefined) {
  const own = await ownProgrammes(api, organisationId);
  return Promise.all(own.map((programme) => programmeOf(api, programme.id)));
}

/** The body's MSc programmes, each with its modules and the rule that recognises credit for each. */
export function MscProgrammesPage({ api, session }: { api: ApiClients; session: Session }) {
  const [loaded] = useLoaded(() => programmesWithModules(api, session.organisationId), [api, session]);
  return (
    <>
      <h1>MSc programmes, modules and rules</h1>
      <p>
        A learner’s credentials count toward a module when they meet its recognition rule; the exam board then
        decides each module of a claim. <Link to="/exam-board/programmes/new">Create a programme</Link>.
      </p>
      <LoadedView loaded={loaded} what="the programmes">
        {(programmes) => (
          <>
            {programmes.length === 0 && <p>Your awarding body has no programmes yet.</p>}
            <ul className="cards">
              {programmes.map((programme) => (
                <li key={programme.id} className="card">
                  <h2 className="card__title">
                    <Link to={`/exam-board/programmes/${programme.id}`}>
                      {programme.code} {programme.title}
                    </Link>
                  </h2>
                  <p className="hint">
                    {programme.credits} credits · at most {programme.policy.maxRecognitionCredits} by
                    recognition · credentials up to {programme.policy.recencyYears} years old
                    {programme.policy.acceptExternal ? ' · other issuers’ credentials accepted' : ''}
                  </p>
                  {programme.modules.length === 0 ? (
                    <p>No modules yet.</p>
                  ) : (
                    <dl className="facts facts--stack">
                      {programme.modules.map((module) => (
                        <div key={module.code} className="facts__row">
                          <dt>
                            {module.code} {module.title} ({module.credits} credits
                            {module.eligible ? '' : ', not eligible for recognition'})
                          </dt>
                          <dd>{ruleInWords(module.rule)}</dd>
                        </div>
                      ))}
                    </dl>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </LoadedView>
    </>
  );
}
