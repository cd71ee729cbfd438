import type { Organisation } from './enrolment-directory';
import { chooseLearner, chooseRole, learnerAccount, staffAccount } from './sign-in-choice';
import { learnerPage, signInPage } from './sign-in-page';

const university: Organisation = { id: 'u-1', kind: 'awarding-body', name: 'University of Leeds' };
const partner: Organisation = { id: 'p-1', kind: 'partner', name: 'NHS Code4Health <North>' };
const organisations = [university, partner];

describe('the sign-in choice', () => {
  it.each([
    [{}, 'role', 'Choose a role'],
    [{ role: 'dean' }, 'role', 'Choose a role'],
    [{ role: 'registrar' }, 'organisation', 'Choose the organisation the registrar acts for'],
    [{ role: 'assessor', organisation: 'x' }, 'organisation', 'Choose an organisation from the list'],
    [{ role: 'registrar', organisation: 'p-1' }, 'organisation', 'A registrar works for an awarding body'],
    [{ role: 'partner', organisation: 'u-1' }, 'organisation', 'A partner organiser works for a partner'],
  ])('refuses %j, naming the field', (form, field, message) => {
    const choice = chooseRole(form, organisations);
    expect(choice).toEqual({ errors: [{ field, message: expect.stringContaining(message) }] });
  });

  it.each([
    [{ role: 'admin', organisation: 'u-1' }, { role: 'admin' }],
    [
      { role: 'registrar', organisation: 'u-1' },
      { role: 'registrar', organisation: university },
    ],
    [
      { role: 'partner', organisation: 'p-1' },
      { role: 'partner', organisation: partner },
    ],
    [
      { role: 'assessor', organisation: 'u-1' },
      { role: 'assessor', organisation: university },
    ],
    [
      { role: 'learner', organisation: 'p-1' },
      { role: 'learner', organisation: partner },
    ],
  ])('accepts %j (an admin acts for no organisation)', (form, expected) => {
    expect(chooseRole(form, organisations)).toEqual(expected);
  });

  it('takes a learner only from the organisation’s learners', () => {
    const learners = [{ id: 'l-1', name: 'Aisha Khan', email: 'aisha@nhs.example' }];
    expect(chooseLearner({ learner: 'l-1' }, learners)).toBe(learners[0]);
    expect(chooseLearner({ learner: 'l-2' }, learners)).toEqual({
      field: 'learner',
      message: 'Choose a learner from the list',
    });
    expect(chooseLearner({}, learners)).toEqual({ field: 'learner', message: 'Choose a learner' });
  });

  it('gives accounts the claims the services read: a learner’s sub is their id; staff act for their organisation', () => {
    expect(learnerAccount({ id: 'l-1', name: 'Aisha Khan', email: 'a@x' })).toEqual({
      sub: 'l-1',
      roles: ['learner'],
      name: 'Aisha Khan',
    });
    expect(staffAccount('registrar', university)).toEqual({
      sub: 'dev-registrar-u-1',
      roles: ['registrar'],
      org: 'u-1',
      name: 'Registrar, University of Leeds',
    });
    expect(staffAccount('admin')).toEqual({ sub: 'dev-admin', roles: ['admin'], name: 'Platform admin' });
  });

  it('writes names from the enrolment service as text, never as markup', () => {
    const html = signInPage({ action: '/interaction/a', organisations, values: {}, errors: [] });
    expect(html).toContain('NHS Code4Health &lt;North&gt;');
    expect(html).not.toContain('<North>');
    const learners = learnerPage({
      action: '/interaction/a',
      organisation: partner,
      learners: [{ id: 'l"1', name: '<img src=x onerror=alert(1)>', email: 'a@x' }],
      errors: [],
    });
    expect(learners).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(learners).toContain('value="l&quot;1"');
    expect(learners).not.toMatch(/<img|<script|style=/);
  });
});
