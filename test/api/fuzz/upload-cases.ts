import fc from 'fast-check';
import { deepJson, plainText, POISON, poisonInto } from './bad-values';
import type { HttpRequest } from './fuzz-api';
import type { Expectation, FuzzCase } from './fuzz-case';
import type { FuzzWorld } from './fuzz-world';

const upload = (
  w: FuzzWorld,
  query: string,
  headers: Record<string, string>,
  body: string | Buffer,
): HttpRequest => ({
  method: 'POST',
  path: `/api/v1/datasets?${query}`,
  headers: { 'content-type': 'text/csv', authorization: `Bearer ${w.adminToken}`, ...headers },
  body,
});

/** Refused before anything is imported. */
const REFUSED: Expectation = { status: [400], codes: ['VALIDATION_FAILED'] };
/** A file with bad rows is imported without them (each reported) or refused as a whole. */
const IMPORTED_OR_REFUSED: Expectation = {
  status: [201, 400, 413],
  codes: ['OK', 'BAD_REQUEST', 'VALIDATION_FAILED'],
};

const escapeJsonText = (s: string) => JSON.stringify(s).slice(1, -1);

/**
 * Dataset uploads: poison in the name, the mapping header (values and keys), the CSV and the
 * JSON-lines content; deep JSON-lines rows; wide and long files; wrong formats and ids.
 */
