import type { DecisionInput, StrategyDocument, StrategyEnvironment } from '@arbiter/engine';
import type { CheckerMessage } from './checks.worker';
import {
  AnswerReader,
  AnswerWriter,
  runChecks,
  type CheckAnswer,
  type CheckRequest,
  type CheckResult,
} from './run-checks';

/**
 * Checks the draft in a Web Worker, one request at a time: while one runs, only the latest document
 * waits, so a burst of keystrokes costs one check after it, not one per key. Where workers are
 * missing (tests in jsdom) or the worker fails, the same checks run on the page after a tick.
 * What did not change since the previous result (its problems, its run) is handed on as the same
 * object, so the page draws nothing again for it.
 */
export class StrategyChecker {
  private worker: Worker | undefined;
  private env: StrategyEnvironment = {};
  private nextId = 1;
  private running: CheckRequest | undefined;
  private waiting: CheckRequest | undefined;
  /** Reads the worker's answers, every one in order (each is written against the one before). */
  private reader = new AnswerReader();
  /** Checks on the page, when there is no worker. */
  private writer = new AnswerWriter();

  constructor(private readonly onResult: (result: CheckResult, request: CheckRequest) => void) {
    if (typeof Worker === 'undefined') return;
    try {
      this.worker = new Worker(new URL('./checks.worker.ts', import.meta.url), { type: 'module' });
      this.worker.onmessage = (event: MessageEvent<CheckAnswer>) => this.finished(event.data);
      this.worker.onerror = () => this.fallBack();
    } catch {
      this.worker = undefined;
    }
  }

  setEnvironment(env: StrategyEnvironment): void {
    this.env = env;
    this.post({ kind: 'environment', env });
  }

  /** Asks for a check of this document; returns the id its result will carry. */
  check(doc: StrategyDocument, input: DecisionInput | undefined, follow?: string): number {
    this.waiting = { id: this.nextId++, doc, input, follow };
    if (this.running === undefined) this.startWaiting();
    return this.waiting?.id ?? this.running!.id;
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.waiting = undefined;
  }

  private startWaiting(): void {
    const request = this.waiting;
    if (!request) return;
    this.waiting = undefined;
    this.running = request;
    if (this.worker) this.post({ kind: 'check', ...request });
    else setTimeout(() => this.finished(this.writer.write(runChecks(request, this.env))), 0);
  }

  private finished(answer: CheckAnswer): void {
    const result = this.reader.read(answer);
    const request = this.running;
    if (result.id !== request?.id) return;
    this.running = undefined;
    this.onResult(result, request);
    this.startWaiting();
  }

  private post(message: CheckerMessage): void {
    try {
      this.worker?.postMessage(message);
    } catch {
      this.fallBack();
    }
  }

  /** The worker could not start or crashed: check on the page from now on, the request in flight too. */
  private fallBack(): void {
    this.worker?.terminate();
    this.worker = undefined;
    // The page writes and reads its own answers from now on, from scratch.
    this.reader = new AnswerReader();
    this.writer = new AnswerWriter();
    this.waiting ??= this.running;
    this.running = undefined;
    this.startWaiting();
  }
}
