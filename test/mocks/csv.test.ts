/**
 * CSV export: RFC 4180 quoting and CRLF, OWASP CSV-injection neutralisation, numbers kept
 * as numbers, and a round trip through an independent RFC 4180 parser.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { csvCell, toCsv } from '../../mocks/csv.js';

/** A small RFC 4180 reader: CRLF (or LF) ends a record; quoted fields may hold anything. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  let fieldStarted = false;
  const endField = () => {
    record.push(field);
    field = '';
    fieldStarted = false;
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };
  while (i < text.length) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i += 1;
        continue;
      }
      field += c;
      i += 1;
      continue;
    }
    if (c === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
      i += 1;
    } else if (c === ',') {
      endField();
      i += 1;
    } else if (c === '\r' && text[i + 1] === '\n') {
      endRecord();
      i += 2;
    } else if (c === '\n') {
      endRecord();
      i += 1;
    } else {
      if (c === '"') throw new Error(`Stray quote at ${i}`);
      field += c;
      fieldStarted = true;
      i += 1;
    }
  }
  if (quoted) throw new Error('Unterminated quoted field');
  if (fieldStarted || record.length > 0) endRecord();
  return records;
}

/** What a cell should read back as. */
function expected(cell: string | number): string {
  if (typeof cell === 'number') return String(cell);
  return /^[=+\-@\t\r\n]/.test(cell) ? `'${cell}` : cell;
}

describe('toCsv', () => {
  it('writes a header and rows with CRLF after every record', () => {
    expect(
      toCsv(
        ['name', 'users'],
        [
          ['Lumen', 53],
          ['Kestrel', 45],
        ],
      ),
    ).to.equal('name,users\r\nLumen,53\r\nKestrel,45\r\n');
    expect(toCsv(['a'], [])).to.equal('a\r\n');
  });

  it('quotes commas, quotes and line breaks (RFC 4180), doubling inner quotes', () => {
    expect(toCsv(['v'], [['a,b']])).to.equal('v\r\n"a,b"\r\n');
    expect(toCsv(['v'], [['say "hi"']])).to.equal('v\r\n"say ""hi"""\r\n');
    expect(toCsv(['v'], [['line 1\r\nline 2']])).to.equal('v\r\n"line 1\r\nline 2"\r\n');
    expect(toCsv(['v'], [['a\nb']])).to.equal('v\r\n"a\nb"\r\n');
    expect(toCsv(['v'], [[' padded ']])).to.equal('v\r\n" padded "\r\n');
    expect(toCsv(['v', 'w'], [['', 'x']])).to.equal('v,w\r\n,x\r\n');
    expect(toCsv(['v'], [['']])).to.equal('v\r\n""\r\n');
    expect(toCsv(['naïve', 'Mäkinen'], [['€ 12,50', 'Yılmaz']])).to.equal('naïve,Mäkinen\r\n"€ 12,50",Yılmaz\r\n');
  });

  it('neutralises every formula prefix with a single quote', () => {
    for (const [input, out] of [
      ['=1+1', "'=1+1"],
      ['+31 20 123 4567', "'+31 20 123 4567"],
      ['-2+3', "'-2+3"],
      ['@SUM(1+1)', "'@SUM(1+1)"],
      ['\tcmd', "'\tcmd"],
      ['\r=cmd', `"'\r=cmd"`],
      ['\n=cmd', `"'\n=cmd"`],
    ] as const) {
      expect(csvCell(input), JSON.stringify(input)).to.equal(out);
    }
  });

  it('neutralises hostile names and quotes them when they need it', () => {
    const csv = toCsv(
      ['id', 'name'],
      [
        ['p-1', '=HYPERLINK("http://evil","x")'],
        ['p-2', '@SUM(1+1)'],
        ['p-3', "=cmd|' /C calc'!A0"],
      ],
    );
    expect(csv).to.equal(
      'id,name\r\n' +
        `p-1,"'=HYPERLINK(""http://evil"",""x"")"\r\n` +
        "p-2,'@SUM(1+1)\r\n" +
        "p-3,'=cmd|' /C calc'!A0\r\n",
    );
    expect(parseCsv(csv)[1]).to.deep.equal(['p-1', `'=HYPERLINK("http://evil","x")`]);
  });

  it('neutralises the header row too', () => {
    expect(toCsv(['=evil', 'ok'], [])).to.equal("'=evil,ok\r\n");
  });

  it('leaves numbers untouched, negative ones included (only text is neutralised)', () => {
    expect(toCsv(['amount', 'text'], [[-12.5, '-12.5']])).to.equal("amount,text\r\n-12.5,'-12.5\r\n");
    expect(toCsv(['n'], [[0], [131406], [-0], [1e21], [0.1]])).to.equal('n\r\n0\r\n131406\r\n0\r\n1e+21\r\n0.1\r\n');
    expect(() => toCsv(['n'], [[Number.NaN]])).to.throw(RangeError);
    expect(() => toCsv(['n'], [[Infinity]])).to.throw(RangeError);
  });

  it('refuses a row whose length differs from the header', () => {
    expect(() => toCsv(['a', 'b'], [['1']])).to.throw(RangeError, /row 1 has 1 cells; the header has 2/);
  });

  it('reads back as the cells (with the quote prefix where neutralised): property', () => {
    const tricky = fc.string({
      unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', ',', '"', ' ', "'", 'a', '1', 'é', '€', '🙂'),
      maxLength: 12,
    });
    const cell = fc.oneof(
      tricky,
      fc.string({ maxLength: 12 }),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
    );
    const table = fc
      .integer({ min: 1, max: 5 })
      .chain((n) =>
        fc.tuple(
          fc.array(fc.oneof(tricky, fc.string({ maxLength: 8 })), { minLength: n, maxLength: n }),
          fc.array(fc.array(cell, { minLength: n, maxLength: n }), { maxLength: 8 }),
        ),
      );
    fc.assert(
      fc.property(table, ([header, rows]) => {
        const csv = toCsv(header, rows);
        expect(csv.endsWith('\r\n')).to.equal(true);
        expect(parseCsv(csv)).to.deep.equal([header.map(expected), ...rows.map((r) => r.map(expected))]);
        // No cell reads back as something a spreadsheet would evaluate.
        for (const record of parseCsv(csv)) {
          for (const value of record) expect(/^[=+@\t\r\n]/.test(value) || /^-(?!\d)/.test(value)).to.equal(false);
        }
      }),
      { numRuns: 500 },
    );
  });
});
