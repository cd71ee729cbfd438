import { ectsOfUkCredits, ukCreditsOf } from './credits';

describe('credit conversion', () => {
  it.each([
    [{ value: 15, scheme: 'UK' as const }, 15],
    [{ value: 7.5, scheme: 'ECTS' as const }, 15],
    [{ value: 0, scheme: 'ECTS' as const }, 0],
  ])('gives %j as %d UK credits', (credits, uk) => {
    expect(ukCreditsOf(credits)).toBe(uk);
  });

  it('gives 15 UK credits as 7.5 ECTS', () => {
    expect(ectsOfUkCredits(15)).toBe(7.5);
  });
});
