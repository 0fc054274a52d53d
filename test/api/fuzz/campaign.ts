import fc from 'fast-check';
import { Client } from 'pg';
import { shortText } from './bad-values';
import { authCases } from './auth-cases';
import {
  INTERNAL_CODES,
  judge,
  newRunState,
  reproducer,
  type CaseKind,
  type FuzzCase,
  type RunState,
} from './fuzz-case';
import { startFuzzApi, type FuzzApi, type HttpRequest, type HttpResponse } from './fuzz-api';
import { buildWorld, gql, type FuzzWorld } from './fuzz-world';
import { goodCases } from './good-cases';
import { knownGapOf } from './known-gaps';
import { requestCases } from './request-cases';
import { judgeSocket, runSocket, socketCases } from './socket-cases';
import { templateCases } from './template-cases';
import { uploadCases } from './upload-cases';

export interface CampaignOptions {
  runs: number;
  seed: number;
  /** Cases in flight at once. */
  concurrency?: number;
  /** /health/live must answer within this, during and after every case. */
  healthBudgetMs?: number;
  log?: (line: string) => void;
}

export interface CampaignReport {
  seed: number;
  runs: number;
  requests: number;
  skipped: number;
  seconds: number;
  /** Cases per class, and how many failed. */
  byKind: Record<string, { cases: number; failed: number }>;
  /** Answers with HTTP 5xx or INTERNAL. */
  serverErrors: number;
  /** Requests that got no answer at all. */
  noAnswer: number;
  failedCases: number;
  /** Failures of classes listed in known-gaps.ts (not counted in failedCases), by gap. */
  knownGaps: Record<string, { failed: number; example: string }>;
  /** One reproducer per failing case (the first 200). */
  failures: string[];
  healthMaxMs: number;
  /** The slowest /health/live answer and what was in flight then. */
  healthWorst?: string;
  slowHealth: number;
  decisions: number;
  /** Decisions answered 200 without exactly one decision_log row after the graceful stop. */
  lostRows: number;
  duplicateRows: number;
  /** decision_log rows whose decision was never answered (e.g. a request that timed out). */
  unansweredRows: number;
  unansweredExamples?: string[];
  deadLettered: number;
  auditChainValid: boolean;
  /** Good data written between the bad requests that is missing or changed at the end. */
  dataProblems: string[];
  exitCode: number | null;
  /** The API's own log (the last megabyte), kept when something failed. */
  apiLog?: string;
}

const MAX_FAILURE_LINES = 200;

/** Every kind of case, in proportion: mostly broken inputs of every operation, some valid traffic between them. */
export function allCases(w: FuzzWorld, jwtSecret: string): fc.Arbitrary<FuzzCase> {
  return fc.oneof(
    { arbitrary: templateCases(w), weight: 45 },
    { arbitrary: requestCases(w), weight: 14 },
    { arbitrary: authCases(w, jwtSecret), weight: 10 },
    { arbitrary: uploadCases(w), weight: 9 },
    { arbitrary: socketCases(w), weight: 3 },
    { arbitrary: goodCases(w), weight: 19 },
  );
}

