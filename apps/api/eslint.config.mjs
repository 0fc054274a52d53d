// The workspace lint setup, told that this project uses decorator metadata (Nest DI, TypeORM, GraphQL),
// so `consistent-type-imports` keeps value imports that decorators need at run time.
import root from '../../eslint.config.mjs';

export default [
  ...root,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { emitDecoratorMetadata: true, experimentalDecorators: true } },
  },
];
