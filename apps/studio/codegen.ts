import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed GraphQL documents for the studio, generated from the API's committed schema.
const config: CodegenConfig = {
  schema: '../api/schema.graphql',
  documents: ['src/**/*.ts', 'src/**/*.tsx', '!src/api/generated/**'],
  ignoreNoDocuments: true,
  generates: {
    'src/api/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { JSON: 'unknown', DateTime: 'string' },
        strictScalars: true,
        avoidOptionals: { field: true, inputValue: false },
      },
    },
  },
};

export default config;
