export {
  parseExpression,
  type BinaryNode,
  type BinaryOperator,
  type BooleanNode,
  type CallNode,
  type ConditionalNode,
  type ExpressionError,
  type ExpressionNode,
  type MemberNode,
  type NullNode,
  type NumberNode,
  type ParseExpressionResult,
  type StringNode,
  type UnaryNode,
  type UnaryOperator,
} from './parse-expression';
export {
  checkExpression,
  expressionReads,
  type ExpressionRead,
  type ExpressionScope,
} from './check-expression';
export { compileExpression, type CompiledExpression, type ExpressionEnv } from './compile-expression';
export { formatExpression } from './describe-expression';
export {
  FUNCTION_NAMES,
  MAX_EXPRESSION_DEPTH,
  MAX_EXPRESSION_LENGTH,
  ROOT_NAMES,
  type FunctionName,
  type RootName,
} from './vocabulary';
