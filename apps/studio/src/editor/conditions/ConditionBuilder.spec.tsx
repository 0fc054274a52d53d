/** @jest-environment jsdom */
import { fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import type { RootCondition } from '@arbiter/engine';
import { EXAMPLES, exampleEnvironment } from '@arbiter/engine/examples';
import { EditorContext, type EditorContextValue } from '../editor-context';
import { ProblemLookup } from '../problems';
import { ConditionBuilder } from './ConditionBuilder';

const example = EXAMPLES[0]!;
const context: EditorContextValue = {
  doc: example.document,
  env: { ...exampleEnvironment(example), actions: example.actions, schema: example.schema },
  labels: { schema: example.schema },
};

function Harness({
  initial,
  problems = ProblemLookup.none,
  onValue,
}: {
  initial?: RootCondition;
  problems?: ProblemLookup;
  onValue?(c: RootCondition): void;
}) {
  const [value, setValue] = useState<RootCondition | undefined>(initial);
  return (
    <EditorContext.Provider value={context}>
      <ConditionBuilder
        label="Rules"
        value={value}
        onChange={(c) => {
          setValue(c);
          onValue?.(c);
        }}
        facts={['customer', 'context', 'action', 'fields']}
        problems={problems}
        field="config.condition"
      />
    </EditorContext.Provider>
  );
}

describe('ConditionBuilder', () => {
  it('builds a rule from the declared fields, with the operators of its type, and reads it back in words', () => {
    const values: RootCondition[] = [];
    render(<Harness initial={{ all: [] }} onValue={(c) => values.push(c)} />);
    expect(screen.getByText(/always true \(no rules yet\)/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '+ Add rule' }));
    const row = screen.getByRole('combobox', { name: 'Field' }).closest('.rule-row') as HTMLElement;
    fireEvent.change(within(row).getByRole('combobox', { name: 'Field' }), {
      target: { value: 'customer.churnRisk' },
    });
    const operators = within(row).getByRole('combobox', { name: 'Comparison' }) as HTMLSelectElement;
    expect([...operators.options].map((o) => o.text)).toContain('is more than');
    fireEvent.change(operators, { target: { value: 'greaterThan' } });
    fireEvent.change(within(row).getByRole('textbox', { name: 'Value for churn risk' }), {
      target: { value: '0.3' },
    });
    expect(values.at(-1)).toEqual({
      all: [{ fact: 'customer', path: '$.churnRisk', operator: 'greaterThan', value: 0.3 }],
    });
    expect(screen.getByText(/churn risk > 0.3/)).toBeTruthy();
  });

  it('offers the allowed values of a field, and yes/no for booleans', () => {
    render(
      <Harness
        initial={{
          all: [
            { fact: 'customer', path: '$.segment', operator: 'equal', value: 'youth' },
            { fact: 'customer', path: '$.consentMarketing', operator: 'equal', value: true },
          ],
        }}
      />,
    );
    const segment = screen.getByRole('combobox', { name: 'Value for segment' }) as HTMLSelectElement;
    expect([...segment.options].map((o) => o.value)).toEqual([
      'consumer',
      'family',
      'youth',
      'premium',
      'business',
    ]);
    expect(
      (screen.getByRole('combobox', { name: 'Value for marketing consent' }) as HTMLSelectElement).value,
    ).toBe('true');
  });

  it('marks the rule the engine complains about, with its message', () => {
    const problems = new ProblemLookup([
      {
        code: 'unknown_value',
        severity: 'warning',
        message: '"platinum" is not an allowed segment',
        nodeId: 'f',
        field: 'config.condition.all[0].value',
      },
    ]);
    render(
      <Harness
        initial={{ all: [{ fact: 'customer', path: '$.age', operator: 'greaterThan', value: 18 }] }}
        problems={problems}
      />,
    );
    expect(screen.getByRole('alert').textContent).toBe('"platinum" is not an allowed segment');
    expect(screen.getByRole('alert').closest('.rule-row')!.className).toContain('rule-invalid');
  });

  it('shows and applies raw JSON for power users', () => {
    const values: RootCondition[] = [];
    render(<Harness initial={{ all: [] }} onValue={(c) => values.push(c)} />);
    fireEvent.click(screen.getByRole('button', { name: /Show JSON/ }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Condition as JSON' }), {
      target: { value: '{"any":[{"fact":"customer","path":"$.age","operator":"lessThan","value":30}]}' },
    });
    expect(values.at(-1)).toEqual({
      any: [{ fact: 'customer', path: '$.age', operator: 'lessThan', value: 30 }],
    });
    expect(screen.getByText(/age < 30/)).toBeTruthy();
  });
});
