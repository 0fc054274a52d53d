import { ApiError } from '../api/client';
import type { CatalogAction } from './catalog-api';
import { exportCsv, previewImport, runImport } from './csv-import';

const action = (id: string, over: Partial<CatalogAction> = {}): CatalogAction => ({
  id,
  name: `Action ${id}`,
  group: 'cards',
  channel: 'web',
  value: 100,
  cost: 10,
  validFrom: null,
  validTo: null,
  tags: [],
  attributes: {},
  revision: 1,
  ...over,
});

describe('previewImport', () => {
  it('marks new and updated rows, with what changes', () => {
    const csv =
      'id,name,value,tags,attr.segment\nnew-one,New one,5,a|b,gold\ngold,Action gold,150,,\nsame,Action same,100,,\n';
    const preview = previewImport(csv, [action('gold'), action('same')]);
    expect(preview.fileProblems).toEqual([]);
    expect(preview.rows).toEqual([
      {
        line: 2,
        id: 'new-one',
        kind: 'new',
        input: {
          id: 'new-one',
          name: 'New one',
          value: 5,
          tags: ['a', 'b'],
          attributes: { segment: 'gold' },
        },
      },
      {
        line: 3,
        id: 'gold',
        kind: 'update',
        input: { expectedRevision: 1, value: 150 },
        changes: [{ field: 'value', before: '100', after: '150' }],
      },
      { line: 4, id: 'same', kind: 'unchanged' },
    ]);
  });

  it('lists each line’s problems with the column, and duplicate ids', () => {
    const csv =
      'id;name;value;validFrom;validTo;attributes\nok;Fine;1;;;\nbad id;;abc;2026-05-01;2026-01-01;[1]\nok;Again;2;;;\nshort;x\n';
    const rows = previewImport(csv, []).rows;
    expect(rows[0]!.kind).toBe('new');
    expect(rows[1]).toEqual({
      line: 3,
      id: 'bad id',
      kind: 'invalid',
      problems: [
        { line: 3, field: 'id', message: 'use letters, digits, "-" and "_" only' },
        { line: 3, field: 'name', message: 'is required' },
        { line: 3, field: 'value', message: '"abc" is not a number' },
        { line: 3, field: 'attributes', message: 'must be a JSON object, e.g. {"segment": "gold"}' },
        { line: 3, field: 'validTo', message: 'must not be before "valid from"' },
      ],
    });
    expect(rows[2]).toMatchObject({
      kind: 'invalid',
      problems: [{ line: 4, field: 'id', message: 'appears twice in the file (also on line 2)' }],
    });
    expect(rows[3]).toMatchObject({
      kind: 'invalid',
      problems: [{ line: 5, message: 'has 2 cells, but the first line names 6 columns' }],
    });
  });

  it('reports unknown columns and a missing id column', () => {
    expect(previewImport('id,name,colour\nx,X,red\n', []).ignoredColumns).toEqual(['colour']);
    expect(previewImport('name\nX\n', []).fileProblems[0]!.message).toContain('no id column');
    expect(previewImport('id\n"x\n', []).fileProblems[0]).toEqual({
      line: 2,
      message: expect.stringContaining('never closed'),
    });
  });

  it('needs a name for a new action but not for an update', () => {
    const rows = previewImport('id,cost\ngold,12\nfresh,1\n', [action('gold')]).rows;
    expect(rows[0]).toMatchObject({ kind: 'update', input: { expectedRevision: 1, cost: 12 } });
    expect(rows[1]).toMatchObject({ kind: 'invalid', problems: [{ field: 'name' }] });
  });
});

/** A small seeded generator: the same "random" catalogs on every run. */
function generator(seed: number) {
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const word = () =>
    pick([
      'gold',
      'Ünïcode',
      'a,b',
      'say "hi"',
      'x;y',
      'two\nlines',
      'plain',
      '=SUM(A1)',
      "it's",
      '+1',
      '-x',
      '@cmd',
      "'=quoted",
      "''-5",
    ]);
  return { next, pick, word };
}

