import type { StrategyEnvironment } from '@arbiter/engine';
import { AnswerWriter, runChecks, type CheckRequest } from './run-checks';

/** Messages the editor sends to its checks worker. */
export type CheckerMessage =
  { kind: 'environment'; env: StrategyEnvironment } | ({ kind: 'check' } & CheckRequest);

// Validation and the live test run here, off the page's main thread: on a large strategy they take
// longer than a frame, and typing must not wait for them.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<CheckerMessage>) => void) | null;
  postMessage(message: unknown): void;
};
let env: StrategyEnvironment = {};
const answers = new AnswerWriter();
scope.onmessage = (event) => {
  const message = event.data;
  if (message.kind === 'environment') env = message.env;
  else scope.postMessage(answers.write(runChecks(message, env)));
};
