/** @jest-environment jsdom */
import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { EXAMPLES } from '@arbiter/engine/examples';
import { setNodeConfig } from '../../document-edits';
import { EditorContext, type EditorContextValue } from '../../editor-context';
import { ProblemLookup } from '../../problems';
import { NODE_KINDS } from '../registry';

const example = EXAMPLES[0]!;

function Harness() {
  const [doc, setDoc] = useState(example.document);
  const context: EditorContextValue = {
    doc,
    env: { actions: example.actions, schema: example.schema },
    labels: { schema: example.schema },
    sample: { name: example.sampleInputs[1]!.name, input: example.sampleInputs[1]!.input },
  };
  const node = doc.nodes.find((n) => n.id === 'arbitrate')!;
  const Settings = NODE_KINDS.arbitrate.Settings;
  return (
    <EditorContext.Provider value={context}>
      <Settings
        node={node}
        onChange={(config) => setDoc((d) => setNodeConfig(d, 'arbitrate', config))}
        problems={ProblemLookup.none}
        context={context}
      />
    </EditorContext.Provider>
  );
}

describe('arbitration panel', () => {
  it('moves the sample customer’s ranking live as the sliders move', () => {
    render(<Harness />);
    const list = () =>
      [...screen.getByRole('list', { name: 'Ranking preview' }).querySelectorAll('li')].map(
        (li) => li.querySelector('.rank-name')!.textContent,
      );
    const before = list();
    expect(before.length).toBeGreaterThan(2);
    expect(screen.getAllByLabelText('unchanged')).toHaveLength(before.length);
    // Value counts for much more: the most valuable actions climb.
    fireEvent.change(screen.getByRole('slider', { name: 'Business value (b)' }), { target: { value: '3' } });
    const after = list();
    expect(after).not.toEqual(before);
    expect(screen.getAllByLabelText(/^up \d/).length).toBeGreaterThan(0);
    expect(
      (screen.getByRole('textbox', { name: 'Business value (b) (number)' }) as HTMLInputElement).value,
    ).toBe('3');
  });

  it('adds a lever for a group', () => {
    render(<Harness />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Add a lever for' }), {
      target: { value: 'group:upsell' },
    });
    fireEvent.click(screen.getAllByRole('button', { name: 'Add' }).at(-1)!);
    expect(screen.getByRole('slider', { name: 'Group upsell' })).toBeTruthy();
  });
});
