import { request } from '../api/client';
import { graphql } from '../api/generated';
import type {
  CatalogActionFieldsFragment,
  CreateActionInput,
  UpdateActionInput,
} from '../api/generated/graphql';
import type { ChangeImpact } from './change-impact';

export const CatalogActionFields = graphql(`
  fragment CatalogActionFields on Action {
    id
    name
    group
    channel
    value
    cost
    validFrom
    validTo
    tags
    attributes
    revision
  }
`);

const CatalogPageQuery = graphql(`
  # 50 a page: the API caps a query at 1000 points (fields × page size).
  query CatalogPage($after: String) {
    actions(page: { first: 50, after: $after }) {
      edges {
        node {
          ...CatalogActionFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const CatalogActionQuery = graphql(`
  query CatalogAction($id: String!) {
    action(id: $id) {
      ...CatalogActionFields
    }
  }
`);

const CreateCatalogActionMutation = graphql(`
  mutation CreateCatalogAction($input: CreateActionInput!) {
    createAction(input: $input) {
      ...CatalogActionFields
    }
  }
`);

const UpdateCatalogActionMutation = graphql(`
  mutation UpdateCatalogAction($id: String!, $input: UpdateActionInput!) {
    updateAction(id: $id, input: $input) {
      ...CatalogActionFields
    }
  }
`);

const CatalogChangeImpactQuery = graphql(`
  query CatalogChangeImpact($action: CreateActionInput!, $remove: Boolean!) {
    catalogChangeImpact(action: $action, remove: $remove) {
      ...ChangeImpactParts
    }
  }
`);

const DeleteCatalogActionMutation = graphql(`
  mutation DeleteCatalogAction($id: String!, $expectedRevision: Int!) {
    deleteAction(id: $id, expectedRevision: $expectedRevision) {
      id
    }
  }
`);

/** An action of the catalog as the screens use it. */
export type CatalogAction = CatalogActionFieldsFragment;

export type ActionCreate = CreateActionInput;
export type ActionUpdate = UpdateActionInput;

export interface CatalogApi {
  /** The whole catalog, every page of it, by id. */
  all(): Promise<CatalogAction[]>;
  get(id: string): Promise<CatalogAction>;
  create(input: ActionCreate): Promise<CatalogAction>;
  update(id: string, input: ActionUpdate): Promise<CatalogAction>;
  remove(id: string, expectedRevision: number): Promise<void>;
  /** What saving this action (the whole of it) — or, with `remove`, deleting it — would do to strategy versions. */
  impact(action: ActionCreate, remove?: boolean): Promise<ChangeImpact>;
}

export const graphqlCatalogApi: CatalogApi = {
  all: async () => {
    const actions: CatalogAction[] = [];
    let after: string | null | undefined;
    do {
      const page = (await request(CatalogPageQuery, { after })).actions;
      actions.push(...page.edges.map((e) => e.node));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : undefined;
    } while (after);
    return actions;
  },
  get: async (id) => (await request(CatalogActionQuery, { id })).action,
  create: async (input) => (await request(CreateCatalogActionMutation, { input }, 'mutation')).createAction,
  update: async (id, input) =>
    (await request(UpdateCatalogActionMutation, { id, input }, 'mutation')).updateAction,
  remove: async (id, expectedRevision) => {
    await request(DeleteCatalogActionMutation, { id, expectedRevision }, 'mutation');
  },
  impact: async (action, remove = false) =>
    (await request(CatalogChangeImpactQuery, { action, remove })).catalogChangeImpact,
};
