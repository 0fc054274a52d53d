import { startTransition, useEffect, useRef, useState } from 'react';
import type {
  DecisionInput,
  StrategyDocument,
  StrategyEnvironment,
  ValidationProblem,
} from '@arbiter/engine';
import type { RunOutcome } from '../test-panel/run-strategy';
import type { CheckRequest, CheckResult } from './run-checks';
import { StrategyChecker } from './strategy-checker';

/** Pause after the last edit before checking again: typing a value is one check, not one per key. */
export const CHECK_DELAY_MS = 150;

export interface StrategyChecks {
  /** The problems of the latest document checked; undefined until the first check is done. */
  problems: ValidationProblem[] | undefined;
  /** The live test of the latest document checked; undefined when the test is off. */
  outcome: RunOutcome | undefined;
  /** The action whose full story the outcome's trace tells. */
  followed: string | undefined;
  /** True while the document shown is newer than the one the problems and the test belong to. */
  checking: boolean;
}

/** A check's result, with what it checked. */
interface Checked {
  result: CheckResult;
  request: CheckRequest;
  env: StrategyEnvironment;
}

/** Validation and the live test of the draft, run off the main thread and after a pause in typing. */
export function useStrategyChecks(
  doc: StrategyDocument,
  env: StrategyEnvironment,
  input: DecisionInput | undefined,
  follow?: string,
): StrategyChecks {
  const [checked, setChecked] = useState<Checked>();
  const [checker, setChecker] = useState<StrategyChecker>();
  /** The environment each check in flight was asked with. */
  const envs = useRef(new Map<number, StrategyEnvironment>());
  const first = useRef(true);
  useEffect(() => {
    const created = new StrategyChecker((result, request) => {
      const checkedEnv = envs.current.get(result.id) ?? {};
      envs.current.delete(result.id);
      // Not urgent: a key typed meanwhile is drawn first; what the result leaves the same is not drawn again.
      startTransition(() => setChecked({ result, request, env: checkedEnv }));
    });
    setChecker(created);
    return () => created.dispose();
  }, []);
  useEffect(() => checker?.setEnvironment(env), [checker, env]);
  useEffect(() => {
    if (!checker) return;
    const run = () => {
      // Only the latest request can still be answered; earlier ones are dropped.
      envs.current.clear();
      envs.current.set(checker.check(doc, input, follow), env);
    };
    // The first check runs at once; later ones wait for a pause in the edits.
    if (first.current) {
      first.current = false;
      run();
      return;
    }
    const timer = setTimeout(run, CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [checker, doc, env, input, follow]);
  const request = checked?.request;
  return {
    problems: checked?.result.problems,
    outcome: input ? checked?.result.outcome : undefined,
    followed: checked?.result.follow,
    // Derived, not kept: a key typed draws the editor once, not once more to say "checking".
    checking:
      request === undefined ||
      request.doc !== doc ||
      request.input !== input ||
      request.follow !== follow ||
      checked?.env !== env,
  };
}
