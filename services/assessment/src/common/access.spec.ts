import type { Actor } from '@lib/auth';
import { isExamBoardOf, runsOffering } from './access';

const offering = { awardingBodyId: 'university', deliveringOrganisationId: 'partner' };

describe('runsOffering', () => {
  it.each<[string, Actor, boolean]>([
    ['an admin', { sub: 'a', roles: ['admin'] }, true],
    ['staff of the awarding body', { sub: 'r', roles: ['registrar'], org: 'university' }, true],
    ['staff of the delivering organisation', { sub: 'p', roles: ['assessor'], org: 'partner' }, true],
    ['staff of another organisation', { sub: 's', roles: ['registrar'], org: 'elsewhere' }, false],
    ['a learner', { sub: 'l', roles: ['learner'] }, false],
  ])('answers for %s', (_who, actor, expected) => {
    expect(runsOffering(actor, offering)).toBe(expected);
  });
});

describe('isExamBoardOf', () => {
  it.each<[string, Actor, boolean]>([
    ['a registrar of the awarding body', { sub: 'r', roles: ['registrar'], org: 'university' }, true],
    ['a registrar of another organisation', { sub: 'r', roles: ['registrar'], org: 'partner' }, false],
    ['an assessor of the awarding body', { sub: 'a', roles: ['assessor'], org: 'university' }, false],
    ['an admin', { sub: 'a', roles: ['admin'] }, false],
  ])('answers for %s', (_who, actor, expected) => {
    expect(isExamBoardOf(actor, 'university')).toBe(expected);
  });
});
