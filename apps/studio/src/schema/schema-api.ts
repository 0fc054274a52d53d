import { request } from '../api/client';
import { graphql } from '../api/generated';
import type {
  DefineSchemaFieldInput,
  FieldType,
  SchemaFieldPartsFragment,
  SchemaFieldsQuery as SchemaFieldsData,
  SchemaScope,
} from '../api/generated/graphql';
import type { ChangeImpact } from '../catalog/change-impact';

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
    protected
  }
`);

const DefineSchemaFieldMutation = graphql(`
  mutation DefineSchemaField($input: DefineSchemaFieldInput!) {
    defineSchemaField(input: $input) {
      ...SchemaFieldParts
    }
  }
`);

const SchemaChangeImpactQuery = graphql(`
  query SchemaChangeImpact($field: DefineSchemaFieldInput!, $remove: Boolean!) {
    schemaChangeImpact(field: $field, remove: $remove) {
      ...ChangeImpactParts
    }
  }
`);

const SetSchemaFieldProtectedMutation = graphql(`
  mutation SetSchemaFieldProtected($scope: SchemaScope!, $name: String!, $protected: Boolean!) {
    setSchemaFieldProtected(scope: $scope, name: $name, protected: $protected) {
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

/** The declared customer and context fields. */
export type DeclaredFields = SchemaFieldsData['dataSchema'];

export interface SchemaApi {
  load(): Promise<DeclaredFields>;
  define(input: DefineSchemaFieldInput): Promise<SchemaField>;
  remove(scope: SchemaScope, name: string): Promise<void>;
  /** What saving this definition — or, with `remove`, removing the field — would do to strategy versions. */
  impact(input: DefineSchemaFieldInput, remove?: boolean): Promise<ChangeImpact>;
  /** Marks a customer field protected for the fairness check, or not (designers and admins). */
  setProtected(scope: SchemaScope, name: string, value: boolean): Promise<SchemaField>;
}

export const graphqlSchemaApi: SchemaApi = {
  load: async () => (await request(SchemaFieldsQuery, {})).dataSchema,
  define: async (input) =>
    (await request(DefineSchemaFieldMutation, { input }, 'mutation')).defineSchemaField,
  remove: async (scope, name) => {
    await request(RemoveSchemaFieldMutation, { scope, name }, 'mutation');
  },
  impact: async (field, remove = false) =>
    (await request(SchemaChangeImpactQuery, { field, remove })).schemaChangeImpact,
  setProtected: async (scope, name, value) =>
    (await request(SetSchemaFieldProtectedMutation, { scope, name, protected: value }, 'mutation'))
      .setSchemaFieldProtected,
};
