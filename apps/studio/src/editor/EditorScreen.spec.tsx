/** @jest-environment jsdom */
import type { ComponentProps } from 'react';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { LocalStrategySource } from '../strategies/local-strategy-source';
import { EditorScreen } from './EditorScreen';

// Generous waits: this suite also runs while the browser e2e keeps both CPU cores busy.
const SLOW = { timeout: 10_000 };

/** Resolves once the editor's checks belong to its latest edit (the worker's answer came back). */
const checked = () =>
  waitFor(() => expect(document.querySelector('.editor[data-checking="false"]')).not.toBeNull(), SLOW);

/** Renders the editor on the example strategy (telco retention) of the given source. */
function renderEditor(
  source = new LocalStrategySource(),
  props: Partial<Omit<ComponentProps<typeof EditorScreen>, 'source'>> = {},
) {
  return render(
    <EditorScreen
      source={source}
      strategyId="telco-retention"
      onBack={() => undefined}
      onOpenStrategy={() => undefined}
      {...props}
    />,
  );
}

/** The editor on the example strategy, once its title shows. */
async function openEditor(...args: Parameters<typeof renderEditor>) {
  const view = renderEditor(...args);
  await screen.findByRole('heading', { name: 'Telco retention and next best offer' }, SLOW);
  return view;
}

