import fc from 'fast-check';
import WebSocket from 'ws';
import { deepJson, POISON } from './bad-values';
import type { FuzzCase } from './fuzz-case';
import type { FuzzWorld } from './fuzz-world';

/** What one graphql-ws session saw: how it ended and the messages received. */
export interface SocketOutcome {
  ended: string;
  closeCode?: number;
  messages: string[];
}

/**
 * Opens a graphql-ws session, sends `connection_init` (when the first frame is one) and waits for
 * the answer, then sends the other frames and listens for `ms` (answers to bad input come at once).
 */
export function runSocket(url: string, frames: string[], ms = 400): Promise<SocketOutcome> {
  return new Promise((resolve) => {
    const messages: string[] = [];
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', {
      maxPayload: 10 * 1024 * 1024,
    });
    let timer: NodeJS.Timeout | undefined;
    const end = (ended: string, closeCode?: number) => {
      clearTimeout(timer);
      ws.removeAllListeners();
      ws.on('error', () => undefined);
      ws.terminate();
      resolve({ ended, closeCode, messages });
    };
    const listen = () => (timer = setTimeout(() => end('listened'), ms));
    const [first, ...rest] = frames;
    const initFirst = !!first && first.includes('"connection_init"');
    ws.on('open', () => {
      if (!initFirst) {
        for (const f of frames) ws.send(f);
        listen();
        return;
      }
      ws.send(first);
      timer = setTimeout(() => end('no connection_ack'), 5_000);
    });
    ws.on('message', (data) => {
      const text = String(data);
      messages.push(text);
      if (initFirst && text.includes('"connection_ack"') && messages.length === 1) {
        clearTimeout(timer);
        for (const f of rest) ws.send(f);
        listen();
      }
    });
    ws.on('close', (code, reason) => end(`closed ${code} ${String(reason)}`, code));
    ws.on('error', (error) => end(`error: ${error.message}`));
  });
}

const PROGRESS = 'subscription($id: ID!) { simulationProgress(id: $id) { status } }';

/**
 * Subscriptions over graphql-ws (the studio follows simulations this way): bad tokens, bad
 * variables, malformed protocol messages. The session may be refused (4400, 4401, 4403, …) or
 * answer errors with a code, but never close with 1011 (internal error) or carry INTERNAL, and the
 * process lives on.
 */
export function socketCases(w: FuzzWorld): fc.Arbitrary<FuzzCase> {
  const init = (auth: unknown) =>
    JSON.stringify({ type: 'connection_init', payload: auth === undefined ? {} : { authorization: auth } });
  const subscribe = (variables: unknown, query = PROGRESS) =>
    JSON.stringify({ id: '1', type: 'subscribe', payload: { query, variables } });
  const inits: [string, string][] = [
    ['no token', init(undefined)],
    ['a bad token', init('Bearer not-a-token')],
    ['a number as the token', init(42)],
    ['an API key as the token', init(`Bearer ${w.apiKey}`)],
    ['the admin', init(`Bearer ${w.adminToken}`)],
    ['a deep init payload', `{"type":"connection_init","payload":${deepJson(20_000, 'object')}}`],
  ];
  const messages: fc.Arbitrary<[string, string]> = fc.oneof(
    fc.constant<[string, string]>([
      'an unknown simulation',
      subscribe({ id: '00000000-0000-4000-8000-00000000b001' }),
    ]),
    fc
      .constantFrom(...POISON)
      .map((p): [string, string] => [
        `U+${p.charCodeAt(0).toString(16).padStart(4, '0')} in the id`,
        subscribe({ id: `a${p}b` }),
      ]),
    fc.constant<[string, string]>(['an object as the id', subscribe({ id: { a: 1 } })]),
    fc.constant<[string, string]>(['no variables', subscribe(undefined)]),
    fc.constant<[string, string]>([
      'variables nested 40,000 deep',
      `{"id":"1","type":"subscribe","payload":{"query":${JSON.stringify(PROGRESS)},"variables":{"id":${deepJson(40_000, 'array')}}}}`,
    ]),
    fc.constant<[string, string]>([
      'a query over the socket',
      subscribe({}, '{ verifyAuditChain { valid } }'),
    ]),
    fc.constant<[string, string]>([
      'a mutation with NUL over the socket',
      subscribe(
        { i: { id: 'ws\u0000', name: 'x' } },
        'mutation($i: CreateActionInput!) { createAction(input: $i) { id } }',
      ),
    ]),
    fc.constant<[string, string]>(['not JSON', '{"id": "1", "type": ']),
    fc.constant<[string, string]>([
      'an unknown message type',
      JSON.stringify({ type: 'explode', payload: 1 }),
    ]),
    fc.constant<[string, string]>(['a second connection_init', init('Bearer x')]),
    fc.constant<[string, string]>(['a 3 MB message', subscribe({ id: 'x'.repeat(3_000_000) })]),
  );
  return fc
    .record({ init: fc.constantFrom(...inits), message: messages, skipInit: fc.boolean() })
    .map(({ init: [initNote, initFrame], message: [note, frame], skipInit }) => ({
      target: 'graphql-ws simulationProgress',
      kind: 'socket' as const,
      note: skipInit ? `${note}, without connection_init` : `${note} (init: ${initNote})`,
      request: { method: 'GET' as const, path: '/graphql' },
      socket: skipInit ? [frame] : [initFrame, frame],
      expect: { status: [], codes: [] },
    }));
}

/** Why a session's outcome breaks the rules, if it does. */
export function judgeSocket(outcome: SocketOutcome): string | undefined {
  if (outcome.closeCode === 1011) return `closed with 1011 (internal error): ${outcome.ended}`;
  if (outcome.ended.startsWith('error:') && !/ECONNRESET|socket hang up/.test(outcome.ended))
    return `socket ${outcome.ended}`;
  const internal = outcome.messages.find((m) => /"code":"INTERNAL(_SERVER_ERROR)?"/.test(m));
  if (internal) return `INTERNAL in ${internal.slice(0, 300)}`;
  for (const text of outcome.messages) {
    let message: { type?: string; payload?: unknown };
    try {
      message = JSON.parse(text) as typeof message;
    } catch {
      return `a message that is not JSON: ${text.slice(0, 300)}`;
    }
    const errors =
      message.type === 'error'
        ? message.payload
        : message.type === 'next'
          ? (message.payload as { errors?: unknown })?.errors
          : undefined;
    if (
      Array.isArray(errors) &&
      errors.some((e: { extensions?: { code?: unknown } }) => typeof e?.extensions?.code !== 'string')
    )
      return `an error without extensions.code: ${text.slice(0, 300)}`;
  }
  return undefined;
}
