import { childrenOf, type ExpressionError, type ExpressionNode, type MemberNode } from './ast';
import { parseExpression } from './parse-expression';
import { RESERVED_MEMBER_NAMES, type RootName } from './vocabulary';

/** What an expression at a given place may read. */
export interface ExpressionScope {
  roots: readonly RootName[];
  /** Declared names right after a root (`customer.<name>`); a root without an entry is unchecked. */
  knownFields?: Partial<Record<RootName, ReadonlySet<string>>>;
}

export interface ExpressionRead {
  root: RootName;
  path: string[];
}

/** Every problem of an expression: its syntax error, or each unavailable or undeclared name it reads. */
export function checkExpression(text: string, scope: ExpressionScope): ExpressionError[] {
  const parsed = parseExpression(text);
  if (!parsed.ok) return [parsed.error];
  const problems: ExpressionError[] = [];
  for (const member of membersOf(parsed.ast)) {
    const problem = memberProblem(member, scope);
    if (problem) problems.push(problem);
  }
  return problems;
}

/** The fact paths an expression reads, each once, in the order they first appear. */
export function expressionReads(ast: ExpressionNode): ExpressionRead[] {
  const seen = new Set<string>();
  const reads: ExpressionRead[] = [];
  for (const { root, path } of membersOf(ast)) {
    const key = JSON.stringify([root, ...path]);
    if (seen.has(key)) continue;
    seen.add(key);
    reads.push({ root, path: [...path] });
  }
  return reads;
}

function membersOf(ast: ExpressionNode): MemberNode[] {
  const members: MemberNode[] = [];
  const visit = (node: ExpressionNode) => {
    if (node.kind === 'member') members.push(node);
    childrenOf(node).forEach(visit);
  };
  visit(ast);
  return members;
}

function memberProblem(member: MemberNode, scope: ExpressionScope): ExpressionError | undefined {
  const { root, path, position } = member;
  const at = (i: number) => member.pathPositions?.[i] ?? position;
  if (!scope.roots.includes(root)) {
    const available = scope.roots.length > 0 ? `; use ${scope.roots.join(', ')}` : '';
    return { message: `${root} is not available here${available}`, position };
  }
  const reserved = path.findIndex((name) => RESERVED_MEMBER_NAMES.has(name));
  if (reserved >= 0) {
    return { message: `'${path[reserved]}' is a reserved name and cannot be read`, position: at(reserved) };
  }
  const known = scope.knownFields?.[root];
  const first = path[0];
  if (known && first !== undefined && !known.has(first)) {
    const suggestion = closest(first, known);
    const hint = suggestion ? `; did you mean '${suggestion}'?` : '';
    return { message: `${root} field '${first}' is not declared${hint}`, position: at(0) };
  }
  return undefined;
}

/** The declared name a typo most likely meant: same letters ignoring case, or at most 2 edits away. */
function closest(name: string, candidates: ReadonlySet<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const distance =
      candidate.toLowerCase() === name.toLowerCase() ? 0 : editDistance(name, candidate, bestDistance);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost));
    }
    previous = current;
  }
  return previous[b.length]!;
}