/** The editor on the browser-only source with the telco example: palette, panels, undo, test run, autosave. */
describe('EditorScreen', () => {
  beforeEach(() => window.localStorage.clear());

  it('opens a strategy, adds a step, counts its problem, undoes it, runs a test and autosaves', async () => {
    const source = new LocalStrategySource();
    await openEditor(source);
    // The checks run off the page's main thread: their answer comes a moment later.
    await screen.findByRole('button', { name: /Saved · No problems/ }, SLOW);

    // Nothing selected: the strategy overview lists no problems.
    expect(screen.getByText(/No problems: this strategy can be tested/)).toBeTruthy();

    // Adding a second output from the palette is a problem the save button counts.
    fireEvent.click(screen.getByRole('button', { name: /^Add Output/ }));
    await screen.findByRole('heading', { name: 'Output' }, SLOW);
    // Wait for the worker's check of this edit (not for a time): its problems are then on the page.
    await checked();
    // "Save now", or on a slow machine "Saving…" / "Saved": autosave may have run meanwhile.
    expect(screen.getByRole('button', { name: /^(Save now|Saving…|Saved) · \d+ problems?/ })).toBeTruthy();
    expect(screen.getByText(/a strategy has exactly one output step/)).toBeTruthy();

    // Undo (Ctrl+Z) takes it away again.
    fireEvent.keyDown(window, { key: 'z', ctrlKey: true });
    await waitFor(() => expect(screen.queryByRole('button', { name: /\d+ problems?/ })).toBeNull(), SLOW);

    // A test run of the example customer, with the trace in words.
    fireEvent.click(screen.getByRole('tab', { name: 'Test' }));
    fireEvent.click(screen.getByRole('button', { name: /Run test/ }));
    expect((await screen.findByRole('region', { name: 'Recommended actions' }, SLOW)).textContent).toContain(
      'Call from a loyalty specialist',
    );
    expect(screen.getByRole('region', { name: 'Why: the path through the strategy' }).textContent).toContain(
      'took the branch “High churn risk”',
    );

    // The undo was an edit too: it is saved by itself after a short pause.
    await act(async () => new Promise((r) => setTimeout(r, 1800)));
    await waitFor(() => expect(screen.getByText('All changes saved')).toBeTruthy(), SLOW);
  }, 40_000);

  it('shows the conflict choices when another tab saved first, and keeps my work as a copy', async () => {
    const source = new LocalStrategySource();
    const opened: string[] = [];
    await openEditor(source, { onOpenStrategy: (id) => opened.push(id) });
    // Another tab saves revision 2.
    const other = await source.open('telco-retention');
    await source.save(other.versionId, { ...other.document, description: 'theirs' }, other.revision);

    fireEvent.click(screen.getByRole('button', { name: /^Add Merge/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Someone else saved this draft' }, SLOW);
    expect(dialog.textContent).toContain('Your changes are safe');
    fireEvent.click(screen.getByRole('button', { name: 'Save mine as a copy' }));
    await waitFor(() => expect(opened).toHaveLength(1), SLOW);
    const copy = await source.open(opened[0]!);
    expect(copy.strategyName).toBe('Telco retention and next best offer (my copy)');
    expect(copy.document.nodes.some((n) => n.type === 'merge' && n.id === 'merge-1')).toBe(true);
    await waitFor(
      () =>
        expect(
          (screen.getByRole('button', { name: 'Save mine as a copy' }) as HTMLButtonElement).disabled,
        ).toBe(false),
      SLOW,
    );
  }, 40_000);

  it('offers “Edit as a new draft” on a published version only to those who may start one', async () => {
    /** The example strategy, as a published version (the browser-only source keeps drafts only). */
    class PublishedSource extends LocalStrategySource {
      override async reload(versionId: string) {
        return { ...(await super.reload(versionId)), status: 'PUBLISHED' as const };
      }
    }
    const reason = 'Only a designer can start a new draft from a version.';
    const { unmount } = renderEditor(new PublishedSource(), { newDraftDenied: reason });
    const button = (await screen.findByRole(
      'button',
      { name: 'Edit as a new draft' },
      SLOW,
    )) as HTMLButtonElement;
    expect(screen.getByText(/This version is published and can no longer be changed/)).toBeTruthy();
    expect(button.disabled).toBe(true);
    expect(button.title).toBe(reason);
    unmount();

    renderEditor(new PublishedSource());
    expect(
      ((await screen.findByRole('button', { name: 'Edit as a new draft' }, SLOW)) as HTMLButtonElement)
        .disabled,
    ).toBe(false);
  }, 40_000);

  it('finds a step by name, and counts a value typed but not accepted as a problem while it is shown', async () => {
    await openEditor();
    await screen.findByRole('button', { name: /Saved · No problems/ }, SLOW);
    const search = screen.getByRole('combobox', { name: 'Find a step' });
    fireEvent.change(search, { target: { value: 'best 3' } });
    expect(screen.getByRole('option', { name: /Best 3, one per group/ })).toBeTruthy();
    fireEvent.keyDown(search, { key: 'Enter' });
    const limit = await screen.findByRole('textbox', { name: 'Keep the top' }, SLOW);

    fireEvent.change(limit, { target: { value: 'three' } });
    expect(screen.getByRole('alert').textContent).toBe('enter a number');
    await screen.findByRole('button', { name: /Saved · 1 problem$/ }, SLOW);
    fireEvent.change(limit, { target: { value: '2' } });
    await screen.findByRole('button', { name: /Save now · No problems/ }, SLOW);
  }, 40_000);

  it('folds the side panel away for more canvas, and unfolds it to show a tab', async () => {
    await openEditor();
    expect(screen.getByRole('tab', { name: 'Test' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Hide the side panel' }));
    expect(screen.queryByRole('tab', { name: 'Test' })).toBeNull();
    // Running a test needs the panel: it unfolds on the Test tab.
    fireEvent.click(screen.getByRole('button', { name: /^Test/ }));
    expect(screen.getByRole('tab', { name: 'Test', selected: true })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Hide the side panel' }).getAttribute('aria-expanded')).toBe(
      'true',
    );
  }, 40_000);

  it('shows an action added in another tab without a reload, and says so', async () => {
    /** The browser-only source, whose catalog gains an action after the editor opened. */
    class GrowingSource extends LocalStrategySource {
      grown = false;
      override async environment(strategyId: string) {
        const env = await super.environment(strategyId);
        return this.grown
          ? { ...env, actions: [...env.actions, { id: 'new-offer', name: 'Spring upgrade offer' }] }
          : env;
      }
    }
    const source = new GrowingSource();
    await openEditor(source);
    source.grown = true;
    act(() => void window.dispatchEvent(new Event('focus')));
    expect(
      await screen.findByText(
        /Changed since you opened this strategy: action Spring upgrade offer added\./,
        undefined,
        SLOW,
      ),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'OK' }));
    expect(screen.queryByText(/Changed since you opened this strategy/)).toBeNull();
    // Nothing new on the next focus: no banner.
    act(() => void window.dispatchEvent(new Event('focus')));
    await act(async () => new Promise((r) => setTimeout(r, 200)));
    expect(screen.queryByText(/Changed since you opened this strategy/)).toBeNull();
  }, 40_000);
});
