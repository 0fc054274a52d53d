import { JsonlParser, MAX_ROW_DEPTH } from './jsonl-parser';
import { unstorableText } from './storable-text';
import type { JsonlRecord } from './jsonl-parser';

function parse(parts: string[], maxRowLength?: number): { records: JsonlRecord[]; parser: JsonlParser } {
  const parser = new JsonlParser({ maxRowLength });
  const records: JsonlRecord[] = [];
  for (const p of parts) records.push(...parser.push(p));
  records.push(...parser.end());
  return { records, parser };
}

describe('JsonlParser', () => {
  it('reads one object per line, with LF or CRLF, and a last line without newline', () => {
    const { records } = parse(['{"a":1}\r\n{"a":2,"b":"x"}\n{"a":3}']);
    expect(records).toEqual([
      { line: 1, object: { a: 1 } },
      { line: 2, object: { a: 2, b: 'x' } },
      { line: 3, object: { a: 3 } },
    ]);
  });

  it('gives the same records when split anywhere', () => {
    const text = '{"name":"Zoë","tags":["a","b"]}\n\n{"n":2}\n';
    const whole = parse([text]).records;
    expect(parse([...text]).records).toEqual(whole);
    expect(whole.map((r) => r.line)).toEqual([1, 3]);
  });

  it('skips and counts blank lines', () => {
    expect(parse(['{"a":1}\n   \n\n{"a":2}\n']).parser.blankLines).toBe(2);
  });

  it('makes bad JSON a bad row without quoting the line (it may hold personal data)', () => {
    const { records } = parse(['{"a":1}\n{"email": jane@example.com}\n{"a":3}\n']);
    expect(records[1]).toMatchObject({ line: 2, problem: { kind: 'invalid-json' } });
    expect(records[1]!.problem!.message).not.toContain('jane');
    expect(records[2]).toEqual({ line: 3, object: { a: 3 } });
  });

  it('rejects a line nested more than MAX_ROW_DEPTH levels before anything recurses over it', () => {
    const nested = (levels: number) => `{"a":${'['.repeat(levels - 1)}${']'.repeat(levels - 1)}}`;
    const { records } = parse([`${nested(MAX_ROW_DEPTH)}\n${nested(10_000)}\n{"a":3}\n`]);
    expect(records[0]!.object).toBeDefined();
    expect(records[1]).toEqual({
      line: 2,
      problem: {
        kind: 'too-deep',
        message: `the line nests objects or lists more than ${MAX_ROW_DEPTH} levels deep; flatten it`,
      },
    });
    expect(records[2]).toEqual({ line: 3, object: { a: 3 } });
    // The storability check loops instead of recursing, so it holds at any depth too.
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(unstorableText(deep)).toMatch(/NUL/);
  });

  it('rejects lines that are not objects', () => {
    const { records } = parse(['[1,2]\n"text"\nnull\n42\n']);
    expect(records.map((r) => r.problem?.kind)).toEqual([
      'not-an-object',
      'not-an-object',
      'not-an-object',
      'not-an-object',
    ]);
    expect(records[0]!.problem!.message).toContain('an array');
  });

  it('rejects a line with a key PostgreSQL cannot store (it would become a column name)', () => {
    const { records } = parse(['{"id":"c0"}\n{"g\\u0000old":1}\n{"g\\udc00":1}\n{"\\ud83d\\ude00":1}\n']);
    expect(records.map((r) => r.problem?.kind)).toEqual([undefined, 'encoding', 'encoding', undefined]);
    expect(records[1]!.problem!.message).toContain('"g\\u0000old"');
  });

  it('skips an over-long line without holding it', () => {
    const { records } = parse(['{"a":"', 'x'.repeat(100), '"}\n{"a":1}\n'], 50);
    expect(records[0]).toMatchObject({ line: 1, problem: { kind: 'too-long' } });
    expect(records[1]).toEqual({ line: 2, object: { a: 1 } });
  });
});
