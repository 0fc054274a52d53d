import { PeopleDirectory, type PeopleLookup } from './people';

const ANA = '11111111-1111-4111-8111-111111111111';
const BEN = '22222222-2222-4222-8222-222222222222';

describe('PeopleDirectory', () => {
  it('asks once per id, only for user ids, and falls back to a short id', async () => {
    const asked: string[][] = [];
    const lookup: PeopleLookup = async (ids) => {
      asked.push(ids);
      return ids.includes(ANA) ? [{ id: ANA, displayName: 'Ana Analyst' }] : [];
    };
    const people = new PeopleDirectory(lookup);
    let changes = 0;
    people.subscribe(() => (changes += 1));
    expect(people.name(ANA)).toBe('user 11111111');

    await people.load([ANA, BEN, ANA, 'not-a-user-id']);
    await people.load([ANA, BEN]);
    expect(asked).toEqual([[ANA, BEN]]);
    expect(changes).toBe(1);
    expect(people.name(ANA)).toBe('Ana Analyst');
    expect(people.name(BEN)).toBe('user 22222222');
  });

  it('keeps short ids when the lookup fails', async () => {
    const people = new PeopleDirectory(async () => {
      throw new Error('offline');
    });
    await people.load([ANA]);
    expect(people.name(ANA)).toBe('user 11111111');
  });
});
