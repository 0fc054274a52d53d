import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Request, RequestHandler, Response } from 'express';
import { PinoLogger } from 'nestjs-pino';
import type { ApiKey } from '../api-keys/api-key.entity';
import { inputProblem } from '../common/input-check';
import { badRequest, validationFailed } from '../common/errors';
import type { RequestGate } from '../health/request-gate';
import type { ApiKeyGuard } from './api-key.guard';
import { RestExceptionFilter } from './rest-exception.filter';

/** A REST route served ahead of Express and Nest: the parsed JSON body and the caller's key in, the answer out. */
export type RouteAhead = (body: unknown, apiKey: ApiKey) => Promise<unknown>;

/** The same limit as the JSON body parser of the other routes (app.ts). */
export const BODY_LIMIT_BYTES = 2 * 1024 * 1024;
/** One successful request in this many is logged (every error is). */
export const ACCESS_LOG_SAMPLE = 100;

const JSON_TYPE = /^application\/json\s*(;\s*charset=["']?utf-8["']?\s*)?$/i;
const REQUEST_ID = /^[\w.:-]{1,100}$/;

interface Options {
  /** The Express app that answers every other request (app.getHttpAdapter().getInstance()). */
  express: unknown;
  /** By exact path (no query string), POST only. */
  routes: Record<string, RouteAhead>;
  gate: RequestGate;
  apiKeys: ApiKeyGuard;
  /** The security-headers middleware of every other response; its headers are computed once. */
  securityHeaders: RequestHandler;
}

/**
 * Serves a few hot POST routes (the decision API) straight on Node's HTTP server, ahead of the
 * Express and Nest stack (router, body parser, pino-http, guards, pipes, filters): per request it
 * does only what those routes need, with the same answers. The request gate, the security headers,
 * the request id, the 2 MB JSON body, the input check (unstorable strings, nesting), the API key
 * and its rate limit, and the REST error format are the same code or the same values as elsewhere;
 * access logs are sampled. Anything unusual (a query string, another content type or encoding, a
 * stopping server) goes to Express, which answers it as before.
 */
export function serveRoutesAhead(server: Server, options: Options): void {
  type Listener = (req: IncomingMessage, res: ServerResponse) => void;
  const listeners = server.listeners('request') as Listener[];
  const express = options.express as Listener;
  if (!listeners.includes(express)) throw new Error('the Express app does not serve this HTTP server');
  const routes = new Map(Object.entries(options.routes));
  // Flat [name, value, …] (writeHead takes raw headers so): nothing merged per answer.
  const headers = [
    ...Object.entries(headersOf(options.securityHeaders)).flat(),
    'content-type',
    'application/json; charset=utf-8',
  ];
  const errors = new RestExceptionFilter();
  const log = PinoLogger.root.child({ context: 'RestApi' });
  let served = 0;

  const answer = (
    req: IncomingMessage,
    res: ServerResponse,
    started: number,
    status: number,
    body: unknown,
    retryAfter?: string,
  ) => {
    const json = JSON.stringify(body);
    const header = req.headers['x-request-id'];
    const id = typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
    const head = [...headers, 'x-request-id', id, 'content-length', String(Buffer.byteLength(json))];
    if (retryAfter) head.push('retry-after', retryAfter);
    res.writeHead(status, head);
    res.end(json);
    if (status < 300 && ++served % ACCESS_LOG_SAMPLE !== 0) return;
    const level = status >= 500 ? 'error' : 'info';
    if (!log.isLevelEnabled(level)) return;
    log[level](
      {
        req: { id, method: req.method, url: req.url },
        res: { statusCode: status },
        responseTime: Math.round(performance.now() - started),
        ...(status < 300 && { sampled: ACCESS_LOG_SAMPLE }),
      },
      'request completed',
    );
  };

  const fail = (req: IncomingMessage, res: ServerResponse, started: number, error: unknown) => {
    const { status, body, retryAfter } = errors.answer(error);
    answer(req, res, started, status, body, retryAfter);
  };

  const handle = (req: IncomingMessage, res: ServerResponse, route: RouteAhead, bodyText: string) => {
    const started = performance.now();
    let body: unknown;
    try {
      body = parseBody(bodyText);
    } catch (error) {
      return fail(req, res, started, error);
    }
    const problem = inputProblem(body);
    if (problem) return fail(req, res, started, validationFailed([problem]));
    options.apiKeys
      .authenticate(req.headers)
      .then((key) => route(body, key))
      .then(
        (result) => answer(req, res, started, 200, result),
        (error: unknown) => fail(req, res, started, error),
      );
  };

  const ahead: Listener = (req, res) => {
    const route = req.method === 'POST' ? routes.get(req.url!) : undefined;
    if (!route || !plainJson(req) || options.gate.isClosed) return express(req, res);
    // While the gate is open its middleware only counts the request in flight (res 'close').
    options.gate.middleware(req as Request, res as Response, () => readBody(req, res, route));
  };
  // In Express's place; other listeners (the GraphQL server's connection tracking) stay as they are.
  server.removeAllListeners('request');
  for (const listener of listeners) server.on('request', listener === express ? ahead : listener);

  function readBody(req: IncomingMessage, res: ServerResponse, route: RouteAhead): void {
    const declared = Number(req.headers['content-length'] ?? 0);
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= BODY_LIMIT_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > BODY_LIMIT_BYTES || declared > BODY_LIMIT_BYTES) return tooLarge(req, res);
      handle(req, res, route, chunks.length === 1 ? chunks[0]!.toString() : Buffer.concat(chunks).toString());
    });
    req.on('error', () => res.destroy());
  }

  function tooLarge(req: IncomingMessage, res: ServerResponse): void {
    const { body } = errors.answer(
      badRequest(
        'The request body is larger than 2 MB; send less data in one request (e.g. a smaller batch).',
      ),
    );
    answer(req, res, performance.now(), 413, body);
  }
}

/** JSON in UTF-8 as it came (no Content-Encoding): what the lean path reads; anything else is Express's. */
function plainJson(req: IncomingMessage): boolean {
  const type = req.headers['content-type'];
  const encoding = req.headers['content-encoding'];
  return type !== undefined && JSON_TYPE.test(type) && (!encoding || encoding === 'identity');
}

/** As the JSON body parser (strict): an object or a list, an empty body as `{}`. */
function parseBody(text: string): unknown {
  const start = text.search(/\S/);
  if (start === -1) return {};
  if (text[start] !== '{' && text[start] !== '[')
    throw badRequest('The request body is not valid JSON: it must be an object or a list.');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw badRequest(`The request body is not valid JSON: ${(error as Error).message}.`);
  }
}

/** The headers the middleware sets on a REST answer, computed once (helmet's are the same for every one). */
function headersOf(middleware: RequestHandler): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: unknown) => void (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
    getHeader: (name: string) => headers[name.toLowerCase()],
  };
  let done = false;
  const path = '/api/v1';
  middleware({ method: 'POST', path, url: path, headers: {} } as Request, res as unknown as Response, () => {
    done = true;
  });
  if (!done) throw new Error('the security headers middleware did not finish synchronously');
  return headers;
}