describe('export → import round trip', () => {
  it('neutralises formulas in the export, keeps negative amounts numeric, and reads both back as they were', () => {
    const risky = {
      name: '=HYPERLINK("http://evil.example","open")',
      group: '@group',
      channel: '+web',
      value: -5,
      cost: -0.5,
      tags: ['=a', 'b'],
    };
    const catalog = [action('-dash', risky)];
    const text = exportCsv(catalog);
    expect(text.split('\r\n')[1]).toBe(
      `"'-dash","'=HYPERLINK(""http://evil.example"",""open"")","'@group","'+web",-5,-0.5,,,"'=a|b",`,
    );
    expect(previewImport(text, catalog).rows.every((r) => r.kind === 'unchanged')).toBe(true);
    expect(previewImport(text, []).rows[0]).toMatchObject({
      kind: 'new',
      input: { id: '-dash', ...risky },
    });
  });

  it('reads back every exported catalog as the same actions', () => {
    const g = generator(42);
    for (let run = 0; run < 50; run++) {
      const catalog = Array.from({ length: 1 + Math.floor(g.next() * 6) }, (_, i) =>
        action(`a-${run}_${i}`, {
          name: `${g.word()} ${i}`,
          group: g.next() < 0.3 ? null : g.word(),
          channel: g.next() < 0.3 ? null : g.word(),
          value: g.next() < 0.2 ? null : Math.round((g.next() - 0.3) * 1e6) / 100,
          cost: g.next() < 0.2 ? null : g.next() * 1000,
          validFrom: g.next() < 0.5 ? null : '2026-01-01T00:00:00.000Z',
          validTo: g.next() < 0.5 ? null : '2026-06-30T12:30:00.000Z',
          tags: g.next() < 0.5 ? [] : ['one', 'two words'],
          attributes:
            g.next() < 0.5
              ? {}
              : { segment: g.word(), priority: Math.floor(g.next() * 5), nested: { ok: true } },
        }),
      );
      const text = exportCsv(catalog);
      expect(previewImport(text, catalog).rows.every((r) => r.kind === 'unchanged')).toBe(true);
      const fresh = previewImport(text, []).rows;
      expect(fresh.map((r) => (r.kind === 'new' ? r.input : r))).toEqual(
        catalog.map(({ revision: _revision, ...a }) => ({
          ...a,
          validFrom: a.validFrom,
          validTo: a.validTo,
        })),
      );
    }
  });
});

describe('runImport', () => {
  it('writes the new and changed rows in one request, with what it did to strategy versions', async () => {
    const rows = previewImport('id,name\nnew-one,New\ngold,Renamed\nsame,Action same\n', [
      action('gold'),
      action('same'),
    ]).rows;
    const sent: unknown[] = [];
    const done: number[] = [];
    const summary = await runImport(
      rows,
      {
        importActions: async (create, update) => {
          sent.push({ create, update });
          return {
            created: create.length,
            updated: update.length,
            impacts: [
              { versionId: 'v1', effect: 'FOLLOWS', message: 'Cards version 1 (draft) takes the change' },
            ],
          };
        },
      },
      (n) => done.push(n),
    );
    expect(sent).toEqual([
      {
        create: [{ id: 'new-one', name: 'New' }],
        update: [{ id: 'gold', expectedRevision: 1, name: 'Renamed' }],
      },
    ]);
    expect(summary).toEqual({
      created: 1,
      updated: 1,
      failed: [],
      notWritten: 0,
      impacts: ['Cards version 1 (draft) takes the change'],
    });
    expect(done).toEqual([2]);
  });

  it('reports the lines a refused import names; nothing of it was written', async () => {
    const rows = previewImport('id,name\nnew-one,New\ngold,Renamed\nnew-two,Two\n', [action('gold')]).rows;
    const summary = await runImport(
      rows,
      {
        importActions: async () => {
          throw new ApiError('2 actions of the import cannot be written', 'CONFLICT', [
            { field: 'input.create[1].id', message: 'an action with the id "new-two" exists already' },
            { field: 'input.update[0].expectedRevision', message: '"gold" was changed by someone else' },
          ]);
        },
      },
      () => undefined,
    );
    expect(summary).toEqual({
      created: 0,
      updated: 0,
      notWritten: 3,
      impacts: [],
      failed: [
        { line: 4, id: 'new-two', reason: 'an action with the id "new-two" exists already' },
        { line: 3, id: 'gold', reason: '"gold" was changed by someone else' },
      ],
    });
  });
});
