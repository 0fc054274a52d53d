import { figures, runCampaign } from './campaign';

/**
 * The bounded, fixed-seed sample of the bad-input campaign (`npm run fuzz -- --runs N` runs the
 * long one): a real API process on a fresh database gets broken inputs of every REST route,
 * GraphQL operation and upload, with valid traffic between them. Every answer must be a 4xx of the
 * right code (or a success where the input may be fine), /health/live must keep answering within
 * 2 s, and at the end every decision answered 200 has exactly one decision_log row (after SIGTERM),
 * the audit chain verifies and the good data is unchanged.
 */
const SEED = 15_015;
const RUNS = 1000;

test(`${RUNS} generated bad requests (seed ${SEED}): no 5xx or INTERNAL, the right codes, nothing lost`, async () => {
  const report = await runCampaign({ runs: RUNS, seed: SEED, concurrency: 1, log: () => undefined });
  console.log(`fuzz sample: ${JSON.stringify(figures(report))}\nper class: ${JSON.stringify(report.byKind)}`);
  // Listed in known-gaps.ts with the issue item that fixes them: reported, not failed.
  if (Object.keys(report.knownGaps).length)
    console.warn(`known gaps:\n${JSON.stringify(report.knownGaps, null, 2)}`);
  console.log(`slowest /health/live: ${report.healthWorst}`);
  if (report.unansweredExamples)
    console.log(`logged but not answered 200: ${report.unansweredExamples.join('; ')}`);
  if (report.apiLog) console.log(`API log (tail):\n${report.apiLog.slice(-3_000)}`);

  // Every 5xx, INTERNAL or missing answer is a failure (unless it is a known gap).
  expect(report.failures).toEqual([]);
  expect(report.slowHealth).toBe(0);
  expect(report.dataProblems).toEqual([]);
  expect(report.lostRows).toBe(0);
  expect(report.duplicateRows).toBe(0);
  expect(report.auditChainValid).toBe(true);
  expect(report.exitCode).toBe(0);
  // The sample reaches every class of input, and real decisions were checked against the log.
  expect(Object.keys(report.byKind).sort()).toEqual(
    [
      'bad-variables',
      'boundary',
      'deep',
      'expensive',
      'good',
      'huge',
      'malformed',
      'not-found',
      'rate-limit',
      'socket',
      'unstorable-key',
      'unstorable-value',
      'upload',
      'wrong-auth',
      'wrong-type',
    ].sort(),
  );
  expect(report.decisions).toBeGreaterThan(50);
}, 300_000);
