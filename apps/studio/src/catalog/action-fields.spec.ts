import type { CatalogAction } from './catalog-api';
import {
  draftOf,
  editedFields,
  fieldOfDetail,
  parseAmount,
  parseDate,
  parseDraft,
  rebaseDraft,
  updateInput,
  EMPTY_DRAFT,
} from './action-fields';

const gold: CatalogAction = {
  id: 'gold-card',
  name: 'Gold card',
  group: 'cards',
  channel: 'web',
  value: 120,
  cost: 10,
  validFrom: '2026-01-01T00:00:00.000Z',
  validTo: null,
  tags: ['acquisition', 'cards'],
  attributes: { segment: 'gold' },
  revision: 3,
};

describe('action fields', () => {
  it('says what is wrong with each field', () => {
    const { values, errors } = parseDraft({
      ...EMPTY_DRAFT,
      id: 'gold card',
      name: ' ',
      value: '12x',
      validFrom: '2026-05-01',
      validTo: '2026-04-01',
      tags: 'a, b, a',
      attributes: '[1]',
    });
    expect(values).toBeUndefined();
    expect(errors).toEqual({
      id: 'use letters, digits, "-" and "_" only',
      name: 'is required',
      value: '"12x" is not a number',
      validTo: 'must not be before "valid from"',
      tags: 'lists the tag "a" twice',
      attributes: 'must be a JSON object, e.g. {"segment": "gold"}',
    });
    // A tag may not hold a separator: it would not come back the same from a CSV export.
    expect(parseDraft({ ...EMPTY_DRAFT, id: 'x', name: 'X', tags: 'ok, a|b' }).errors).toEqual({
      tags: 'the tag "a|b" contains , ; or |, which separate tags',
    });
  });

  it('parses numbers (with a decimal comma), dates and reserved attribute names', () => {
    expect(parseAmount('12,5')).toEqual({ value: 12.5 });
    expect(parseAmount('')).toEqual({ value: null });
    expect(parseAmount('1e13').error).toBe('must be between -1e12 and 1e12');
    expect(parseDate('2026-02-31').error).toContain('is not a date');
    expect(parseDate('2026-02-03T10:00:00+01:00')).toEqual({ value: '2026-02-03T09:00:00.000Z' });
    expect(
      parseDraft({ ...EMPTY_DRAFT, id: 'x', name: 'X', attributes: '{"value": 1}' }).errors.attributes,
    ).toContain('"value" is taken');
  });

  it('sends only the fields that were edited, with the revision they are based on', () => {
    const draft = { ...draftOf(gold), value: '150' };
    expect(editedFields(gold, draft)).toEqual(['value']);
    expect(updateInput(parseDraft(draft).values!, editedFields(gold, draft), gold.revision)).toEqual({
      expectedRevision: 3,
      value: 150,
    });
  });

  it('puts the edits on top of someone else’s newer version', () => {
    const draft = { ...draftOf(gold), value: '150' };
    const latest = { ...gold, name: 'Gold card (new)', value: 130, revision: 4 };
    expect(rebaseDraft(draft, gold, latest)).toEqual({ ...draftOf(latest), value: '150' });
  });

  it('maps server error fields to columns', () => {
    expect(fieldOfDetail('input.attributes.segment')).toBe('attributes');
    expect(fieldOfDetail('input.tags[1]')).toBe('tags');
    expect(fieldOfDetail('id')).toBe('id');
    expect(fieldOfDetail('input.nothing')).toBeUndefined();
  });
});
