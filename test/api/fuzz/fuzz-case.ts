import { shortText } from './bad-values';
import type { HttpRequest, HttpResponse } from './fuzz-api';

/** The classes of input the suite sends; the figures are counted per class. */
export type CaseKind =
  | 'unstorable-value'
  | 'unstorable-key'
  | 'wrong-type'
  | 'bad-variables'
  | 'deep'
  | 'boundary'
  | 'huge'
  | 'malformed'
  | 'wrong-auth'
  | 'rate-limit'
  | 'not-found'
  | 'expensive'
  | 'upload'
  | 'socket'
  | 'good';

/**
 * What a case may be answered: HTTP statuses and codes (`OK` for a success, else the REST
 * `error.code` or every GraphQL `extensions.code`). Anything else fails the case, and so do, for
 * every case: a 5xx, INTERNAL, a stack trace, no answer, or VALIDATION_FAILED without details.
 */
export interface Expectation {
  status: number[];
  codes: string[];
}

/** What the run remembers for the checks at the end. */
export interface RunState {
  /** decisionId → how many 200 answers carried it (must be 1, and one decision_log row each). */
  answeredDecisions: Map<string, number>;
  /** Decisions with their returned actions, for good outcomes. */
  recentDecisions: { decisionId: string; customerId: string; actionIds: string[] }[];
  goodActions: Map<string, { name: string; value: number }>;
  goodComments: Map<string, string>;
  goodOutcomes: Set<string>;
  goodDatasets: Map<string, number>;
}

export const newRunState = (): RunState => ({
  answeredDecisions: new Map(),
  recentDecisions: [],
  goodActions: new Map(),
  goodComments: new Map(),
  goodOutcomes: new Set(),
  goodDatasets: new Map(),
});

export interface FuzzCase {
  /** e.g. `POST /api/v1/decisions` or `graphql createAction`. */
  target: string;
  kind: CaseKind;
  /** What was done to the valid input, in words (for the reproducer). */
  note: string;
  request: HttpRequest | ((state: RunState) => HttpRequest | undefined);
  expect: Expectation;
  /** The answer decides (REST decisions, GraphQL decide): its decisionIds are counted. */
  decides?: boolean;
  /** Sent several times at once (rate limits). */
  burst?: number;
  /** Instead of the request: frames of a graphql-ws session on /graphql (the first may be connection_init). */
  socket?: string[];
  /** Called with a successful answer: remember what was written. */
  remember?: (body: unknown, state: RunState) => void;
}

export const INTERNAL_CODES = new Set(['INTERNAL', 'INTERNAL_SERVER_ERROR']);
const STACK_TRACE = /\n\s+at .+:\d+:\d+\)?/;

export interface Verdict {
  codes: string[];
  failure?: string;
  body?: unknown;
}

interface RestBody {
  error?: { code?: string; details?: unknown };
}
interface GqlBody {
  data?: unknown;
  errors?: { extensions?: { code?: string; details?: unknown } }[];
}

const hasDetails = (d: unknown) => Array.isArray(d) && d.length > 0;

/** Judges one answer against the expectation and the rules every answer must keep. */
export function judge(c: FuzzCase, res: HttpResponse): Verdict {
  let body: unknown;
  try {
    body = res.text ? JSON.parse(res.text) : undefined;
  } catch {
    body = undefined;
  }
  const graphql = c.target.startsWith('graphql');
  let codes: string[];
  let missingDetails: boolean;
  if (graphql) {
    const b = (body ?? {}) as GqlBody;
    codes = b.errors?.length
      ? b.errors.map((e) => e.extensions?.code ?? 'NO_CODE')
      : b.data
        ? ['OK']
        : ['NO_BODY'];
    missingDetails = !!b.errors?.some(
      (e) => e.extensions?.code === 'VALIDATION_FAILED' && !hasDetails(e.extensions.details),
    );
  } else {
    const b = (body ?? {}) as RestBody;
    codes =
      res.status < 300 ? ['OK'] : [b.error?.code ?? (res.status === 431 ? 'HEADERS_TOO_LARGE' : 'NO_CODE')];
    missingDetails = b.error?.code === 'VALIDATION_FAILED' && !hasDetails(b.error.details);
  }
  const fail = (failure: string): Verdict => ({ codes, failure, body });
  if (res.status >= 500) return fail(`HTTP ${res.status}`);
  if (codes.some((code) => INTERNAL_CODES.has(code))) return fail('INTERNAL error');
  if (STACK_TRACE.test(res.text)) return fail('a stack trace in the answer');
  if (!c.expect.status.includes(res.status))
    return fail(`HTTP ${res.status}, expected ${c.expect.status.join('/')}`);
  const unexpected = codes.filter((code) => !c.expect.codes.includes(code));
  if (unexpected.length) return fail(`code ${unexpected.join(', ')}, expected ${c.expect.codes.join('/')}`);
  if (missingDetails) return fail('VALIDATION_FAILED without details naming the field');
  if (res.status === 429 && !graphql && !res.headers['retry-after']) return fail('429 without Retry-After');
  return { codes, body };
}

/** One line a person can replay: the request as sent and what came back. */
export function reproducer(
  c: FuzzCase,
  req: HttpRequest,
  res: HttpResponse | undefined,
  failure: string,
): string {
  const body =
    req.body === undefined
      ? ''
      : Buffer.isBuffer(req.body)
        ? `${req.body.length} bytes: ${shortText(req.body.toString('latin1'), 200)}`
        : shortText(req.body, 400);
  const headers = Object.entries(req.headers ?? {})
    .filter(([k]) => k !== 'content-length')
    .map(
      ([k, v]) =>
        `${k}: ${k === 'authorization' || k === 'x-api-key' ? `${v.slice(0, 14)}…` : shortText(v, 120)}`,
    )
    .join('; ');
  const answer = res ? `${res.status} ${shortText(res.text, 300)}` : 'no answer';
  return `[${c.kind}] ${c.target} (${c.note}): ${req.method} ${shortText(req.path, 200)} {${headers}} ${body} → ${answer} — ${failure}; expected ${c.expect.status.join('/')} ${c.expect.codes.join('/')}`;
}
