/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ApiError } from '../api/client';
import type { Role } from '../api/generated/graphql';
import type { ReviewApi, ReviewData, ReviewVersionData } from './review-api';
import { EVIDENCE_POLL_MS, ReviewScreen } from './ReviewScreen';
import { DIFF, FROM_DOC, TO_DOC } from './test-fixtures';
import { NOT_MEASURED } from '../test-support/fairness-fixtures';
import { grantsFor } from '../test-support/served-permissions';

type Evidence = ReviewVersionData['evidence'][number];
const sim = (status: Evidence['status'], rowsDone: number, fairnessCheck = NOT_MEASURED): Evidence => ({
  id: 'sim-1',
  status,
  completedAt: status === 'COMPLETED' ? '2026-11-20T12:00:00.000Z' : null,
  rowsTotal: 1000,
  progress: { rowsDone, rowsTotal: 1000 },
  dataset: { name: 'Customers 2025' },
  fairnessCheck,
});

const FINDING = "age band 18–25 gets 'Gold card' first at 4.0% vs 9.0% for 40–60: ratio 0.44, below 0.80";
const FAILED: Evidence['fairnessCheck'] = {
  status: 'FAILED',
  summary: `1 case below the ratio floor of 0.80; the lowest: ${FINDING}.`,
  findings: [FINDING],
  ratioFloor: 0.8,
  minGroupSize: 30,
  fields: [
    {
      field: 'ageBand',
      label: 'age band',
      groups: [
        { group: '18–25', rows: 100, judged: true },
        { group: '26–39', rows: 10, judged: false },
        { group: '40–60', rows: 100, judged: true },
      ],
      actions: [
        {
          actionId: 'gold',
          actionName: 'Gold card',
          ratio: 4 / 9,
          ratioAnyRank: 4 / 9,
          belowFloor: true,
          rates: [
            { group: '18–25', first: 0.04, anyRank: 0.04 },
            { group: '26–39', first: 0.2, anyRank: 0.2 },
            { group: '40–60', first: 0.09, anyRank: 0.09 },
          ],
        },
      ],
    },
  ],
};

const v = (over: Partial<ReviewVersionData>): ReviewVersionData => ({
  id: 'v2',
  strategyId: 's1',
  number: 2,
  status: 'IN_REVIEW',
  revision: 4,
  contentHash: 'abcdef0123456789abcdef',
  createdAt: '2026-11-20T10:00:00.000Z',
  createdBy: 'designer-1',
  updatedAt: '2026-11-20T11:00:00.000Z',
  submittedAt: '2026-11-20T11:00:00.000Z',
  submittedBy: 'designer-1',
  approvedAt: null,
  approvedBy: null,
  publishedAt: null,
  publishedBy: null,
  retiredAt: null,
  basedOnVersionId: 'v1',
  editors: ['designer-1'],
  evidence: [sim('COMPLETED', 1000)],
  ...over,
});

function fakeApi(
  me: { id: string; roles: Role[] },
  versions: ReviewVersionData[],
): ReviewApi & { calls: string[] } {
  const calls: string[] = [];
  const data = (): ReviewData => ({
    me: { id: me.id, email: `${me.id}@x`, displayName: me.id, roles: me.roles, ...grantsFor(me.roles) },
    strategy: {
      id: 's1',
      name: 'Retention',
      description: 'Keeps customers who are about to leave',
      publishedVersion: { id: 'v1', number: 1 },
      versions,
    },
  });
  return {
    calls,
    load: async () => data(),
    comments: async (versionId) =>
      versionId === 'v2'
        ? [
            {
              id: 'c1',
              authorId: 'designer-1',
              body: 'Raised the age limit',
              createdAt: '2026-11-20T11:00:00.000Z',
              kind: 'COMMENT',
              nodeId: 'adults',
              versionId,
            },
          ]
        : [],
    addComment: async (versionId, body, nodeId) => {
      calls.push(`comment ${body} ${nodeId ?? ''}`);
      return {
        id: 'c2',
        authorId: me.id,
        body,
        createdAt: '2026-11-21T00:00:00.000Z',
        kind: 'COMMENT',
        nodeId: nodeId ?? null,
        versionId,
      };
    },
    submit: async (id) => void calls.push(`submit ${id}`),
    approve: async (id, comment, justification) =>
      void calls.push(`approve ${id} ${comment ?? ''}${justification ? ` because ${justification}` : ''}`),
    reject: async (id, comment) => void calls.push(`reject ${id} ${comment}`),
    publish: async () => {
      throw new ApiError(
        'Version 2 is IN_REVIEW. Allowed now: approve, reject.',
        'INVALID_STATE',
        undefined,
        { allowed: ['approve', 'reject'] },
      );
    },
    rollback: async (s, id, reason) => void calls.push(`rollback ${s} ${id}: ${reason}`),
    clone: async (id) => {
      calls.push(`clone ${id}`);
      return 'v3';
    },
    diff: async () => DIFF,
    document: async (id) => (id === 'v1' ? FROM_DOC : TO_DOC),
  };
}