export function uploadCases(w: FuzzWorld): fc.Arbitrary<FuzzCase> {
  const poison = fc.constantFrom(...POISON);
  const c = (note: string, request: HttpRequest, expect: Expectation): FuzzCase => ({
    target: 'POST /api/v1/datasets',
    kind: 'upload',
    note,
    request,
    expect,
  });
  const csv = 'id,age,segment\nc1,30,gold\nc2,41,silver\n';
  return fc.oneof(
    // The name (query string): percent-encoded NUL; a lone surrogate cannot be valid UTF-8, so its bytes arrive as U+FFFD or raw.
    fc
      .tuple(plainText(6), fc.constantFrom('%00', '%ED%A0%80', '%C0%80', '%', '%FF'))
      .map(([t, bad]) =>
        c(
          `name with ${bad}`,
          upload(w, `name=${encodeURIComponent(t)}${bad}`, {}, csv),
          bad === '%00' ? REFUSED : { status: [201, 400], codes: ['OK', 'VALIDATION_FAILED', 'BAD_REQUEST'] },
        ),
      ),
    // The mapping header: JSON text (ASCII, poison escaped), poison in a value or a key.
    fc
      .record({
        p: poison,
        at: fc.nat(),
        inKey: fc.boolean(),
        field: fc.constantFrom('customerId', 'outcome', 'fields', 'fieldNames', 'personal', 'segmentColumns'),
      })
      .map(({ p, at, inKey, field }) => {
        const bad = poisonInto('age', p, at);
        const mapping: Record<string, unknown> =
          field === 'fields' || field === 'segmentColumns'
            ? { [field]: [bad] }
            : field === 'fieldNames'
              ? { fieldNames: inKey ? { [bad]: 'age' } : { age: bad } }
              : field === 'personal'
                ? { personal: inKey ? { [bad]: 'hash' } : { age: bad } }
                : { [field]: bad };
        return c(
          `U+${p.charCodeAt(0).toString(16).padStart(4, '0')} in mapping.${field}${inKey ? ' (key)' : ''}`,
          upload(w, 'name=fuzz-mapping', { 'x-dataset-mapping': JSON.stringify(mapping) }, csv),
          REFUSED,
        );
      }),
    fc
      .constantFrom<[string, string]>(
        ['mapping not JSON', '{"customerId": '],
        ['mapping an array', '[1, 2]'],
        ['mapping wrong types', '{"customerId": 5, "fields": "age", "outcomeKind": "maybe"}'],
        [
          'mapping with 2,001 fields',
          JSON.stringify({ fields: Array.from({ length: 2_001 }, (_, i) => `c${i}`) }),
        ],
        ['mapping nested 3,000 deep', `{"fieldNames": ${deepJson(3_000, 'object')}}`],
      )
      .map(([note, header]) =>
        c(note, upload(w, 'name=fuzz-mapping', { 'x-dataset-mapping': header }, csv), {
          status: [400, 431],
          codes: ['VALIDATION_FAILED', 'HEADERS_TOO_LARGE'],
        }),
      ),
    fc
      .constantFrom<[string, string, Record<string, string>, string | Buffer, Expectation]>(
        ['unknown format', 'name=fuzz&format=xml', {}, csv, REFUSED],
        ['X-Dataset-Id not a UUID', 'name=fuzz', { 'x-dataset-id': 'not-a-uuid' }, csv, REFUSED],
        [
          'X-Dataset-Id already taken',
          'name=fuzz',
          { 'x-dataset-id': w.datasetId },
          csv,
          { status: [409], codes: ['CONFLICT'] },
        ],
        ['no name', 'format=csv', {}, csv, REFUSED],
        [
          'name an array',
          'name=a&name=b',
          {},
          csv,
          { status: [201, 400], codes: ['OK', 'VALIDATION_FAILED'] },
        ],
        ['name an object', 'name[a]=b', {}, csv, REFUSED],
        [
          'sent as application/json',
          'name=fuzz',
          { 'content-type': 'application/json' },
          '{"id": 1}',
          { status: [400], codes: ['BAD_REQUEST', 'VALIDATION_FAILED'] },
        ],
        ['empty file', 'name=fuzz', {}, '', { status: [400], codes: ['BAD_REQUEST', 'VALIDATION_FAILED'] }],
        [
          'binary garbage',
          'name=fuzz',
          { 'content-type': 'application/octet-stream' },
          Buffer.from(Array.from({ length: 4_096 }, (_, i) => (i * 7919) % 256)),
          IMPORTED_OR_REFUSED,
        ],
      )
      .map(([note, query, headers, body, expect]) => c(note, upload(w, query, headers, body), expect)),
    // CSV content: poison in a cell or a header, invalid UTF-8.
    fc.record({ p: poison, at: fc.nat(), inHeader: fc.boolean() }).map(({ p, at, inHeader }) => {
      const bad = poisonInto('gold', p, at);
      const text = inHeader
        ? `id,age,${bad}\nc1,30,x\nc2,41,y\n`
        : `id,age,segment\nc1,30,${bad}\nc2,41,silver\n`;
      return c(
        `U+${p.charCodeAt(0).toString(16).padStart(4, '0')} in a CSV ${inHeader ? 'header' : 'cell'}`,
        upload(w, 'name=fuzz-csv', {}, text),
        IMPORTED_OR_REFUSED,
      );
    }),
    fc.constant(
      c(
        'invalid UTF-8 in a CSV cell',
        upload(
          w,
          'name=fuzz-csv',
          {},
          Buffer.concat([
            Buffer.from('id,name\nc1,'),
            Buffer.from([0xed, 0xa0, 0x80, 0xc0, 0x80, 0xff]),
            Buffer.from('\n'),
          ]),
        ),
        IMPORTED_OR_REFUSED,
      ),
    ),
    // JSON lines: poison as JSON escapes in values and keys; deep rows; rows of the wrong type.
    fc.record({ p: poison, at: fc.nat(), inKey: fc.boolean() }).map(({ p, at, inKey }) => {
      const bad = escapeJsonText(poisonInto('gold', p, at));
      const row = inKey ? `{"id": "c1", "${bad}": 1}` : `{"id": "c1", "segment": "${bad}"}`;
      return c(
        `U+${p.charCodeAt(0).toString(16).padStart(4, '0')} in a JSON-lines ${inKey ? 'key' : 'value'}`,
        upload(
          w,
          'name=fuzz-jsonl&format=jsonl',
          { 'content-type': 'application/x-ndjson' },
          `{"id": "c0", "segment": "gold"}\n${row}\n`,
        ),
        IMPORTED_OR_REFUSED,
      );
    }),
    fc
      .constantFrom(3_000, 10_000, 40_000)
      .map((n) =>
        c(
          `a JSON-lines row nested ${n} deep`,
          upload(
            w,
            'name=fuzz-jsonl&format=jsonl',
            { 'content-type': 'application/x-ndjson' },
            `{"id": "c0"}\n{"id": "c1", "deep": ${deepJson(n, 'object')}}\n`,
          ),
          IMPORTED_OR_REFUSED,
        ),
      ),
    fc
      .constantFrom('[1, 2]', '"text"', '42', 'null', '{"id": ', '{"id": 1e400}')
      .map((row) =>
        c(
          `a JSON-lines row ${row}`,
          upload(
            w,
            'name=fuzz-jsonl&format=jsonl',
            { 'content-type': 'application/x-ndjson' },
            `{"id": "c0"}\n${row}\n`,
          ),
          IMPORTED_OR_REFUSED,
        ),
      ),
    // Big: many columns (over the 2,000 limit, or just under it with many rows), a long cell. One branch, so they stay rare.
    fc.constantFrom(
      ...[5_000, 20_000].map((n) =>
        c(
          `${n} columns`,
          upload(
            w,
            'name=fuzz-wide',
            {},
            `id,${Array.from({ length: n }, (_, i) => `c${i}`).join(',')}\nr1,${Array.from({ length: n }, (_, i) => i).join(',')}\n`,
          ),
          IMPORTED_OR_REFUSED,
        ),
      ),
      c(
        '1,999 columns × 1,000 rows',
        upload(
          w,
          'name=fuzz-wide-long',
          {},
          `id,${Array.from({ length: 1_999 }, (_, i) => `c${i}`).join(',')}\n${Array.from({ length: 1_000 }, (_, r) => `r${r},${Array.from({ length: 1_999 }, (_, i) => (i * r) % 97).join(',')}`).join('\n')}\n`,
        ),
        IMPORTED_OR_REFUSED,
      ),
      c(
        'a 2 MB cell',
        upload(w, 'name=fuzz-long', {}, `id,note\nr1,${'x'.repeat(2_000_000)}\n`),
        IMPORTED_OR_REFUSED,
      ),
    ),
  );
}
