import { randomUUID } from 'node:crypto';
import { DecisionLogWriter } from '../../src/decision-log/decision-log.writer';
import { InteractionsService } from '../../src/interactions/interactions.service';
import { publishStrategy, type Published } from './decision-api';
import { percentageSplit } from './documents';
import type { Scenario } from './scenario';
import type { TestApp } from './test-app';

/**
 * Champion / challenger: a percentage split `ab` sends half the customers to the catalog as it is
 * (champion) and half to the top action only (challenger); both join before the output.
 */
export function splitDocument(description: string, percents: [number, number] = [50, 50]) {
  return {
    schemaVersion: 1,
    description,
    nodes: [
      { id: 'candidates', type: 'actions', config: {} },
      percentageSplit('ab', description, { champion: percents[0], challenger: percents[1] }, 'Offer test'),
      { id: 'top', type: 'rank', config: { by: 'priority', limit: 1 } },
      { id: 'join', type: 'merge', config: {} },
      { id: 'out', type: 'output', config: {} },
    ],
    edges: [
      { source: 'candidates', target: 'ab' },
      { source: 'ab', sourceHandle: 'champion', target: 'join' },
      { source: 'ab', sourceHandle: 'challenger', target: 'top' },
      { source: 'top', target: 'join' },
      { source: 'join', target: 'out' },
    ],
  };
}

/**
 * A published split strategy whose challenger has clearly won: 120 logged decisions per arm, none of
 * the champion's accepted, half of the challenger's. Decisions go straight into the log's writer
 * and outcomes through the outcomes service (the REST path is tested in experiments.spec.ts).
 */
export async function experimentWithWinner(
  t: TestApp,
  s: Scenario,
): Promise<Published & { splitStepId: string; arm: string }> {
  const published = await publishStrategy(t, s, splitDocument(s.unique('experiment')));
  const writer = t.app.get(DecisionLogWriter);
  const decisions = (['champion', 'challenger'] as const).flatMap((arm) =>
    Array.from({ length: 120 }, (_, i) => {
      const id = randomUUID();
      writer.append({
        id,
        decidedAt: new Date(),
        customerId: `${arm}-${i}`,
        strategyId: published.strategyId,
        versionId: published.versionId,
        versionNumber: published.number,
        contentHash: published.contentHash,
        actions: [{ actionId: 'offer', rank: 1 }],
        arms: [{ splitStepId: 'ab', arm }],
        inputs: null,
        latencyMs: 0,
        apiKeyId: null,
        source: 'rest',
      });
      return { id, arm, i };
    }),
  );
  await writer.flush();
  const outcomes = t.app.get(InteractionsService);
  for (const d of decisions)
    if (d.arm === 'challenger' && d.i % 2 === 0)
      await outcomes.record({ decisionId: d.id, actionId: 'offer', outcome: 'accepted' }, null);
  return { ...published, splitStepId: 'ab', arm: 'challenger' };
}
