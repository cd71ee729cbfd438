import type { Actor } from '@lib/auth';
import { type LearnerAccess, learnerAccess } from './learner-access';

const learner = { _id: 'learner-1', registeredByOrganisationId: 'partner-a' };

describe('learnerAccess', () => {
  it.each<[string, Actor, LearnerAccess]>([
    ['grants an admin', { sub: 'admin-1', roles: ['admin'] }, 'granted'],
    ['grants the learner themself', { sub: 'learner-1', roles: ['learner'] }, 'granted'],
    ['denies another learner', { sub: 'learner-2', roles: ['learner'] }, 'denied'],
    ['denies staff whose token names no organisation', { sub: 's', roles: ['registrar'] }, 'denied'],
    [
      'grants staff of the organisation that registered the learner',
      { sub: 's', roles: ['partner'], org: 'partner-a' },
      'granted',
    ],
    [
      'asks the records and enrolments for staff of another organisation',
      { sub: 's', roles: ['registrar'], org: 'university' },
      { ifKnownTo: 'university' },
    ],
    [
      'does not grant a learner id used as a staff subject',
      { sub: 'learner-1', roles: ['partner'], org: 'partner-b' },
      { ifKnownTo: 'partner-b' },
    ],
  ])('%s', (_who, actor, expected) => {
    expect(learnerAccess(actor, learner)).toEqual(expected);
  });

  it('asks the records and enrolments when the learner was registered by nobody in particular', () => {
    expect(learnerAccess({ sub: 's', roles: ['partner'], org: 'partner-a' }, { _id: 'learner-1' })).toEqual({
      ifKnownTo: 'partner-a',
    });
  });
});