/** A well-mixed 32-bit seed per chunk, so the chunks of seed s and s + 1 do not overlap. */
function chunkSeed(seed: number, chunk: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(chunk + 1, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  return (h ^ (h >>> 15)) | 0;
}

/** The decision ids a successful answer carries (REST decision or batch, GraphQL decide, aliased or not). */
function decisionIdsOf(c: FuzzCase, body: unknown): string[] {
  if (!body || typeof body !== 'object') return [];
  const b = body as {
    decisionId?: unknown;
    results?: { decisionId?: unknown }[];
    data?: Record<string, { decisionId?: unknown } | null>;
  };
  const ids: unknown[] = c.target.startsWith('graphql')
    ? Object.values(b.data ?? {}).map((v) => v?.decisionId)
    : [b.decisionId, ...(Array.isArray(b.results) ? b.results.map((r) => r?.decisionId) : [])];
  return ids.filter((id): id is string => typeof id === 'string');
}

export async function runCampaign(options: CampaignOptions): Promise<CampaignReport> {
  const { runs, seed, concurrency = 3, healthBudgetMs = 2_000 } = options;
  const log = options.log ?? (() => undefined);
  const started = Date.now();
  const api = await startFuzzApi();
  const report: CampaignReport = {
    seed,
    runs: 0,
    requests: 0,
    skipped: 0,
    seconds: 0,
    byKind: {},
    serverErrors: 0,
    noAnswer: 0,
    failedCases: 0,
    knownGaps: {},
    failures: [],
    healthMaxMs: 0,
    slowHealth: 0,
    decisions: 0,
    lostRows: 0,
    duplicateRows: 0,
    unansweredRows: 0,
    deadLettered: 0,
    auditChainValid: false,
    dataProblems: [],
    exitCode: null,
  };
  let running = true;
  try {
    const world = await buildWorld(api);
    log(
      `API on ${api.url}, world ready after ${((Date.now() - started) / 1000).toFixed(1)} s; ${runs} cases, seed ${seed}`,
    );
    const state = newRunState();
    const cases = allCases(world, api.jwtSecret);

    const knownGap = (c: FuzzCase, line: string): boolean => {
      const gap = knownGapOf(c);
      if (!gap) return false;
      const key = `${gap.item}: ${gap.what}`;
      const entry = (report.knownGaps[key] ??= { failed: 0, example: line });
      entry.failed += 1;
      return true;
    };
    const fail = (c: FuzzCase, req: HttpRequest, res: HttpResponse | undefined, why: string) => {
      if (knownGap(c, reproducer(c, req, res, why))) return;
      report.failedCases += 1;
      report.byKind[c.kind]!.failed += 1;
      if (report.failures.length < MAX_FAILURE_LINES) report.failures.push(reproducer(c, req, res, why));
    };

    // /health/live is probed all along: an answer slower than the budget fails, naming the cases in flight then.
    const inFlight = new Set<FuzzCase>();
    const monitor = (async () => {
      while (running) {
        const t0 = Date.now();
        const suspects = () => [...inFlight].map((c) => `${c.target} (${c.note})`).join(' | ') || 'nothing';
        let problem: string | undefined;
        try {
          const res = await api.send({ method: 'GET', path: '/health/live' }, healthBudgetMs * 10);
          const ms = Date.now() - t0;
          if (ms > report.healthMaxMs) {
            report.healthMaxMs = ms;
            report.healthWorst = `${ms} ms while in flight: ${suspects()}`;
          }
          if (res.status !== 200) problem = `/health/live answered ${res.status}`;
          else if (ms > healthBudgetMs) problem = `/health/live took ${ms} ms (budget ${healthBudgetMs} ms)`;
        } catch (error) {
          problem = `/health/live did not answer: ${(error as Error).message}`;
        }
        if (problem) {
          const line = `[health] ${problem} while in flight: ${suspects()}`;
          const gapCase = [...inFlight].find((c) => knownGapOf(c));
          if (gapCase) knownGap(gapCase, line);
          else {
            report.slowHealth += 1;
            if (report.failures.length < MAX_FAILURE_LINES) report.failures.push(line);
          }
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    })();

    const runOne = async (c: FuzzCase) => {
      const req = typeof c.request === 'function' ? c.request(state) : c.request;
      if (!req) {
        report.skipped += 1;
        return;
      }
      report.runs += 1;
      const kind = (report.byKind[c.kind] ??= { cases: 0, failed: 0 });
      kind.cases += 1;
      const times = c.burst ?? 1;
      report.requests += times;
      inFlight.add(c);
      if (c.socket) {
        const outcome = await runSocket(api.url, c.socket);
        inFlight.delete(c);
        const why = judgeSocket(outcome);
        if (why) {
          if (/1011|INTERNAL/.test(why)) report.serverErrors += 1;
          fail(
            c,
            req,
            undefined,
            `${why} (frames: ${c.socket.map((f) => shortText(f, 150)).join(' then ')})`,
          );
        }
        return;
      }
      const answers = await Promise.allSettled(Array.from({ length: times }, () => api.send(req)));
      inFlight.delete(c);
      const problems: string[] = [];
      let failedAnswer: HttpResponse | undefined;
      for (const answer of answers) {
        if (answer.status === 'rejected') {
          report.noAnswer += 1;
          report.serverErrors += 1;
          problems.push(`no answer: ${(answer.reason as Error).message}`);
          continue;
        }
        const verdict = judge(c, answer.value);
        if (answer.value.status >= 500 || verdict.codes.some((code) => INTERNAL_CODES.has(code)))
          report.serverErrors += 1;
        if (verdict.failure) {
          problems.push(verdict.failure);
          failedAnswer ??= answer.value;
        }
        // Any answer that carries decisions counts, also from a case not meant to decide (a bad input let through).
        if (answer.value.status === 200 && (c.decides || /decisions|decide/.test(c.target))) {
          for (const id of decisionIdsOf(c, verdict.body))
            state.answeredDecisions.set(id, (state.answeredDecisions.get(id) ?? 0) + 1);
        }
        if (!verdict.failure && answer.value.status < 300 && c.remember) {
          try {
            c.remember(verdict.body, state);
          } catch (error) {
            problems.push(`unexpected answer: ${(error as Error).message}`);
          }
        }
      }
      if (problems.length) fail(c, req, failedAnswer, [...new Set(problems)].join('; '));
    };

    // Generated in chunks (a 3 MB case is not kept longer than needed), each from its own seed derived from the run's.
    const CHUNK = 50;
    for (let offset = 0, chunk = 0; offset < runs; offset += CHUNK, chunk += 1) {
      const batch = fc.sample(cases, {
        seed: chunkSeed(seed, chunk),
        numRuns: Math.min(CHUNK, runs - offset),
      });
      let next = 0;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < batch.length) await runOne(batch[next++]!);
        }),
      );
      if (chunk % 10 === 9)
        log(
          `${offset + batch.length}/${runs} cases, ${report.failedCases} failed, ${report.serverErrors} server errors`,
        );
      if (!api.alive()) {
        report.dataProblems.push(
          `the API process died during the run (after about ${report.runs} cases); see its log`,
        );
        break;
      }
    }

    running = false;
    await monitor;
    if (api.alive()) {
      try {
        await checkAfterRun(api, world, state, report);
      } catch (error) {
        report.dataProblems.push(`the checks after the run failed: ${(error as Error).message}`);
      }
    }
  } finally {
    running = false;
    report.seconds = Math.round((Date.now() - started) / 100) / 10;
    if (report.serverErrors || report.failedCases || report.slowHealth || report.dataProblems.length)
      report.apiLog = api.output().slice(-1_000_000);
    await api.cleanUp();
  }
  return report;
}

