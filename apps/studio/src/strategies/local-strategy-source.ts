import type { StrategyDocument } from '@arbiter/engine';
import { EXAMPLES } from '@arbiter/engine/examples';
import { ApiError } from '../api/client';
import type { EditorEnvironment } from '../editor/editor-context';
import type { OpenedVersion, StrategySource, StrategySummary } from './strategy-source';

interface StoredStrategy {
  id: string;
  name: string;
  exampleId: string;
  revision: number;
  updatedAt: string;
  document: StrategyDocument;
}

const KEY = 'arbiter.local.strategies';

/**
 * Strategies kept in this browser, written against the catalog and schema of an example. For
 * trying the studio without the API (`?local`), and for component tests.
 */
export class LocalStrategySource implements StrategySource {
  readonly mode = 'local';

  constructor(private readonly storage: Pick<Storage, 'getItem' | 'setItem'> = window.localStorage) {}

  private read(): StoredStrategy[] {
    try {
      const stored = JSON.parse(this.storage.getItem(KEY) ?? 'null') as StoredStrategy[] | null;
      if (stored) return stored;
    } catch {
      // fall through to the examples
    }
    const seeded = EXAMPLES.map((e) => ({
      id: e.id,
      name: e.title,
      exampleId: e.id,
      revision: 1,
      updatedAt: new Date().toISOString(),
      document: e.document,
    }));
    this.write(seeded);
    return seeded;
  }

  private write(strategies: StoredStrategy[]): void {
    this.storage.setItem(KEY, JSON.stringify(strategies));
  }

  async list(): Promise<StrategySummary[]> {
    return this.read().map((s) => ({
      id: s.id,
      name: s.name,
      updatedAt: s.updatedAt,
      latest: { id: s.id, number: 1, status: 'DRAFT' },
      statuses: ['DRAFT'],
    }));
  }

  async create(name: string, document?: StrategyDocument): Promise<string> {
    const all = this.read();
    const id = `local-${Date.now().toString(36)}`;
    all.push({
      id,
      name,
      exampleId: EXAMPLES[0]!.id,
      revision: 1,
      updatedAt: new Date().toISOString(),
      document: { ...(document ?? { schemaVersion: 1, nodes: [], edges: [] }), name },
    });
    this.write(all);
    return id;
  }

  async open(strategyId: string): Promise<OpenedVersion> {
    return this.reload(strategyId);
  }

  async reload(versionId: string): Promise<OpenedVersion> {
    const s = this.read().find((x) => x.id === versionId);
    if (!s) throw new ApiError('There is no such strategy in this browser.', 'NOT_FOUND');
    return {
      strategyId: s.id,
      strategyName: s.name,
      versionId: s.id,
      number: 1,
      status: 'DRAFT',
      revision: s.revision,
      document: s.document,
    };
  }

  async save(versionId: string, document: StrategyDocument, expectedRevision: number): Promise<number> {
    const all = this.read();
    const s = all.find((x) => x.id === versionId);
    if (!s) throw new ApiError('There is no such strategy in this browser.', 'NOT_FOUND');
    if (s.revision !== expectedRevision)
      throw new ApiError('Someone saved this draft in another tab.', 'CONFLICT');
    s.document = document;
    s.revision += 1;
    s.updatedAt = new Date().toISOString();
    this.write(all);
    return s.revision;
  }

  async newDraftFrom(versionId: string): Promise<OpenedVersion> {
    return this.reload(versionId);
  }

  async environment(strategyId: string): Promise<EditorEnvironment> {
    const s = this.read().find((x) => x.id === strategyId);
    const example = EXAMPLES.find((e) => e.id === s?.exampleId) ?? EXAMPLES[0]!;
    return { actions: example.actions, schema: example.schema };
  }
}
