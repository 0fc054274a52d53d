import { parsePath } from './path';
import type { ConditionFacts } from './types';

function readsMany(path: string): boolean {
  const parsed = parsePath(path);
  return parsed.ok && parsed.many;
}

type Getter = (f: ConditionFacts) => unknown;

/**
 * Customer and context values that conditions of one strategy read, resolved once per decision
 * instead of once per candidate and comparison. Candidate facts (action, fields) are never slotted.
 */
export class PathSlots {
  private readonly index = new Map<string, number>();
  private readonly getters: Getter[] = [];

  /** A getter reading the decision's slot for a customer/context path; undefined for candidate facts. */
  getter(fact: string, path: string | undefined, direct: Getter): Getter | undefined {
    const i = this.slotOf(fact, path, direct);
    if (i === undefined) return undefined;
    return (f) => (f.slots ? f.slots[i] : direct(f));
  }

  /** The position of a customer/context path in `resolve`'s list (for generated code); undefined for candidate facts. */
  slotOf(fact: string, path: string | undefined, direct: Getter): number | undefined {
    if (fact !== 'customer' && fact !== 'context') return undefined;
    // A wildcard or slice path gives a new list on every read in json-rules-engine: never shared.
    if (path && readsMany(path)) return undefined;
    const key = `${fact}\u0000${path ?? ''}`;
    let slot = this.index.get(key);
    if (slot === undefined) {
      slot = this.getters.length;
      this.index.set(key, slot);
      this.getters.push(direct);
    }
    return slot;
  }

  resolve(f: ConditionFacts): unknown[] {
    const values = new Array<unknown>(this.getters.length);
    for (let i = 0; i < this.getters.length; i++) values[i] = this.getters[i]!(f);
    return values;
  }
}
