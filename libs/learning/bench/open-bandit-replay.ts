import {
  createAdaptiveModel,
  decisionSeed,
  scoreCandidates,
  updateAdaptiveModel,
  type AdaptiveState,
} from '../src/adaptive';
import { readCsv, wilson } from './bench-data';

// Replay evaluation (Li, Chu, Langford, Wang, WSDM 2011) on the Open Bandit sample logged by the
// uniform-random policy: walk the log in time order; the adaptive policy picks an item for the row's
// slot; only rows where it picks the logged item count, and only they are learned from. Under a
// uniform logging policy the counted rows are an unbiased sample of the policy's own traffic.

const PRIOR_CTR_LOG_ODDS = -5; // ≈ 0.7 %: a prior for a click-through rate, not fitted on this log

function itemModel(item: number): AdaptiveState {
  return createAdaptiveModel(
    {
      modelId: `item-${item}`,
      maturity: 20,
      predictors: [
        ...[0, 1, 2, 3].map((k) => ({
          name: `user${k}`,
          input: `customer.user${k}`,
          type: 'string' as const,
        })),
        { name: 'position', input: 'context.position', type: 'string' as const },
        {
          name: 'affinity',
          input: 'action.affinity',
          type: 'number' as const,
          scale: { center: 0, spread: 1 },
        },
      ],
    },
    { spec: { type: 'logistic', intercept: PRIOR_CTR_LOG_ODDS, terms: [] }, variance: 1 },
  );
}

export interface ReplayFigures {
  rows: number;
  clicks: number;
  matchedRows: number;
  matchedClicks: number;
}

export function replayCampaign(file: string, items: number, seed: string): ReplayFigures {
  const rows = readCsv(file).sort((a, b) =>
    a.timestamp! < b.timestamp! ? -1 : a.timestamp! > b.timestamp! ? 1 : 0,
  );
  const models = Array.from({ length: items }, (_, i) => itemModel(i));
  let clicks = 0;
  let matchedRows = 0;
  let matchedClicks = 0;
  rows.forEach((row, r) => {
    const click = row.click === '1';
    if (click) clicks++;
    const customer = {
      user0: row.user_feature_0,
      user1: row.user_feature_1,
      user2: row.user_feature_2,
      user3: row.user_feature_3,
    };
    const context = { position: row.position };
    const factsOf = (i: number) => ({
      customer,
      context,
      action: { id: String(i), affinity: Number(row[`user-item_affinity_${i}`]) },
    });
    const scores = scoreCandidates(
      models.map((model, i) => ({ actionId: String(i), model, facts: factsOf(i) })),
      { share: 1 },
      decisionSeed(`${file}:${r}`, seed),
    );
    let best = 0;
    for (let i = 1; i < scores.length; i++) if (scores[i]!.score > scores[best]!.score) best = i;
    const logged = Number(row.item_id);
    if (best !== logged) return;
    matchedRows++;
    if (click) matchedClicks++;
    models[logged] = updateAdaptiveModel(models[logged]!, factsOf(logged), click);
  });
  return { rows: rows.length, clicks, matchedRows, matchedClicks };
}

export function openBanditReplay(seed = 'bench-1') {
  const campaigns = [
    replayCampaign('open-bandit-dataset-small/random/men/men.csv', 34, seed),
    replayCampaign('open-bandit-dataset-small/random/women/women.csv', 46, seed),
  ];
  const sum = (key: keyof ReplayFigures) => campaigns.reduce((s, c) => s + c[key], 0);
  const policy = wilson(sum('matchedClicks'), sum('matchedRows'));
  const logged = wilson(sum('clicks'), sum('rows'));
  return {
    policy,
    logged,
    matchedRows: sum('matchedRows'),
    matchedClicks: sum('matchedClicks'),
    rows: sum('rows'),
    clicks: sum('clicks'),
  };
}