/** After the run: the API still decides, the audit chain verifies, good data is intact, no decision-log row is lost. */
async function checkAfterRun(
  api: FuzzApi,
  world: FuzzWorld,
  state: RunState,
  report: CampaignReport,
): Promise<void> {
  const problems = report.dataProblems;
  const chain = await gql(
    api,
    '{ verifyAuditChain { valid checkedEntries firstBrokenSeq reason } }',
    {},
    world.adminToken,
  );
  report.auditChainValid = chain.data?.verifyAuditChain?.valid === true;
  if (!report.auditChainValid)
    problems.push(`audit chain: ${JSON.stringify(chain.data?.verifyAuditChain ?? chain.errors)}`);

  const sql = new Client({ connectionString: api.databaseUrl });
  await sql.connect();
  try {
    // The API still decides after the run; these decisions are still in the writer's buffer at SIGTERM.
    const finals = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api.send({
          method: 'POST',
          path: '/api/v1/decisions',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${world.apiKey}` },
          body: JSON.stringify({
            strategy: world.publishedStrategyId,
            customer: { id: `after-the-run-${i}` },
          }),
        }),
      ),
    );
    for (const final of finals) {
      if (final.status !== 200)
        problems.push(`a valid decision after the run answered ${final.status}: ${final.text.slice(0, 300)}`);
      else state.answeredDecisions.set((JSON.parse(final.text) as { decisionId: string }).decisionId, 1);
    }
    const answered = [...state.answeredDecisions.keys()];
    // No waiting for the asynchronous writer: SIGTERM right away must flush whatever is still buffered.
    report.exitCode = await api.terminate();
    if (report.exitCode !== 0) problems.push(`the API exited with ${report.exitCode} after SIGTERM`);

    report.decisions = answered.length;
    const rows = (
      await sql.query<{ id: string; n: string }>(
        `SELECT id::text, count(*) AS n FROM decision_log GROUP BY id`,
      )
    ).rows;
    const logged = new Map(rows.map((r) => [r.id, Number(r.n)]));
    report.lostRows = answered.filter((id) => !logged.has(id)).length;
    report.duplicateRows = answered.filter(
      (id) => (logged.get(id) ?? 0) > 1 || state.answeredDecisions.get(id)! > 1,
    ).length;
    const unanswered = [...logged.keys()].filter((id) => !state.answeredDecisions.has(id));
    report.unansweredRows = unanswered.length;
    if (unanswered.length)
      report.unansweredExamples = (
        await sql.query<{ customer_id: string; source: string }>(
          `SELECT customer_id, source FROM decision_log WHERE id = ANY($1::uuid[]) LIMIT 5`,
          [unanswered],
        )
      ).rows.map((r) => `${r.source} decision for customer ${JSON.stringify(r.customer_id)}`);
    const deadLetters = await sql.query(`SELECT to_regclass('decision_log_dead_letters') AS t`);
    if (deadLetters.rows[0].t)
      report.deadLettered = Number(
        (await sql.query(`SELECT count(*) AS n FROM decision_log_dead_letters`)).rows[0].n,
      );
    if (report.lostRows)
      problems.push(
        `${report.lostRows} of ${answered.length} answered decisions have no decision_log row (${report.deadLettered} dead-lettered)`,
      );
    if (report.duplicateRows)
      problems.push(`${report.duplicateRows} decisions answered or logged more than once`);

    const actions = new Map(
      (
        await sql.query<{ id: string; name: string; value: number }>(
          `SELECT id, name, value FROM actions WHERE id = ANY($1)`,
          [[...state.goodActions.keys()]],
        )
      ).rows.map((r) => [r.id, r]),
    );
    for (const [id, want] of state.goodActions) {
      const got = actions.get(id);
      if (!got || got.name !== want.name || got.value !== want.value)
        problems.push(`action ${id}: expected ${JSON.stringify(want)}, found ${JSON.stringify(got)}`);
    }
    const comments = new Map(
      (
        await sql.query<{ id: string; body: string }>(
          `SELECT id::text, body FROM review_comments WHERE id = ANY($1::uuid[])`,
          [[...state.goodComments.keys()]],
        )
      ).rows.map((r) => [r.id, r.body]),
    );
    for (const [id, body] of state.goodComments)
      if (comments.get(id) !== body)
        problems.push(
          `comment ${id}: expected ${JSON.stringify(body)}, found ${JSON.stringify(comments.get(id))}`,
        );
    const outcomes = Number(
      (
        await sql.query(`SELECT count(*) AS n FROM interactions WHERE id = ANY($1::bigint[])`, [
          [...state.goodOutcomes],
        ])
      ).rows[0].n,
    );
    if (outcomes !== state.goodOutcomes.size)
      problems.push(
        `${state.goodOutcomes.size - outcomes} of ${state.goodOutcomes.size} recorded outcomes are missing`,
      );
    const datasets = new Map(
      (
        await sql.query<{ id: string; status: string; row_count: number }>(
          `SELECT id::text, status, row_count FROM datasets WHERE id = ANY($1::uuid[])`,
          [[...state.goodDatasets.keys()]],
        )
      ).rows.map((r) => [r.id, r]),
    );
    for (const [id, rows] of state.goodDatasets) {
      const got = datasets.get(id);
      if (!got || got.status !== 'READY' || got.row_count !== rows)
        problems.push(`dataset ${id}: expected READY with ${rows} rows, found ${JSON.stringify(got)}`);
    }
  } finally {
    await sql.end();
  }
}

/** The figures for bench/results.json (`fuzz.*`, see shared/design/benchmarks.md). */
export function figures(report: CampaignReport): Record<string, number> {
  return {
    runs: report.runs,
    requests: report.requests,
    serverErrors: report.serverErrors,
    lostRows: report.lostRows,
    failedCases: report.failedCases,
    knownGapCases: Object.values(report.knownGaps).reduce((n, g) => n + g.failed, 0),
    noAnswer: report.noAnswer,
    decisions: report.decisions,
    duplicateRows: report.duplicateRows,
    unansweredRows: report.unansweredRows,
    deadLettered: report.deadLettered,
    auditChainValid: report.auditChainValid ? 1 : 0,
    dataProblems: report.dataProblems.length,
    healthMaxMs: report.healthMaxMs,
    slowHealth: report.slowHealth,
    seconds: report.seconds,
    seed: report.seed,
  };
}

export type { CaseKind };
