import { patchAt, replaceAt } from './list-edits';

describe('list edits', () => {
  const list = [{ n: 1 }, { n: 2 }, { n: 3 }];

  it('replaces or removes the item at an index, leaving the list as it was', () => {
    expect(replaceAt(list, 1, { n: 9 })).toEqual([{ n: 1 }, { n: 9 }, { n: 3 }]);
    expect(replaceAt(list, 1, undefined)).toEqual([{ n: 1 }, { n: 3 }]);
    expect(list).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
  });

  it('patches the item at an index, or removes it without a patch', () => {
    expect(patchAt([{ a: 1, b: 2 }], 0, { b: 5 })).toEqual([{ a: 1, b: 5 }]);
    expect(patchAt(list, 0, undefined)).toEqual([{ n: 2 }, { n: 3 }]);
  });
});
