import {
  validateStrategy,
  type DecisionInput,
  type StrategyDocument,
  type StrategyEnvironment,
  type ValidationProblem,
} from '@arbiter/engine';
import { runStrategy, type RunOutcome } from '../test-panel/run-strategy';

export interface CheckRequest {
  id: number;
  doc: StrategyDocument;
  /** The test customer when the live test is on. */
  input?: DecisionInput;
  /** The action whose full story the live test tells. */
  follow?: string;
}

export interface CheckResult {
  id: number;
  problems: ValidationProblem[];
  outcome?: RunOutcome;
  /** The action the outcome's trace follows. */
  follow?: string;
}

/** What the editor shows for one version of the draft: its problems and, with the live test on, its run. */
export function runChecks(request: CheckRequest, env: StrategyEnvironment): CheckResult {
  const problems = validateStrategy(request.doc, env).problems;
  const outcome = request.input
    ? runStrategy(request.doc, env, request.input, request.follow ? [request.follow] : undefined)
    : undefined;
  return { id: request.id, problems, outcome, follow: request.follow };
}