/** The review screen of strategy s1, served by `api`. */
function renderReview(api: ReviewApi, props: { versionId?: string } = {}) {
  return render(
    <ReviewScreen
      strategyId="s1"
      api={api}
      onBack={() => undefined}
      onOpenEditor={() => undefined}
      {...props}
    />,
  );
}

/** Writes `text` into the dialog's field `label`, then presses the dialog's button `button`. */
function fillAndPress(dialog: HTMLElement, label: string, text: string, button: string) {
  fireEvent.change(within(dialog).getByLabelText(label), { target: { value: text } });
  fireEvent.click(within(dialog).getByRole('button', { name: button }));
}

const V1 = v({ id: 'v1', number: 1, status: 'PUBLISHED', basedOnVersionId: null, contentHash: '1111111111' });

describe('ReviewScreen', () => {
  it('shows the timeline and lets another reviewer approve with a comment', async () => {
    const api = fakeApi({ id: 'reviewer-1', roles: ['reviewer'] }, [v({}), V1]);
    renderReview(api);
    const timeline = await screen.findByRole('navigation', { name: 'Version history' });
    expect(within(timeline).getByText('v2')).toBeTruthy();
    expect(within(timeline).getByText('In review')).toBeTruthy();
    expect(within(timeline).getByText('Published')).toBeTruthy();
    expect(within(timeline).getByText('#abcdef01')).toBeTruthy();
    expect(await screen.findByText('Raised the age limit')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Approve' }));
    const dialog = screen.getByRole('dialog', { name: 'Approve this version' });
    fillAndPress(dialog, 'Comment (optional)', 'Looks right', 'Approve');
    await screen.findByText('Approved.');
    expect(api.calls).toEqual(['approve v2 Looks right']);
  });

  it('opens on the version waiting for review, not the newest draft, with the strategy and its evidence', async () => {
    const draft = v({ id: 'v3', number: 3, status: 'DRAFT', evidence: [] });
    renderReview(fakeApi({ id: 'reviewer-1', roles: ['reviewer'] }, [draft, v({}), V1]));
    expect(await screen.findByRole('heading', { name: /^Version 2/ })).toBeTruthy();
    expect(screen.getByLabelText('About this strategy').textContent).toBe(
      'Keeps customers who are about to leave',
    );
    const evidence = screen.getByRole('region', { name: 'Simulation evidence' });
    const link = within(evidence).getByRole('link', {
      name: 'Results of the simulation on “Customers 2025”',
    });
    expect(link.getAttribute('href')).toBe('#/simulations/sim-1');
  });

  it('opens on the version the review queue links to', async () => {
    renderReview(fakeApi({ id: 'reviewer-1', roles: ['reviewer'] }, [v({}), V1]), { versionId: 'v1' });
    expect(await screen.findByRole('heading', { name: /^Version 1/ })).toBeTruthy();
  });

  it('shows the fairness check of the evidence, and approves over a failed one only with a justification', async () => {
    const api = fakeApi({ id: 'reviewer-1', roles: ['reviewer'] }, [
      v({ evidence: [sim('COMPLETED', 1000, FAILED)] }),
      V1,
    ]);
    renderReview(api);
    const check = await screen.findByRole('region', { name: 'Fairness check' });
    expect(within(check).getByText('below the threshold')).toBeTruthy();
    expect(
      within(within(check).getByRole('list', { name: 'Below the ratio floor' })).getByText(FINDING),
    ).toBeTruthy();
    const table = within(check).getByRole('table', { name: 'Fairness by age band' });
    const gold = within(table).getByRole('row', { name: /Gold card/ });
    expect(
      within(gold)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['4.0%', '20.0%', '9.0%', '0.44 below 0.80', '0.44']);
    expect(within(table).getByRole('columnheader', { name: /26–39 10, not judged/ })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Approve' }));
    const dialog = screen.getByRole('dialog', { name: 'Approve this version' });
    expect(within(dialog).getByText(FINDING)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Approve' }));
    expect(within(dialog).getByRole('alert').textContent).toMatch(/^Write why approving is justified/);
    expect(api.calls).toEqual([]);
    fillAndPress(
      dialog,
      'Justification (required: why approve it anyway)',
      'Income rule required by the credit policy',
      'Approve',
    );
    await screen.findByText('Approved.');
    expect(api.calls).toEqual(['approve v2  because Income rule required by the credit policy']);
  });

  it('shows a justification in the review history in words', async () => {
    const api = fakeApi({ id: 'reviewer-1', roles: ['reviewer'] }, [v({ status: 'APPROVED' }), V1]);
    api.comments = async (versionId) => [
      {
        id: 'j1',
        authorId: 'reviewer-1',
        body: 'Income rule required by the credit policy',
        createdAt: '2026-11-21T00:00:00.000Z',
        kind: 'JUSTIFICATION',
        nodeId: null,
        versionId,
      },
    ];
    renderReview(api);
    const item = (await screen.findByText('Income rule required by the credit policy')).closest('li')!;
    expect(item.textContent).toMatch(/^you approved over the failed fairness check, because ·/);
  });

  it('disables approve for the author (four eyes) and without evidence, with the reason on hover', async () => {
    const api = fakeApi({ id: 'designer-1', roles: ['designer', 'reviewer'] }, [v({}), V1]);
    const { unmount } = renderReview(api);
    const approve = await screen.findByRole('button', { name: 'Approve' });
    expect((approve as HTMLButtonElement).disabled).toBe(true);
    expect(approve.parentElement!.getAttribute('title')).toMatch(/You wrote this version.*four eyes/);
    unmount();

    renderReview(fakeApi({ id: 'reviewer-1', roles: ['reviewer'] }, [v({ evidence: [] }), V1]));
    const approve2 = await screen.findByRole('button', { name: 'Approve' });
    expect((approve2 as HTMLButtonElement).disabled).toBe(true);
    expect(approve2.parentElement!.getAttribute('title')).toMatch(/No completed simulation/);
    expect(screen.getByText(/no simulation of this content yet/)).toBeTruthy();
  });

  it('requires a reason to reject, says so, and shows the rejection among the comments after it', async () => {
    const versions = [v({}), V1];
    const api = fakeApi({ id: 'reviewer-1', roles: ['reviewer', 'publisher'] }, versions);
    const comments = api.comments;
    api.reject = async (id, comment) => {
      api.calls.push(`reject ${id} ${comment}`);
      versions[0] = v({ status: 'DRAFT' });
      api.comments = async (versionId) => [
        ...(await comments(versionId)),
        {
          id: 'c9',
          authorId: 'reviewer-1',
          body: comment,
          createdAt: '2026-11-21T00:00:00.000Z',
          kind: 'REJECTION',
          nodeId: null,
          versionId,
        },
      ];
    };
    renderReview(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Reject…' }));
    const dialog = screen.getByRole('dialog', { name: 'Reject this version' });
    const reason = within(dialog).getByLabelText('What must change (required)');
    fireEvent.change(reason, { target: { value: '   ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reject' }));
    expect(within(dialog).getByRole('alert').textContent).toMatch(/^Say what must change/);
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(api.calls).toEqual([]);

    fireEvent.change(reason, { target: { value: 'Keep 18' } });
    expect(within(dialog).queryByRole('alert')).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reject' }));
    await screen.findByText(/Rejected: it is a draft again/);
    expect(api.calls).toEqual(['reject v2 Keep 18']);
    const comment = await screen.findByText('Keep 18');
    expect(comment.closest('li')!.className).toMatch(/comment-rejection/);
    expect(screen.getByText('was rejected')).toBeTruthy();
  });

  it('names the step a comment is about and offers the version’s steps to comment on', async () => {
    const api = fakeApi({ id: 'reviewer-1', roles: ['reviewer'] }, [v({}), V1]);
    api.document = async () => ({
      ...TO_DOC,
      nodes: TO_DOC.nodes.map((n) => (n.id === 'adults' ? { ...n, label: 'Adults' } : n)),
    });
    renderReview(api);
    const comments = await screen.findByRole('region', { name: 'Comments' });
    await waitFor(() => expect(within(comments).getByText(/on step “Adults”/)).toBeTruthy());
    const about = within(comments).getByLabelText('About step (optional)');
    const options = [...document.getElementById(about.getAttribute('list')!)!.querySelectorAll('option')];
    expect(options.map((o) => [o.value, o.label])).toContainEqual(['adults', 'Adults']);

    fireEvent.change(within(comments).getByLabelText('Add a comment'), { target: { value: 'Why 21?' } });
    fireEvent.change(about, { target: { value: 'adults' } });
    fireEvent.click(within(comments).getByRole('button', { name: 'Comment' }));
    await within(comments).findByText('Why 21?');
    expect(api.calls).toEqual(['comment Why 21? adults']);
    await waitFor(() => expect((about as HTMLInputElement).value).toBe('')); // the next comment is about the whole version
  });

  it('asks before publishing or rolling back, saying which version goes live', async () => {
    const api = fakeApi({ id: 'pub', roles: ['publisher'] }, [
      v({ status: 'PUBLISHED' }),
      v({ id: 'v1', number: 1, status: 'RETIRED' }),
    ]);
    const load = api.load;
    api.load = async (id) => {
      const data = await load(id);
      return { ...data, strategy: { ...data.strategy, publishedVersion: { id: 'v2', number: 2 } } };
    };
    renderReview(api);
    fireEvent.click(await screen.findByRole('button', { name: /^v1/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'Roll back to this version' }));
    let dialog = screen.getByRole('dialog', { name: 'Roll back to version 1?' });
    expect(dialog.textContent).toContain(
      'Version 1 will answer every decision again. Version 2, live now, will be retired.',
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(api.calls).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Roll back to this version' }));
    dialog = screen.getByRole('dialog', { name: 'Roll back to version 1?' });
    // Without a reason nothing happens.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Roll back' }));
    expect(within(dialog).getByRole('alert').textContent).toBe(
      'Say why: the reason is kept in the audit log with the rollback.',
    );
    expect(api.calls).toEqual([]);
    fillAndPress(dialog, 'Why roll back (required)', 'v2 offers too much', 'Roll back');
    await screen.findByText(/^Rolled back/);
    expect(api.calls).toEqual(['rollback s1 v1: v2 offers too much']);
  });

  it('turns INVALID_STATE into what can be done now', async () => {
    const api = fakeApi({ id: 'pub', roles: ['publisher'] }, [v({ status: 'APPROVED', number: 2 }), V1]);
    renderReview(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Publish' }));
    const dialog = screen.getByRole('dialog', { name: 'Publish version 2?' });
    expect(dialog.textContent).toContain(
      'Version 2 will answer every decision from now on. Version 1, live now, will be retired.',
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Publish' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Version 2 is IN_REVIEW. What can be done now: approve, reject.',
    );
  });

  it('compares two versions in words and on the canvas', async () => {
    const api = fakeApi({ id: 'reviewer-1', roles: ['reviewer'] }, [v({}), V1]);
    renderReview(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Compare' }));
    const words = await screen.findByRole('list', { name: 'Changes in words' });
    expect(within(words).getByText('Added “Rank”: top 3 by priority')).toBeTruthy();
    expect(within(words).getByText('condition: age ≥ 18 → age ≥ 21')).toBeTruthy();
    await waitFor(() => expect(document.querySelector('[data-testid="step-top"]')).toBeTruthy());
    expect(document.querySelector('[data-testid="step-top"]')!.className).toMatch(/step-diff-added/);
    expect(document.querySelector('[data-testid="step-adults"]')!.className).toMatch(/step-diff-changed/);
    expect(document.querySelector('[data-testid="step-old-top"]')!.className).toMatch(/step-diff-removed/);
    expect(screen.getByLabelText('1 review comment')).toBeTruthy();
    // What changed in the catalog entries the versions read, in words.
    const catalog = screen.getByRole('region', { name: 'Changes in the catalog and schema' });
    expect(within(catalog).getByText("action 'Gold card': value 120 → 150")).toBeTruthy();

    fireEvent.click(within(words).getByText('Changed “Adults”: now age ≥ 21'));
    const side = screen.getByRole('complementary', { name: 'Changed settings' });
    expect(within(side).getByText('Before: age ≥ 18')).toBeTruthy();
  });

  it('compares with the version it was cloned from, else the live one, else the previous, and says which', async () => {
    const v3 = (over: Partial<ReviewVersionData>) => v({ id: 'v3', number: 3, status: 'IN_REVIEW', ...over });
    const retired2 = v({ id: 'v2', number: 2, status: 'RETIRED', basedOnVersionId: 'v1' });
    const api = fakeApi({ id: 'reviewer-1', roles: ['reviewer'] }, [
      v3({ basedOnVersionId: 'v1' }),
      retired2,
      V1,
    ]);
    const diffs: string[] = [];
    api.diff = async (from, to) => (diffs.push(`${from}→${to}`), DIFF);
    const view = renderReview(api);
    const compare = await screen.findByRole('region', { name: 'Compare versions' });
    expect((within(compare).getByLabelText('From') as HTMLSelectElement).value).toBe('v1');
    expect(within(compare).getByText('v3 is compared with v1, the version it was cloned from.')).toBeTruthy();
    expect(
      within(within(compare).getByLabelText('From')).getByRole('option', { name: 'v2 · retired' }),
    ).toBeTruthy();

    // The user picks another version to compare with; Compare uses the pick.
    fireEvent.change(within(compare).getByLabelText('From'), { target: { value: 'v2' } });
    expect(within(compare).getByText('v3 is compared with v2, the version before it.')).toBeTruthy();
    fireEvent.click(within(compare).getByRole('button', { name: 'Compare' }));
    await screen.findByRole('list', { name: 'Changes in words' });
    expect(diffs).toEqual(['v2→v3']);
    view.unmount();

    // Not a clone: the version live now (v1), not the previous number (v2).
    renderReview(
      fakeApi({ id: 'reviewer-1', roles: ['reviewer'] }, [v3({ basedOnVersionId: null }), retired2, V1]),
    );
    expect(await screen.findByText('v3 is compared with v1, the version live now.')).toBeTruthy();
  });

  it('compares with the previous version when it is neither a clone nor anything is live', async () => {
    const api = fakeApi({ id: 'reviewer-1', roles: ['reviewer'] }, [
      v({ id: 'v3', number: 3, basedOnVersionId: null }),
      v({ id: 'v2', number: 2, status: 'APPROVED' }),
      v({ id: 'v1', number: 1, status: 'RETIRED' }),
    ]);
    const load = api.load;
    api.load = async (id) => {
      const data = await load(id);
      return { ...data, strategy: { ...data.strategy, publishedVersion: null } };
    };
    renderReview(api);
    expect(await screen.findByText('v3 is compared with v2, the version before it.')).toBeTruthy();
    // Selecting another version compares that one, with its own default.
    fireEvent.click(screen.getByRole('button', { name: /^v2/ }));
    expect(await screen.findByText('v2 is compared with v1, the version it was cloned from.')).toBeTruthy();
  });

  it('clears an action’s message when another version is selected', async () => {
    const api = fakeApi({ id: 'reviewer-1', roles: ['reviewer'] }, [v({}), V1]);
    renderReview(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Approve' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Approve' }));
    await screen.findByText('Approved.');
    fireEvent.click(screen.getByRole('button', { name: /^v1/ }));
    await screen.findByRole('heading', { name: /^Version 1/ });
    expect(screen.queryByText('Approved.')).toBeNull();
  });

  it('tells a user without the reviewer role the same sentence on hover and in the list', async () => {
    renderReview(fakeApi({ id: 'analyst-1', roles: ['analyst'] }, [v({}), V1]));
    const approve = await screen.findByRole('button', { name: 'Approve' });
    expect((approve as HTMLButtonElement).disabled).toBe(true);
    expect(approve.parentElement!.getAttribute('title')).toBe('Only reviewers approve or reject versions.');
    const reasons = screen.getByRole('list', { name: 'Why some actions are not available' });
    expect(reasons.textContent).toBe('Approve: Only reviewers approve or reject versions.');
  });

  describe('while a version in review waits for its simulation', () => {
    beforeEach(() => jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] }));
    afterEach(() => jest.useRealTimers());
    const wait = (ms: number) => act(() => jest.advanceTimersByTimeAsync(ms));

    it('shows the progress and enables Approve by itself once the simulation completes, then stops asking', async () => {
      const versions = [v({ evidence: [] }), V1];
      const api = fakeApi({ id: 'reviewer-1', roles: ['reviewer'] }, versions);
      let loads = 0;
      const load = api.load;
      api.load = (id) => (loads++, load(id));
      renderReview(api);
      await wait(0);
      const approve = () => screen.getByRole('button', { name: 'Approve' }) as HTMLButtonElement;
      expect(approve().disabled).toBe(true);
      expect(screen.getByText(/checks for new simulations every few seconds/)).toBeTruthy();

      versions[0] = v({ evidence: [sim('QUEUED', 0)] });
      await wait(EVIDENCE_POLL_MS);
      expect(screen.getByText('Simulation queued')).toBeTruthy();
      versions[0] = v({ evidence: [sim('RUNNING', 400)] });
      await wait(EVIDENCE_POLL_MS);
      expect(screen.getByText('Simulation running: 40%')).toBeTruthy();
      expect(approve().disabled).toBe(true);

      versions[0] = v({ evidence: [sim('COMPLETED', 1000)] });
      await wait(EVIDENCE_POLL_MS);
      expect(approve().disabled).toBe(false);
      expect(screen.getByText(/^1 completed simulation of exactly this content/)).toBeTruthy();
      expect(screen.queryByText(/Simulation running/)).toBeNull();
      const after = loads;
      await wait(5 * EVIDENCE_POLL_MS);
      expect(loads).toBe(after);
    });

    it('never asks twice at once, and stops when the screen closes', async () => {
      const api = fakeApi({ id: 'reviewer-1', roles: ['reviewer'] }, [
        v({ evidence: [sim('RUNNING', 100)] }),
        V1,
      ]);
      const load = api.load;
      let loads = 0;
      let answer: (() => void) | undefined;
      api.load = async (id) => {
        loads++;
        if (loads > 1) await new Promise<void>((resolve) => (answer = resolve)); // a slow answer
        return load(id);
      };
      const view = renderReview(api);
      await wait(0);
      await wait(EVIDENCE_POLL_MS);
      expect(loads).toBe(2);
      await wait(10 * EVIDENCE_POLL_MS); // still waiting for the slow answer
      expect(loads).toBe(2);
      answer!();
      await wait(EVIDENCE_POLL_MS);
      expect(loads).toBe(3);

      view.unmount();
      answer!();
      await wait(10 * EVIDENCE_POLL_MS);
      expect(loads).toBe(3);
    });
  });
});
