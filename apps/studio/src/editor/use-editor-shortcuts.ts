import { useEffect, useRef } from 'react';
import { copyFragment, isFragment, pasteFragment, removeElements, type Fragment } from './document-edits';
import type { EditorStore } from './editor-store';

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return (
    !!el &&
    (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable)
  );
}

export interface ShortcutActions {
  save(): void;
  test(): void;
  layout(): void;
  announce(message: string): void;
}

/** Keyboard shortcuts of the editor (text fields keep their own undo, copy and paste). */
export function useEditorShortcuts(store: EditorStore, readOnly: boolean, actions: ShortcutActions): void {
  const clipboard = useRef<Fragment>(undefined);
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });
  useEffect(() => {
    const paste = (fragment: Fragment) => {
      let ids: string[] = [];
      store.edit(
        (d) => {
          const result = pasteFragment(d, fragment, { x: 48, y: 48 });
          ids = result.nodeIds;
          return result.doc;
        },
        { select: { nodes: [], edges: [] } },
      );
      store.select({ nodes: ids, edges: [] });
      clipboard.current = {
        ...fragment,
        nodes: fragment.nodes.map((n) => ({
          ...n,
          position: n.position && { x: n.position.x + 48, y: n.position.y + 48 },
        })),
      };
      latest.current.announce(`${ids.length} step${ids.length === 1 ? '' : 's'} pasted.`);
    };
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (!mod) return;
      const key = e.key.toLowerCase();
      if (key === 's') {
        e.preventDefault();
        latest.current.save();
        return;
      }
      if (key === 'enter') {
        e.preventDefault();
        latest.current.test();
        return;
      }
      if (isTyping(e.target)) return;
      if (key === 'z' && !e.shiftKey) {
        e.preventDefault();
        store.undo();
      } else if ((key === 'z' && e.shiftKey) || key === 'y') {
        e.preventDefault();
        store.redo();
      } else if (key === 'a') {
        e.preventDefault();
        store.select({ nodes: store.doc.nodes.map((n) => n.id), edges: [] });
      } else if (key === 'c' || key === 'x') {
        const fragment = copyFragment(store.doc, store.getState().selection.nodes);
        if (!fragment) return;
        e.preventDefault();
        clipboard.current = fragment;
        void navigator.clipboard?.writeText(JSON.stringify(fragment)).catch(() => undefined);
        if (key === 'x' && !readOnly)
          store.edit((d) =>
            removeElements(
              d,
              fragment.nodes.map((n) => n.id),
            ),
          );
        const count = fragment.nodes.length;
        latest.current.announce(`${count} step${count === 1 ? '' : 's'} ${key === 'x' ? 'cut' : 'copied'}.`);
      } else if (key === 'v' && !readOnly) {
        e.preventDefault();
        if (clipboard.current) paste(clipboard.current);
        else
          void navigator.clipboard
            ?.readText()
            .then((text) => {
              const parsed: unknown = JSON.parse(text);
              if (isFragment(parsed)) paste(parsed);
            })
            .catch(() => undefined);
      } else if (key === 'l' && e.shiftKey) {
        e.preventDefault();
        latest.current.layout();
      } else if (key === 'f') {
        e.preventDefault();
        document.querySelector<HTMLInputElement>('#step-search')?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, readOnly]);
}
