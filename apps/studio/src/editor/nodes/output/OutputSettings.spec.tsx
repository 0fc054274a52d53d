/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import { EXAMPLES, exampleEnvironment } from '@arbiter/engine/examples';
import type { EditorContextValue } from '../../editor-context';
import { ProblemLookup } from '../../problems';
import { RankSettings } from '../rank/RankSettings';
import { OutputSettings } from './OutputSettings';

const example = EXAMPLES[0]!;
const context: EditorContextValue = {
  doc: example.document,
  env: { ...exampleEnvironment(example), actions: example.actions, schema: example.schema },
  labels: { schema: example.schema },
};
const problems = new ProblemLookup([
  {
    code: 'invalid_config',
    severity: 'error',
    message: 'limit must be at most 1000',
    nodeId: 'n',
    field: 'config.limit',
  },
]);

/** The limit field, checked as the designer sees it: marked invalid, with the engine's message under it. */
function expectLimitProblemShown(label: string) {
  const limit = screen.getByRole('textbox', { name: label });
  expect(limit.getAttribute('aria-invalid')).toBe('true');
  expect(limit.closest('.field')!.querySelector('.field-error')!.textContent).toBe(
    'limit must be at most 1000',
  );
}

// A limit the number field refuses as it is typed still arrives with a document imported or
// edited as JSON; the engine's problem must then stand under the field of either step.
describe('the limit of the Output and Rank steps', () => {
  it('shows the engine’s problem under the Output step’s limit', () => {
    render(
      <OutputSettings
        nodeId="n"
        config={{ limit: 5000 }}
        onChange={() => {}}
        problems={problems}
        context={context}
      />,
    );
    expectLimitProblemShown('Return at most');
  });

  it('shows it under the Rank step’s limit', () => {
    render(
      <RankSettings
        nodeId="n"
        config={{ by: 'priority', order: 'desc', onePerGroup: false, limit: 5000 }}
        onChange={() => {}}
        problems={problems}
        context={context}
      />,
    );
    expectLimitProblemShown('Keep the top');
  });
});
