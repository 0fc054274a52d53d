import { Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { GRAPHQL_PATH } from '../common/graphql/graphql-options';

const MESSAGE = 'The server is shutting down; send the request again (another instance will answer it).';

/**
 * The door of the HTTP server for a graceful stop: once closed, every new request is answered 503
 * with `Connection: close` and `Retry-After` before any work is done, while the requests already
 * inside finish; `idle()` says when they have.
 */
@Injectable()
export class RequestGate {
  private closed = false;
  private inFlight = 0;
  private waiters: (() => void)[] = [];

  readonly middleware = (req: Request, res: Response, next: NextFunction): void => {
    if (this.closed) return void refuse(req, res);
    this.inFlight += 1;
    res.once('close', () => {
      this.inFlight -= 1;
      if (this.inFlight === 0) for (const wake of this.waiters.splice(0)) wake();
    });
    next();
  };

  close(): void {
    this.closed = true;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Resolves when no request is in flight, or after `timeoutMs` at the latest. */
  idle(timeoutMs: number): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

function refuse(req: Request, res: Response): void {
  res.setHeader('Connection', 'close');
  res.setHeader('Retry-After', '1');
  const extensions = { code: 'UNAVAILABLE', retryAfterSeconds: 1, retryable: true };
  res
    .status(503)
    .json(
      req.path === GRAPHQL_PATH
        ? { errors: [{ message: MESSAGE, extensions }] }
        : { error: { code: 'UNAVAILABLE', message: MESSAGE } },
    );
}
