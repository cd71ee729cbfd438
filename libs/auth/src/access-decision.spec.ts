import { beforeToken, forActor } from './access-decision';
import { accessTable, rowsOf } from './access-table';
import { reaches } from './reach';
import type { Actor } from './roles';

const table = accessTable('example', {
  'GET /open': { anonymous: 'any' },
  'GET /things/:id': { admin: 'any', registrar: 'own-organisation', learner: 'own-learner' },
});
const closed = rowsOf(table, 'GET /things/:id');

describe('beforeToken', () => {
  it.each([
    ['GET /open', 'public'],
    ['GET /things/:id', 'needs-token'],
    ['GET /nowhere', 'unknown-route'],
  ])('answers %s with %s', (route, kind) => {
    expect(beforeToken(rowsOf(table, route)).kind).toBe(kind);
  });
});

describe('forActor then reaches: the whole relation matrix of one route', () => {
  const thing = { organisations: ['own-org'], learnerId: 'own-learner' };
  it.each<[string, Actor, 'forbidden' | boolean]>([
    ['an admin', { sub: 'x', roles: ['admin'] }, true],
    ['a registrar of the own organisation', { sub: 'x', roles: ['registrar'], org: 'own-org' }, true],
    ['a registrar of another organisation', { sub: 'x', roles: ['registrar'], org: 'other-org' }, false],
    [
      'a partner of the own organisation (no row)',
      { sub: 'x', roles: ['partner'], org: 'own-org' },
      'forbidden',
    ],
    ['an assessor (no row)', { sub: 'x', roles: ['assessor'], org: 'own-org' }, 'forbidden'],
    ['the own learner', { sub: 'own-learner', roles: ['learner'] }, true],
    ['another learner', { sub: 'other', roles: ['learner'] }, false],
    [
      'another learner whose token carries the organisation',
      { sub: 'other', roles: ['learner'], org: 'own-org' },
      false,
    ],
    [
      'another learner who is also an assessor there',
      { sub: 'other', roles: ['learner', 'assessor'], org: 'own-org' },
      false,
    ],
  ])('%s', (_who, actor, expected) => {
    const decision = forActor(closed, actor);
    if (expected === 'forbidden') return expect(decision.kind).toBe('forbidden');
    if (decision.kind !== 'granted') throw new Error(`expected a grant, got ${decision.kind}`);
    expect(reaches(decision.actor, thing)).toBe(expected);
  });
});

describe('accessTable', () => {
  it('refuses a route that lets nobody in, and a public route that names roles', () => {
    expect(() => accessTable('x', { 'GET /a': {} })).toThrow('lets nobody in');
    expect(() => accessTable('x', { 'GET /a': { anonymous: 'any', admin: 'any' } })).toThrow('public');
  });
});
