import { addNode, removeElements } from './document-edits';
import { EditorStore } from './editor-store';

const empty = { schemaVersion: 1 as const, nodes: [], edges: [] };

describe('EditorStore', () => {
  it('records edits, undoes and redoes them, and tells autosave about each', () => {
    const store = new EditorStore(empty);
    const edits: number[] = [];
    store.onEdit((doc) => edits.push(doc.nodes.length));
    store.edit((d) => addNode(d, { id: 'a', type: 'actions', config: {} }), {
      select: { nodes: ['a'], edges: [] },
    });
    store.edit((d) => addNode(d, { id: 'o', type: 'output', config: {} }));
    expect(store.doc.nodes.map((n) => n.id)).toEqual(['a', 'o']);
    expect(store.getState().selection.nodes).toEqual(['a']);
    store.undo();
    expect(store.doc.nodes).toHaveLength(1);
    store.redo();
    expect(store.doc.nodes).toHaveLength(2);
    expect(edits).toEqual([1, 2, 1, 2]);
  });

  it('drops deleted nodes from the selection and resets without history', () => {
    const store = new EditorStore(empty);
    store.edit((d) => addNode(d, { id: 'a', type: 'actions', config: {} }), {
      select: { nodes: ['a'], edges: [] },
    });
    store.edit((d) => removeElements(d, ['a']));
    expect(store.getState().selection.nodes).toEqual([]);
    store.reset(empty);
    expect(store.getState().history.past).toHaveLength(0);
    expect(store.getState().generation).toBe(1);
  });

  it('ignores edits that change nothing', () => {
    const store = new EditorStore(empty);
    let calls = 0;
    store.subscribe(() => calls++);
    store.edit((d) => d);
    expect(calls).toBe(0);
    expect(store.getState().history.past).toHaveLength(0);
  });
});
