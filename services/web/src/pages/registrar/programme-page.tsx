import { useState } from 'react';
import type { ApiClients } from '../../api/client';
import type { Session } from '../../auth/session';
import { Link } from '../../ui/link';
import { LoadedView } from '../../ui/loaded-view';
import { useLoaded } from '../../ui/use-loaded';
import { NotFoundPage } from '../not-found-page';
import { ModuleForm } from './module-form';
import { ModuleRuleForm } from './module-rule-form';
import { programmeOf, ruleInWords } from './msc-api';

/** One programme of the body: its modules and their rules, a module added, and a module's rule changed. */
export function MscProgrammePage(props: { api: ApiClients; session: Session; programmeId: string }) {
  const { api, session, programmeId } = props;
  const [loaded, reload] = useLoaded(() => programmeOf(api, programmeId), [api, programmeId]);
  const [editing, setEditing] = useState<string>();
  return (
    <>
      <p>
        <Link to="/exam-board/programmes">MSc programmes, modules and rules</Link>
      </p>
      <LoadedView loaded={loaded} what="the programme">
        {(programme) =>
          // The catalogue is everyone's to read; only the body's own programmes are kept here.
          programme.awardingBodyId !== session.organisationId ? (
            <NotFoundPage />
          ) : (
            <>
              <h1>
                {programme.code} {programme.title}
              </h1>
              <p>
                {programme.credits} credits, of which at most {programme.policy.maxRecognitionCredits} by
                recognition; credentials up to {programme.policy.recencyYears} years old
                {programme.policy.acceptExternal
                  ? ', from this hub or other issuers the body trusts.'
                  : ', from this hub only.'}
              </p>
              <h2>Modules</h2>
              {programme.modules.length === 0 && <p>No modules yet: add the first below.</p>}
              <ul className="cards">
                {programme.modules.map((module) => (
                  <li key={module.code} className="card">
                    <h3 className="card__title">
                      {module.code} {module.title}
                    </h3>
                    <p className="hint">
                      {module.credits} credits · {module.level.framework} level {module.level.level}
                      {module.core ? ' · core' : ''}
                      {module.eligible ? '' : ' · recognition cannot replace it'}
                    </p>
                    <p>{ruleInWords(module.rule)}</p>
                    {editing === module.code ? (
                      <ModuleRuleForm
                        api={api}
                        programmeId={programme.id}
                        module={module}
                        onSaved={() => {
                          setEditing(undefined);
                          reload();
                        }}
                      />
                    ) : (
                      <div className="actions">
                        <button
                          type="button"
                          className="button button--secondary"
                          onClick={() => setEditing(module.code)}
                        >
                          {module.rule ? 'Change' : 'Set'} the rule for {module.code}
                        </button>
                      </div>
                    )}
                  </li>
                ))}
              </ul>
              <h2>Add a module</h2>
              <ModuleForm api={api} programmeId={programme.id} onAdded={reload} />
            </>
          )
        }
      </LoadedView>
    </>
  );
}
