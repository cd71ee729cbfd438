import { bodyLimitBytes, limitBytes } from './body-limits';

describe('body limits', () => {
  const largeBodies = [
    { path: '/api/recognition/claims', kind: 'json', limit: '4mb', exact: true },
    { path: '/api/credentials/verify/batch', kind: 'text', type: ['text/csv', 'text/plain'], limit: '8mb' },
    { path: '/api/credentials/verify', kind: 'raw', type: 'application/pdf', limit: '5mb' },
  ] as const;

  it('reads limits as body-parser does (binary units)', () => {
    expect(limitBytes('256kb')).toBe(262_144);
    expect(limitBytes('4mb')).toBe(4_194_304);
    expect(() => limitBytes('lots')).toThrow('not a body limit: lots');
  });

  it('gives an exact large-body path its limit, and the paths below it the default', () => {
    expect(bodyLimitBytes('/api/recognition/claims', 'application/json', largeBodies)).toBe(4_194_304);
    expect(
      bodyLimitBytes('/api/recognition/claims/:id/external-credentials', 'application/json', largeBodies),
    ).toBe(262_144);
  });

  it('matches the content type: a PDF route keeps the JSON default for JSON', () => {
    expect(bodyLimitBytes('/api/credentials/verify', 'application/pdf', largeBodies)).toBe(5_242_880);
    expect(bodyLimitBytes('/api/credentials/verify', 'application/json', largeBodies)).toBe(262_144);
    expect(bodyLimitBytes('/api/credentials/verify/batch', 'text/csv', largeBodies)).toBe(8_388_608);
    expect(bodyLimitBytes('/api/enrolment/offerings/:id/enrolments/bulk', 'text/csv')).toBe(5_242_880);
  });
});
