import type { FunctionName, RootName } from './vocabulary';

/** `position` is the 0-based offset of the node's first character in the source text. */
interface Located {
  position: number;
}

export interface NumberNode extends Located {
  kind: 'number';
  value: number;
}

export interface StringNode extends Located {
  kind: 'string';
  value: string;
}

export interface BooleanNode extends Located {
  kind: 'boolean';
  value: boolean;
}

export interface NullNode extends Located {
  kind: 'null';
}

/** `customer.address.city` is `{ root: 'customer', path: ['address', 'city'] }`. */
export interface MemberNode extends Located {
  kind: 'member';
  root: RootName;
  path: string[];
  /** Offsets of each name in `path`, for messages; the parser always fills it. */
  pathPositions?: number[];
}

/** `!` is parsed as `not`. */
export type UnaryOperator = '-' | '+' | 'not';

export interface UnaryNode extends Located {
  kind: 'unary';
  op: UnaryOperator;
  operand: ExpressionNode;
}

/** `&&` and `||` are parsed as `and` and `or`. */
export type BinaryOperator =
  '^' | '*' | '/' | '%' | '+' | '-' | '<' | '<=' | '>' | '>=' | '==' | '!=' | 'and' | 'or';

export interface BinaryNode extends Located {
  kind: 'binary';
  op: BinaryOperator;
  left: ExpressionNode;
  right: ExpressionNode;
}

export interface ConditionalNode extends Located {
  kind: 'conditional';
  test: ExpressionNode;
  consequent: ExpressionNode;
  alternate: ExpressionNode;
}

export interface CallNode extends Located {
  kind: 'call';
  name: FunctionName;
  args: ExpressionNode[];
}

export type ExpressionNode =
  | NumberNode
  | StringNode
  | BooleanNode
  | NullNode
  | MemberNode
  | UnaryNode
  | BinaryNode
  | ConditionalNode
  | CallNode;

export interface ExpressionError {
  message: string;
  /** 0-based character offset in the source text. */
  position: number;
}

/** The direct sub-expressions of a node, left to right. */
export function childrenOf(node: ExpressionNode): readonly ExpressionNode[] {
  switch (node.kind) {
    case 'unary':
      return [node.operand];
    case 'binary':
      return [node.left, node.right];
    case 'conditional':
      return [node.test, node.consequent, node.alternate];
    case 'call':
      return node.args;
    default:
      return [];
  }
}
