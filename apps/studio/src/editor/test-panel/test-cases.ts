import type { DecisionInput, StrategyDocument, StrategyEnvironment } from '@arbiter/engine';
import { decideEach } from './run-strategy';

/** A saved sample customer with the action the strategy should recommend first (null: nothing). */
export interface TestCase {
  id: string;
  name: string;
  input: DecisionInput;
  expectedTopAction: string | null;
}

export interface TestCaseResult {
  testCase: TestCase;
  passed: boolean;
  actual: string | null | undefined;
  message: string;
}

/** Runs every saved test case against a document (one compilation, no trace): the check after each save. */
export function checkTestCases(
  doc: StrategyDocument,
  env: StrategyEnvironment,
  cases: readonly TestCase[],
): TestCaseResult[] {
  const inputs = cases.map((c) => c.input);
  const outcomes = decideEach(doc, env, inputs);
  const names = new Map((env.actions ?? []).map((a) => [a.id, a.name]));
  return cases.map((testCase, i) => {
    const outcome = outcomes[i]!;
    if (!outcome.ok) return { testCase, passed: false, actual: undefined, message: outcome.message };
    const actual = outcome.result.recommendations[0]?.actionId ?? null;
    const passed = actual === testCase.expectedTopAction;
    const words = (id: string | null) => (id === null ? 'nothing' : `“${names.get(id) ?? id}”`);
    return {
      testCase,
      passed,
      actual,
      message: passed
        ? `recommends ${words(actual)} first, as expected`
        : `recommends ${words(actual)} first, expected ${words(testCase.expectedTopAction)}`,
    };
  });
}

/**
 * Test cases are kept per strategy in this browser until the API stores them.
 */
export class TestCaseStore {
  constructor(private readonly storage: Pick<Storage, 'getItem' | 'setItem'> = window.localStorage) {}

  private key(strategyId: string) {
    return `arbiter.testCases.${strategyId}`;
  }

  list(strategyId: string): TestCase[] {
    try {
      const parsed = JSON.parse(this.storage.getItem(this.key(strategyId)) ?? '[]') as unknown;
      return Array.isArray(parsed) ? (parsed as TestCase[]) : [];
    } catch {
      return [];
    }
  }

  save(strategyId: string, cases: readonly TestCase[]): void {
    this.storage.setItem(this.key(strategyId), JSON.stringify(cases));
  }
}
