import fc from 'fast-check';
import { plainText } from './bad-values';
import type { FuzzCase } from './fuzz-case';
import type { FuzzWorld } from './fuzz-world';

let serial = 0;
const unique = () => `${process.pid.toString(36)}-${(serial++).toString(36)}`;
const json = (body: unknown) => JSON.stringify(body);
const OK_REST = { status: [200, 201], codes: ['OK'] };
const OK_GQL = { status: [200], codes: ['OK'] };

interface DecisionAnswer {
  decisionId: string;
  customerId: string;
  actions: { actionId: string }[];
}

/**
 * Valid requests between the bad ones: their answers must be right and what they wrote must still
 * be there at the end (decisions in the log, outcomes, actions, comments, datasets).
 */
export function goodCases(w: FuzzWorld): fc.Arbitrary<FuzzCase> {
  const restHeaders = { 'content-type': 'application/json', authorization: `Bearer ${w.apiKey}` };
  const gqlHeaders = (token: string) => ({
    'content-type': 'application/json',
    authorization: `Bearer ${token}`,
  });
  const remember = (answers: DecisionAnswer[], state: Parameters<NonNullable<FuzzCase['remember']>>[1]) => {
    for (const a of answers)
      state.recentDecisions.push({
        decisionId: a.decisionId,
        customerId: a.customerId,
        actionIds: a.actions.map((x) => x.actionId),
      });
    if (state.recentDecisions.length > 200)
      state.recentDecisions.splice(0, state.recentDecisions.length - 200);
  };
  return fc.oneof(
    fc
      .record({ age: fc.integer({ min: 0, max: 120 }), name: plainText(10), explain: fc.boolean() })
      .map(({ age, name, explain }): FuzzCase => ({
        target: 'POST /api/v1/decisions',
        kind: 'good',
        note: 'a valid decision',
        request: {
          method: 'POST',
          path: '/api/v1/decisions',
          headers: restHeaders,
          body: json({
            strategy: w.publishedStrategyId,
            customer: { id: `good-${unique()}`, age, name },
            context: { channel: 'web' },
            explain,
          }),
        },
        expect: OK_REST,
        decides: true,
        remember: (body, state) => remember([body as DecisionAnswer], state),
      })),
    fc
      .oneof(
        { arbitrary: fc.integer({ min: 1, max: 20 }), weight: 9 },
        { arbitrary: fc.constant(1_000), weight: 1 },
      )
      .map((n): FuzzCase => ({
        target: 'POST /api/v1/decisions:batch',
        kind: 'good',
        note: `a valid batch of ${n}`,
        request: {
          method: 'POST',
          path: '/api/v1/decisions:batch',
          headers: restHeaders,
          body: json({
            strategy: w.publishedStrategyId,
            requests: Array.from({ length: n }, () => ({ customer: { id: `good-${unique()}` } })),
          }),
        },
        expect: OK_REST,
        decides: true,
        remember: (body, state) => remember((body as { results: DecisionAnswer[] }).results, state),
      })),
    fc.constantFrom('accepted', 'declined', 'clicked', 'converted', 'ignored').map((outcome): FuzzCase => ({
      target: 'POST /api/v1/outcomes',
      kind: 'good',
      note: 'a valid outcome of an answered decision',
      request: (state) => {
        const d = state.recentDecisions.find((x) => x.actionIds.length > 0);
        if (!d) return undefined;
        state.recentDecisions.splice(state.recentDecisions.indexOf(d), 1);
        return {
          method: 'POST',
          path: '/api/v1/outcomes',
          headers: restHeaders,
          body: json({
            decisionId: d.decisionId,
            actionId: d.actionIds[0],
            outcome,
            idempotencyKey: `good-${unique()}`,
          }),
        };
      },
      expect: OK_REST,
      remember: (body, state) => void state.goodOutcomes.add((body as { id: string }).id),
    })),
    fc
      .record({
        name: plainText(30).filter((s) => s.trim().length > 0),
        value: fc.double({ min: -1e12, max: 1e12, noNaN: true }),
      })
      .map(({ name, value }): FuzzCase => {
        const id = `good-${unique()}`;
        return {
          target: 'graphql createAction',
          kind: 'good',
          note: 'a valid action',
          request: {
            method: 'POST',
            path: '/graphql',
            headers: gqlHeaders(w.designerToken),
            body: json({
              query: 'mutation($i: CreateActionInput!) { createAction(input: $i) { id name value } }',
              variables: { i: { id, name, value } },
            }),
          },
          expect: OK_GQL,
          remember: (body, state) => {
            const a = (body as { data: { createAction: { id: string; name: string; value: number } } }).data
              .createAction;
            state.goodActions.set(a.id, { name: a.name, value: a.value });
          },
        };
      }),
    plainText(60)
      .filter((s) => s.trim().length > 0)
      .map((text): FuzzCase => ({
        target: 'graphql addComment',
        kind: 'good',
        note: 'a valid comment',
        request: {
          method: 'POST',
          path: '/graphql',
          headers: gqlHeaders(w.designerToken),
          body: json({
            query: 'mutation($i: AddCommentInput!) { addComment(input: $i) { id body } }',
            variables: { i: { versionId: w.draftVersionId, body: text } },
          }),
        },
        expect: OK_GQL,
        remember: (body, state) => {
          const c = (body as { data: { addComment: { id: string; body: string } } }).data.addComment;
          state.goodComments.set(c.id, c.body);
        },
      })),
    fc.integer({ min: 1, max: 50 }).map((rows): FuzzCase => ({
      target: 'POST /api/v1/datasets',
      kind: 'good',
      note: `a valid CSV of ${rows} rows`,
      request: {
        method: 'POST',
        path: `/api/v1/datasets?name=good-${unique()}`,
        headers: {
          'content-type': 'text/csv',
          authorization: `Bearer ${w.adminToken}`,
          'x-dataset-mapping': json({ customerId: 'id' }),
        },
        body: `id,age\n${Array.from({ length: rows }, (_, i) => `r${i},${i}`).join('\n')}\n`,
      },
      expect: { status: [201], codes: ['OK'] },
      remember: (body, state) => void state.goodDatasets.set((body as { id: string }).id, rows),
    })),
  );
}
