import { request } from '../api/client';
import { allNodes, nextCursor } from '../api/connection';
import { graphql } from '../api/generated';
import type {
  CatalogActionFieldsFragment,
  CatalogSummaryQuery,
  CreateActionInput,
  ImportActionUpdateInput,
  ImportCatalogActionsMutation,
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

/** Rows a page: 100 × 13 fields stays well under the API's cost limit of 5,000 points per query. */
export const CATALOG_PAGE_SIZE = 100;

const CatalogPageQuery = graphql(`
  query CatalogPage($filter: ActionFilterInput, $first: Int!, $after: String) {
    actions(filter: $filter, page: { first: $first, after: $after }) {
      edges {
        node {
          ...CatalogActionFields
        }
      }
      pageInfo {
        ...PageInfoFields
      }
    }
  }
`);

const CatalogSummaryQuery = graphql(`
  query CatalogSummary($filter: ActionFilterInput) {
    actionCatalogSummary(filter: $filter) {
      total
      matching
      groups
      channels
      changedAt
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

const ImportCatalogActionsMutation = graphql(`
  mutation ImportCatalogActions($input: ImportActionsInput!) {
    importActions(input: $input) {
      created
      updated
      impacts {
        versionId
        effect
        message
      }
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

/** What an import wrote, and each strategy version it touched (in words). */
export type ImportResult = ImportCatalogActionsMutation['importActions'];

/** What the Actions screen filters by, on the server; empty strings mean "any". */
export interface CatalogFilter {
  search: string;
  group: string;
  channel: string;
}

export interface CatalogPage {
  actions: CatalogAction[];
  /** The cursor of the next page; undefined on the last one. */
  next?: string;
}

export type CatalogSummary = CatalogSummaryQuery['actionCatalogSummary'];

export interface CatalogApi {
  /** One page of the actions that match `filter`, by id, after the cursor `after`. */
  page(filter: CatalogFilter, after?: string): Promise<CatalogPage>;
  /** Sizes, groups and channels of the catalog; `matching` counts `filter`. */
  summary(filter: CatalogFilter): Promise<CatalogSummary>;
  /** The whole catalog, by id (read again only when it changed since the last call). */
  all(): Promise<CatalogAction[]>;
  get(id: string): Promise<CatalogAction>;
  create(input: ActionCreate): Promise<CatalogAction>;
  update(id: string, input: ActionUpdate): Promise<CatalogAction>;
  remove(id: string, expectedRevision: number): Promise<void>;
  /** New actions and updates written together, or none (the error's details name the rows refused). */
  importActions(create: ActionCreate[], update: ImportActionUpdateInput[]): Promise<ImportResult>;
  /** What saving this action (the whole of it) — or, with `remove`, deleting it — would do to strategy versions. */
  impact(action: ActionCreate, remove?: boolean): Promise<ChangeImpact>;
}

const NO_FILTER: CatalogFilter = { search: '', group: '', channel: '' };

const asFilter = (f: CatalogFilter) => ({
  search: f.search.trim() || null,
  group: f.group || null,
  channel: f.channel || null,
});

const readConnection = async (filter: CatalogFilter, after?: string) =>
  (await request(CatalogPageQuery, { filter: asFilter(filter), first: CATALOG_PAGE_SIZE, after })).actions;

const readPage = async (filter: CatalogFilter, after?: string): Promise<CatalogPage> => {
  const page = await readConnection(filter, after);
  return {
    actions: page.edges.map((e) => e.node),
    next: nextCursor(page),
  };
};

const readSummary = async (filter: CatalogFilter): Promise<CatalogSummary> =>
  (await request(CatalogSummaryQuery, { filter: asFilter(filter) })).actionCatalogSummary;

/**
 * The whole catalog as last read, with the size and last change it had then: the editor, the mapping
 * and the models screens ask for it each time they open (and on focus), and one small query tells
 * whether the copy is still current.
 */
let wholeCatalog: { version: string; actions: CatalogAction[] } | undefined;

export const graphqlCatalogApi: CatalogApi = {
  page: readPage,
  summary: readSummary,
  all: async () => {
    const { total, changedAt } = await readSummary(NO_FILTER);
    const version = `${total}@${changedAt ?? ''}`;
    if (wholeCatalog?.version === version) return wholeCatalog.actions;
    const actions = await allNodes((after) => readConnection(NO_FILTER, after));
    wholeCatalog = { version, actions };
    return actions;
  },
  get: async (id) => (await request(CatalogActionQuery, { id })).action,
  create: async (input) => (await request(CreateCatalogActionMutation, { input }, 'mutation')).createAction,
  update: async (id, input) =>
    (await request(UpdateCatalogActionMutation, { id, input }, 'mutation')).updateAction,
  remove: async (id, expectedRevision) => {
    await request(DeleteCatalogActionMutation, { id, expectedRevision }, 'mutation');
  },
  importActions: async (create, update) =>
    (await request(ImportCatalogActionsMutation, { input: { create, update } }, 'mutation')).importActions,
  impact: async (action, remove = false) =>
    (await request(CatalogChangeImpactQuery, { action, remove })).catalogChangeImpact,
};
