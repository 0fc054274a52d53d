import {
  completeSimulation,
  createStrategy,
  mutate,
  saveDraft,
  VALID_DOC,
  type VersionView,
} from './fixtures';
import { ok, Role, setInBeforeAll, type TestApp, type TestUser } from './test-app';

/** Builds versions in every state with a fixed cast, so a test can act on them as someone else. */
export class Scenario {
  private n = 0;
  designer!: TestUser;
  reviewer!: TestUser;
  publisher!: TestUser;

  constructor(private readonly t: TestApp) {}

  async init(): Promise<this> {
    this.designer = await this.t.user([Role.designer], 'scenario-designer');
    this.reviewer = await this.t.user([Role.reviewer], 'scenario-reviewer');
    this.publisher = await this.t.user([Role.publisher], 'scenario-publisher');
    return this;
  }

  unique(prefix: string): string {
    this.n += 1;
    return `${prefix}-${this.n}-${Math.random().toString(36).slice(2, 8)}`;
  }

  /** A document no other version has (so evidence and hashes never leak between tests). */
  uniqueDoc() {
    return { ...VALID_DOC, description: this.unique('doc') };
  }

  async draft(): Promise<{ strategyId: string; version: VersionView }> {
    return createStrategy(this.t, this.designer.token, this.unique('Strategy'), this.uniqueDoc());
  }

  async inReview() {
    const s = await this.draft();
    ok(await mutate.submit(this.t, this.designer.token, s.version.id));
    return s;
  }

  async approved() {
    const s = await this.inReview();
    await completeSimulation(this.t, s.version.contentHash);
    ok(await mutate.approve(this.t, this.reviewer.token, s.version.id));
    return s;
  }

  async published() {
    const s = await this.approved();
    ok(await mutate.publish(this.t, this.publisher.token, s.version.id));
    return s;
  }

  /** Version 1 RETIRED, version 2 PUBLISHED. */
  async replaced() {
    const s = await this.published();
    const v2 = ok(await mutate.clone(this.t, this.designer.token, s.version.id)).cloneVersion;
    const saved = ok(await saveDraft(this.t, this.designer.token, v2.id, v2.revision, this.uniqueDoc()))
      .saveDraft.version;
    ok(await mutate.submit(this.t, this.designer.token, v2.id));
    await completeSimulation(this.t, saved.contentHash);
    ok(await mutate.approve(this.t, this.reviewer.token, v2.id));
    ok(await mutate.publish(this.t, this.publisher.token, v2.id));
    return { strategyId: s.strategyId, v1: s.version, v2: saved };
  }

  async action(): Promise<{ id: string; revision: number }> {
    const id = this.unique('act');
    return ok(
      await this.t.gql(
        `mutation($i: CreateActionInput!) { createAction(input: $i) { id revision } }`,
        { i: { id, name: id } },
        this.designer.token,
      ),
    ).createAction;
  }

  async schemaField(): Promise<string> {
    const name = this.unique('f').replace(/-/g, '_');
    ok(
      await this.t.gql(
        `mutation($n: String!) { defineSchemaField(input: { scope: customer, name: $n, type: number }) { name } }`,
        { n: name },
        this.designer.token,
      ),
    );
    return name;
  }
}

/** The scenario's cast, signed in by a `beforeAll` (declare it after `useTestApp`). */
export function useScenario(t: TestApp): Scenario {
  const scenario = setInBeforeAll<Scenario>('the scenario');
  beforeAll(async () => scenario.set(await new Scenario(t).init()));
  return scenario.value;
}
