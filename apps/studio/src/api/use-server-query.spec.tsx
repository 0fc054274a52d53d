/** @jest-environment jsdom */
import { act, renderHook, waitFor } from '@testing-library/react';
import { ApiError } from './client';
import { useServerMutation, useServerQuery, type ServerQueryOptions } from './use-server-query';

/** A server whose answers the test releases one by one, in any order. */
function fakeServer<T>() {
  const pending: { key: string; resolve(v: T): void; reject(e: unknown): void }[] = [];
  return {
    pending,
    load: (key: string) => () =>
      new Promise<T>((resolve, reject) => {
        pending.push({ key, resolve, reject });
      }),
    async answer(index: number, value: T) {
      await act(async () => pending[index]!.resolve(value));
    },
    async fail(index: number, error: unknown) {
      await act(async () => pending[index]!.reject(error));
    },
  };
}

function useStrategy(
  server: ReturnType<typeof fakeServer<string>>,
  id: string,
  options?: ServerQueryOptions<string>,
) {
  return useServerQuery(() => server.load(id)(), [server, id], options);
}

describe('useServerQuery', () => {
  it('shows loading, then the answer', async () => {
    const server = fakeServer<string>();
    const { result } = renderHook(() => useStrategy(server, 's1'));
    expect(result.current).toMatchObject({ loading: true, data: undefined, error: undefined });
    await server.answer(0, 'Retention offers');
    expect(result.current).toMatchObject({ loading: false, data: 'Retention offers' });
  });

  it('never shows a late answer for what the user left: the newest request wins', async () => {
    const server = fakeServer<string>();
    const { result, rerender } = renderHook(({ id }) => useStrategy(server, id), {
      initialProps: { id: 's1' },
    });
    rerender({ id: 's2' });
    await server.answer(1, 'Second strategy');
    await server.answer(0, 'First strategy (late)');
    expect(result.current.data).toBe('Second strategy');
  });

  it('drops the old answer when it switches to another item', async () => {
    const server = fakeServer<string>();
    const { result, rerender } = renderHook(({ id }) => useStrategy(server, id), {
      initialProps: { id: 's1' },
    });
    await server.answer(0, 'First strategy');
    rerender({ id: 's2' });
    expect(result.current).toMatchObject({ data: undefined, loading: true });
  });

  it('keeps the old answer until the new one arrives when asked to (a filter changed)', async () => {
    const server = fakeServer<string>();
    const { result, rerender } = renderHook(({ id }) => useStrategy(server, id, { keepPrevious: true }), {
      initialProps: { id: 'accepted' },
    });
    await server.answer(0, 'Rates for accepted');
    rerender({ id: 'clicked' });
    expect(result.current).toMatchObject({ data: 'Rates for accepted', loading: true });
    await server.answer(1, 'Rates for clicked');
    expect(result.current.data).toBe('Rates for clicked');
  });

  it('keeps what is shown while reloading, and shows an error in words beside it', async () => {
    const server = fakeServer<string>();
    const { result } = renderHook(() => useStrategy(server, 's1'));
    await server.answer(0, 'Retention offers');
    let done: Promise<void> | undefined;
    act(() => {
      done = result.current.reload();
    });
    expect(result.current).toMatchObject({ data: 'Retention offers', loading: true });
    await server.fail(1, new ApiError('The server cannot be reached.', 'NETWORK'));
    await act(() => done!);
    expect(result.current).toMatchObject({
      data: 'Retention offers',
      error: 'The server cannot be reached.',
      loading: false,
    });
  });

  it('reads again when the user comes back to the page', async () => {
    const server = fakeServer<string>();
    const { result } = renderHook(() => useStrategy(server, 's1'));
    await server.answer(0, 'Old name');
    act(() => {
      window.dispatchEvent(new Event('focus'));
    });
    await waitFor(() => expect(server.pending).toHaveLength(2));
    await server.answer(1, 'New name');
    expect(result.current.data).toBe('New name');
  });

  it('polls while the answer says it may still change, and stops after', async () => {
    const server = fakeServer<string>();
    renderHook(() => useStrategy(server, 's1', { poll: 1, pollWhile: (s) => s === 'running' }));
    await server.answer(0, 'running');
    await waitFor(() => expect(server.pending).toHaveLength(2));
    await server.answer(1, 'done');
    await act(() => new Promise((r) => setTimeout(r, 20)));
    expect(server.pending).toHaveLength(2);
  });

  it('stops polling when asking again cannot help (not found)', async () => {
    const server = fakeServer<string>();
    const { result } = renderHook(() => useStrategy(server, 's1', { poll: 1 }));
    await server.fail(0, new ApiError('No strategy s1.', 'NOT_FOUND'));
    await act(() => new Promise((r) => setTimeout(r, 20)));
    expect(server.pending).toHaveLength(1);
    expect(result.current.error).toBe('No strategy s1.');
  });

  it('reads nothing while paused, and starts when unpaused', async () => {
    const server = fakeServer<string>();
    const { result, rerender } = renderHook(({ pause }) => useStrategy(server, 's1', { pause }), {
      initialProps: { pause: true },
    });
    expect(result.current.loading).toBe(false);
    expect(server.pending).toHaveLength(0);
    rerender({ pause: false });
    await server.answer(0, 'Retention offers');
    expect(result.current.data).toBe('Retention offers');
  });

  it('ignores an answer that arrives after the screen closed', async () => {
    const server = fakeServer<string>();
    const errors = jest.spyOn(console, 'error').mockImplementation(() => {});
    const { result, unmount } = renderHook(() => useStrategy(server, 's1'));
    unmount();
    await server.answer(0, 'Retention offers');
    expect(result.current.data).toBeUndefined();
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });
});

describe('useServerMutation', () => {
  it('is busy while it runs and returns the result', async () => {
    let resolve!: (n: number) => void;
    const { result } = renderHook(() =>
      useServerMutation((name: string) => new Promise<number>((r) => (resolve = (n) => r(n + name.length)))),
    );
    let out: Promise<number | undefined> | undefined;
    act(() => {
      out = result.current.run('abc');
    });
    expect(result.current.busy).toBe(true);
    await act(async () => resolve(1));
    await expect(out).resolves.toBe(4);
    expect(result.current).toMatchObject({ busy: false, error: undefined });
  });

  it('turns a failure into words and returns undefined; clearError hides it', async () => {
    const { result } = renderHook(() =>
      useServerMutation(() => Promise.reject(new ApiError('Only designers create strategies.', 'X'))),
    );
    let out: number | undefined = 1;
    await act(async () => {
      out = (await result.current.run()) as number | undefined;
    });
    expect(out).toBeUndefined();
    expect(result.current.error).toBe('Only designers create strategies.');
    act(() => result.current.clearError());
    expect(result.current.error).toBeUndefined();
  });
});
