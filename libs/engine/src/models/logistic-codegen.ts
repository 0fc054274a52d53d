import { GeneratedModule, literal } from '../codegen/generated-module';
import type { ConditionFacts } from '../conditions/types';
import { toNumber } from '../expressions/values';
import { parseReference } from './input-reference';
import { logistic } from './model-kind';
import type { LogisticParams } from './logistic-model';

type Term = LogisticParams['terms'][number];

/**
 * A logistic model's log-odds as generated code: one straight-line function per stage instead of a
 * closure per term (a model scores a candidate with ~20 calls through closures otherwise, the
 * largest cost of a scored decision). Same operations in the same order as the closures in
 * logistic-model.ts, so the scores are bit-identical; undefined where `new Function` is not allowed.
 */
export interface GeneratedLogistic {
  score(facts: ConditionFacts): number;
  /** The terms before `split` summed, then each later customer/context term's value (0 for candidate terms). */
  perDecision(facts: ConditionFacts): number[];
  perCandidate(state: readonly number[], facts: ConditionFacts): number;
}

/** Generated stages for `params`, split before term `split` (the first one reading the candidate). */
export function generateLogistic(
  params: LogisticParams,
  split: number,
  perCandidate: readonly boolean[],
): GeneratedLogistic | undefined {
  const module = new GeneratedModule();
  const hasOwn = module.external(Object.hasOwn);
  const num = module.external(toNumber);
  const sigmoid = module.external(logistic);
  // Statements leaving the input's value in `v`, as referenceGetter reads it: own properties of
  // objects only, undefined wherever something is missing. A plain object's (the facts from JSON) own
  // property is read directly when Object.prototype has no property of that name: Object.hasOwn per
  // term would be ~40% of the model's time. Other objects (another realm's, a class's) take hasOwn.
  const plain = module.external((o: unknown) => {
    if (o === null || typeof o !== 'object') return false;
    const proto: unknown = Object.getPrototypeOf(o);
    return proto === Object.prototype || proto === null;
  });
  const roots = new Set<string>();
  const value = (reference: string): string => {
    const parsed = parseReference(reference);
    if (!parsed) throw new Error(`not a model input: ${reference}`);
    const first = JSON.stringify(parsed.keys[0]);
    const own = (k: string) =>
      `v = v !== null && typeof v === 'object' && ${hasOwn}(v, ${k}) ? v[${k}] : undefined;`;
    roots.add(parsed.root);
    const direct = !(parsed.keys[0]! in Object.prototype);
    return [
      direct
        ? `v = r_${parsed.root}; v = p_${parsed.root} ? v[${first}] : v !== null && typeof v === 'object' && ${hasOwn}(v, ${first}) ? v[${first}] : undefined;`
        : `v = r_${parsed.root}; ${own(first)}`,
      ...parsed.keys.slice(1).map((key) => own(JSON.stringify(key))),
    ].join(' ');
  };
  // Statements leaving the term's share of the log-odds in `t`.
  const term = (t: Term): string => {
    const v = value(t.input);
    if ('categories' in t) {
      const categories = module.external(new Map(Object.entries(t.categories)));
      return `${v} t = v === undefined || v === null || v === '' ? ${literal(t.ifMissing ?? 0)} : (${categories}.get(String(v)) ?? ${literal(t.otherwise ?? 0)});`;
    }
    const w = literal(t.weight)!;
    if (t.missingWeight !== undefined)
      return `${v} x = ${num}(v); t = x === undefined ? ${literal(t.missingWeight)} : ${w} * x;`;
    return `${v} x = ${num}(v) ?? ${literal(t.ifMissing)}; t = x === undefined ? 0 : ${w} * x;`;
  };
  const terms = params.terms.map(term);
  const intercept = literal(params.intercept)!;
  // Each root read once per call, with whether it is a plain object.
  const prologue = (only: (root: string) => boolean) =>
    [...roots]
      .filter(only)
      .map((r) => `const r_${r} = f.${r}, p_${r} = ${plain}(r_${r});`)
      .join(' ');
  const candidateRoot = (r: string) => r === 'action' || r === 'fields';
  const all = terms.map((t) => `${t} z += t;`).join('\n');
  const head = terms
    .slice(0, split)
    .map((t) => `${t} z += t;`)
    .join('\n');
  // A typed array would be the natural state, but allocating one costs more than the terms here.
  const fixed = terms
    .slice(split)
    .map((t, i) => (perCandidate[split + i] ? `s${i + 1} = 0;` : `${t} s${i + 1} = t;`))
    .join('\n');
  const state = ['z', ...terms.slice(split).map((_, i) => `s${i + 1}`)];
  const tail = terms
    .slice(split)
    .map((t, i) => (perCandidate[split + i] ? `${t} z += t;` : `z += s[${i + 1}];`))
    .join('\n');
  return module.instantiate<GeneratedLogistic>(`{
  score(f) { ${prologue(() => true)} let v, x, t, z = ${intercept};\n${all}\nreturn ${sigmoid}(z); },
  perDecision(f) { ${prologue((r) => !candidateRoot(r))} let v, x, t, z = ${intercept}, ${state.slice(1).join(', ') || '_'};\n${head}\n${fixed}\nreturn [${state.join(', ')}]; },
  perCandidate(s, f) { ${prologue(candidateRoot)} let v, x, t, z = s[0];\n${tail}\nreturn ${sigmoid}(z); },
}`);
}
