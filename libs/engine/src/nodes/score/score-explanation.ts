import { formatValue, label, type Labels } from '../../conditions/describe-condition';
import type { Contribution } from '../../models/model-kind';
import { parseReference } from '../../models/input-reference';

/** How many inputs an explanation names. */
export const TOP_CONTRIBUTIONS = 3;

export interface ScoreExplanation {
  /** "propensity 0.72: balance 12000 raised it (+0.41); contacts 4 lowered it (−0.30)". */
  explanation: string;
  /** The inputs that moved the score most, largest |effect| first. */
  contributions: Contribution[];
}

/** The inputs that moved the score most, in words; inputs with no effect are left out. */
export function explainScore(
  field: string,
  score: number,
  contributions: readonly Contribution[],
  labels: Labels,
): ScoreExplanation {
  // A stable sort: equal effects keep the model's order of inputs.
  const top = contributions
    .filter((c) => c.effect !== 0 && Number.isFinite(c.effect))
    .sort((a, b) => Math.abs(b.effect) - Math.abs(a.effect))
    .slice(0, TOP_CONTRIBUTIONS);
  const words = top.map(
    (c) =>
      `${inputLabel(c.input, labels)} ${formatValue(c.value)} ${c.effect > 0 ? 'raised' : 'lowered'} it (${signedEffect(c.effect)})`,
  );
  return {
    explanation: `${field} ${formatScore(score)}: ${words.length ? words.join('; ') : 'no input raised or lowered it'}`,
    contributions: top,
  };
}

/** "balance", "action value", or the field's declared label. */
function inputLabel(input: string, labels: Labels): string {
  const parsed = parseReference(input);
  return parsed ? label(parsed.root, `$.${parsed.keys.join('.')}`, labels) : input;
}

/** 0.72, 0.0034, 12.5: two significant digits below 1, two decimals above. */
function formatScore(score: number): string {
  return String(Math.abs(score) >= 1 ? Number(score.toFixed(2)) : Number(score.toPrecision(2)));
}

/** "+0.41", "−0.30" (a minus sign, as in print). */
function signedEffect(effect: number): string {
  return `${effect > 0 ? '+' : '\u2212'}${Math.abs(effect).toFixed(2)}`;
}
