import type { Candidate } from './types';

/** A new candidate with one field set; candidates are shared between branches, so never mutated. */
export function withField(candidate: Candidate, name: string, value: number): Candidate {
  // Object.assign then set: a spread with a computed key is an order of magnitude slower in V8.
  const fields: Record<string, number> = Object.assign({}, candidate.fields);
  fields[name] = value;
  return { action: candidate.action, fields };
}
