import { CsvError, parseCsv } from './csv';

describe('parseCsv', () => {
  it('reads plain, quoted and escaped cells with CRLF or LF line ends', () => {
    expect(parseCsv('\uFEFFemail,given\r\na@x.uk,"Smith, Jo"\n"b@x.uk","He said ""hi"""\n')).toEqual([
      { line: 1, cells: ['email', 'given'] },
      { line: 2, cells: ['a@x.uk', 'Smith, Jo'] },
      { line: 3, cells: ['b@x.uk', 'He said "hi"'] },
    ]);
  });

  it('skips blank lines but keeps counting them', () => {
    expect(parseCsv('a,b\n\n\nc,d')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 4, cells: ['c', 'd'] },
    ]);
  });

  it('keeps a line break inside quotes in the cell', () => {
    expect(parseCsv('"two\nlines",x\ny,z')).toEqual([
      { line: 1, cells: ['two\nlines', 'x'] },
      { line: 3, cells: ['y', 'z'] },
    ]);
  });

  it.each([
    ['a,"never closed\nb,c', 'line 1: a quoted value is never closed'],
    ['a,"quoted"tail', 'line 1: text after a closing quote'],
  ])('refuses %j naming the line', (text, message) => {
    expect(() => parseCsv(text)).toThrow(new CsvError(1, message.replace('line 1: ', '')));
  });
});
