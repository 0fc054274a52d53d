import type { ValidationProblem } from '@arbiter/engine';

/** Validation problems of one node, looked up by the setting they belong to. */
export class ProblemLookup {
  static readonly none = new ProblemLookup([]);
  constructor(readonly all: readonly ValidationProblem[]) {}

  /** Problems exactly at this setting. */
  at(field: string): ValidationProblem[] {
    return this.all.filter((p) => p.field === field);
  }

  /** Problems at this setting or anywhere inside it. */
  under(field: string): ValidationProblem[] {
    return this.all.filter(
      (p) =>
        p.field !== undefined &&
        (p.field === field || p.field.startsWith(`${field}.`) || p.field.startsWith(`${field}[`)),
    );
  }

  messages(field: string, deep = false): string[] {
    return (deep ? this.under(field) : this.at(field)).map((p) => p.message);
  }

  has(field: string, deep = false): boolean {
    return (deep ? this.under(field) : this.at(field)).length > 0;
  }
}

export function problemsByNode(problems: readonly ValidationProblem[]): Map<string, ValidationProblem[]> {
  const map = new Map<string, ValidationProblem[]>();
  for (const p of problems) {
    if (!p.nodeId) continue;
    const list = map.get(p.nodeId) ?? [];
    list.push(p);
    map.set(p.nodeId, list);
  }
  return map;
}

export function countErrors(problems: readonly ValidationProblem[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const p of problems) {
    if (p.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}

/** "3 problems", "1 problem", "No problems"; `refusedInputs`: values typed but not accepted, shown as errors. */
export function problemCountText(problems: readonly ValidationProblem[], refusedInputs = 0): string {
  const counted = countErrors(problems);
  const errors = counted.errors + refusedInputs;
  const warnings = counted.warnings;
  if (errors === 0 && warnings === 0) return 'No problems';
  const parts = [];
  if (errors) parts.push(`${errors} problem${errors === 1 ? '' : 's'}`);
  if (warnings) parts.push(`${warnings} warning${warnings === 1 ? '' : 's'}`);
  return parts.join(', ');
}
