import { request } from '../api/client';
import { graphql } from '../api/generated';
import type {
  DefineSchemaFieldInput,
  FieldType,
  SchemaFieldPartsFragment,
  SchemaScope,
} from '../api/generated/graphql';

const SchemaFieldsQuery = graphql(`
  query SchemaFields {
    dataSchema {
      customer {
        ...SchemaFieldParts
      }
      context {
        ...SchemaFieldParts
      }
    }
  }
  fragment SchemaFieldParts on SchemaField {
    scope
    name
    type
    label
    description
    allowedValues
    personal
  }
`);

const DefineSchemaFieldMutation = graphql(`
  mutation DefineSchemaField($input: DefineSchemaFieldInput!) {
    defineSchemaField(input: $input) {
      ...SchemaFieldParts
    }
  }
`);

const RemoveSchemaFieldMutation = graphql(`
  mutation RemoveSchemaField($scope: SchemaScope!, $name: String!) {
    removeSchemaField(scope: $scope, name: $name) {
      name
    }
  }
`);

export type { FieldType, SchemaScope };

export type SchemaField = SchemaFieldPartsFragment;

export interface DeclaredFields {
  customer: SchemaField[];
  context: SchemaField[];
}

export interface SchemaApi {
  load(): Promise<DeclaredFields>;
  define(input: DefineSchemaFieldInput): Promise<SchemaField>;
  remove(scope: SchemaScope, name: string): Promise<void>;
}

export const graphqlSchemaApi: SchemaApi = {
  load: async () => (await request(SchemaFieldsQuery, {})).dataSchema,
  define: async (input) =>
    (await request(DefineSchemaFieldMutation, { input }, 'mutation')).defineSchemaField,
  remove: async (scope, name) => {
    await request(RemoveSchemaFieldMutation, { scope, name }, 'mutation');
  },
};
