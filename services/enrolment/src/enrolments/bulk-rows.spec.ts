import type { CsvRow } from '@lib/platform';
import { type BulkRowResult, bulkReport, checkRows, enrolledRowResult, withoutHeader } from './bulk-rows';

const rows = (...lines: string[][]): CsvRow[] => lines.map((cells, index) => ({ line: index + 1, cells }));

describe('withoutHeader', () => {
  it.each([
    [
      'drops a first row without an @ in its first cell',
      rows(['email', 'given', 'family'], ['a@x.org', 'A', 'B']),
      [2],
    ],
    ['keeps a first row that is a learner', rows(['a@x.org', 'A', 'B'], ['b@x.org', 'C', 'D']), [1, 2]],
    ['keeps nothing when there is nothing', rows(), []],
  ])('%s', (_when, given, lines) => {
    expect(withoutHeader(given).map((row) => row.line)).toEqual(lines);
  });
});

describe('checkRows', () => {
  it('keeps rows with an email, a given name and a family name', () => {
    expect(checkRows(rows([' ada@nhs.example ', 'Ada', 'Lovelace']))).toEqual({
      valid: [{ line: 1, details: { email: 'ada@nhs.example', givenName: 'Ada', familyName: 'Lovelace' } }],
      refused: [],
    });
  });

  it.each([
    [
      'too few values',
      ['ada@nhs.example', 'Ada'],
      'expected 3 values (email, given name, family name), found 2',
    ],
    [
      'too many values',
      ['ada@nhs.example', 'Ada', 'L', 'x'],
      'expected 3 values (email, given name, family name), found 4',
    ],
  ])('refuses a row with %s as invalid', (_what, cells, reason) => {
    expect(checkRows(rows(cells)).refused).toEqual([
      { line: 1, email: 'ada@nhs.example', result: 'invalid', reason },
    ]);
  });

  it('refuses a row whose email is not one as invalid, naming the field', () => {
    const [refused] = checkRows(rows(['not-an-email', 'Ada', 'Lovelace'])).refused;
    expect(refused).toMatchObject({ line: 1, email: 'not-an-email', result: 'invalid' });
    expect(refused!.reason).toMatch(/^email: /);
  });

  it('refuses a repeated email as a duplicate of its first line', () => {
    const checked = checkRows(rows(['a@x.org', 'A', 'B'], ['b@x.org', 'C', 'D'], ['a@x.org', 'A', 'B']));
    expect(checked.valid.map((row) => row.line)).toEqual([1, 2]);
    expect(checked.refused).toEqual([
      { line: 3, email: 'a@x.org', result: 'duplicate', reason: 'repeats line 1' },
    ]);
  });
});

describe('enrolledRowResult', () => {
  const row = { line: 4, details: { email: 'a@x.org', givenName: 'A', familyName: 'B' } };

  it.each([
    [true, 'enrolled', { line: 4, email: 'a@x.org', result: 'enrolled', enrolmentId: 'e' }],
    [true, 'waitlisted', { line: 4, email: 'a@x.org', result: 'waitlisted', enrolmentId: 'e' }],
    [
      false,
      'enrolled',
      { line: 4, email: 'a@x.org', result: 'duplicate', reason: 'enrolled on this offering already' },
    ],
  ] as const)('when inserted is %s and the enrolment is %s', (inserted, status, expected) => {
    expect(enrolledRowResult(row, 'e', inserted, status)).toEqual(expected);
  });
});

describe('bulkReport', () => {
  it('puts results in file order and counts them by result', () => {
    const results: BulkRowResult[] = [
      { line: 3, email: 'c', result: 'waitlisted' },
      { line: 1, email: 'a', result: 'enrolled' },
      { line: 4, email: 'd', result: 'invalid' },
      { line: 2, email: 'b', result: 'enrolled' },
    ];
    const report = bulkReport('o', 5, results);
    expect(report).toMatchObject({
      offeringId: 'o',
      rows: 5,
      enrolled: 2,
      waitlisted: 1,
      duplicate: 0,
      invalid: 1,
    });
    expect(report.results.map((result) => result.line)).toEqual([1, 2, 3, 4]);
  });
});
