import { EXAMPLES, exampleEnvironment } from '@arbiter/engine/examples';
import { checkTestCases, TestCaseStore, type TestCase } from './test-cases';

const example = EXAMPLES[0]!;

describe('saved test cases', () => {
  const cases: TestCase[] = example.sampleInputs.map((s, i) => ({
    id: String(i),
    name: s.name,
    input: s.input,
    expectedTopAction: s.expectedTopAction ?? null,
  }));

  it('pass on the example strategy and fail when a change breaks them', () => {
    expect(checkTestCases(example.document, exampleEnvironment(example), cases).every((r) => r.passed)).toBe(
      true,
    );
    const noRetention = {
      ...example.document,
      nodes: example.document.nodes.map((n) =>
        n.id === 'catalog' ? { ...n, config: { groups: ['upsell', 'service'] } } : n,
      ),
    };
    const results = checkTestCases(noRetention, exampleEnvironment(example), cases);
    const failed = results.filter((r) => !r.passed);
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0]!.message).toMatch(/expected “Call from a loyalty specialist”/);
  });

  it('are kept per strategy', () => {
    const data = new Map<string, string>();
    const store = new TestCaseStore({
      getItem: (k) => data.get(k) ?? null,
      setItem: (k, v) => void data.set(k, v),
    });
    store.save('s1', cases.slice(0, 2));
    expect(store.list('s1')).toHaveLength(2);
    expect(store.list('s2')).toEqual([]);
  });
});
