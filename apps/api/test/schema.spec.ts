import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { useTestApp } from './support/test-app';

const SCHEMA_FILE = join(__dirname, '..', 'schema.graphql');
const HEADER =
  '# Generated from the code-first resolvers. Do not edit: run `npm run schema -w apps/api` after changing the API.\n\n';

describe('schema.graphql', () => {
  const t = useTestApp();

  it('matches the schema the code generates (run `npm run schema -w apps/api` to update it)', () => {
    const generated =
      HEADER + printSchema(lexicographicSortSchema(t.app.get(GraphQLSchemaHost).schema)) + '\n';
    if (process.env['UPDATE_GRAPHQL_SCHEMA'] === '1') writeFileSync(SCHEMA_FILE, generated);
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    expect(committed).toBe(generated);
  });
});
