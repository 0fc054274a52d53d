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

/**
 * A check result as sent to the page: the problems or the run left out when they read the same as in
 * the result sent before, so that the page neither copies them again nor draws them again while an
 * edit changes neither (typing a value the test customer fails either way).
 */
export interface CheckAnswer extends Omit<CheckResult, 'problems' | 'outcome'> {
  problems?: ValidationProblem[];
  outcome?: RunOutcome;
  /** The problems are those of the previous answer. */
  sameProblems?: true;
  /** The run is that of the previous answer. */
  sameOutcome?: true;
}

/** Shortens each result against the one before, on the checking side (the worker). */
export class AnswerWriter {
  private problems: string | undefined;
  private outcome: string | undefined;

  write(result: CheckResult): CheckAnswer {
    const problems = JSON.stringify(result.problems);
    const outcome = JSON.stringify(result.outcome ?? null);
    const answer: CheckAnswer = { id: result.id, follow: result.follow };
    if (problems === this.problems) answer.sameProblems = true;
    else answer.problems = result.problems;
    if (outcome === this.outcome) answer.sameOutcome = true;
    else answer.outcome = result.outcome;
    this.problems = problems;
    this.outcome = outcome;
    return answer;
  }
}

/** Fills an answer in from the one before, on the page: what did not change is the same object. */
export class AnswerReader {
  private last: CheckResult | undefined;

  read(answer: CheckAnswer): CheckResult {
    const { sameProblems, sameOutcome, ...rest } = answer;
    const result: CheckResult = {
      ...rest,
      problems: (sameProblems ? this.last?.problems : answer.problems) ?? [],
      outcome: sameOutcome ? this.last?.outcome : answer.outcome,
    };
    this.last = result;
    return result;
  }
}
