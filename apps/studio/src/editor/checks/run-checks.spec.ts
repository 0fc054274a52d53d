import { EXAMPLES, exampleEnvironment } from '@arbiter/engine/examples';
import { AnswerReader, AnswerWriter, runChecks } from './run-checks';

const example = EXAMPLES[0]!;
const env = exampleEnvironment(example);
const input = example.sampleInputs[0]!.input;

describe('check answers', () => {
  it('hands on the same problems and run while an edit changes neither, and new ones when it does', () => {
    const writer = new AnswerWriter();
    const reader = new AnswerReader();
    const check = (id: number, doc = example.document) =>
      reader.read(writer.write(runChecks({ id, doc, input }, env)));
    const first = check(1);
    expect(first.outcome).toMatchObject({ ok: true });

    // The same strategy with a step moved: nothing to draw again.
    const moved = {
      ...example.document,
      nodes: example.document.nodes.map((n, i) => (i === 0 ? { ...n, position: { x: 999, y: 999 } } : n)),
    };
    const second = check(2, moved);
    expect(second.id).toBe(2);
    expect(second.problems).toBe(first.problems);
    expect(second.outcome).toBe(first.outcome);

    // Without its edges the strategy has problems and cannot run: both are new.
    const third = check(3, { ...example.document, edges: [] });
    expect(third.problems).not.toBe(first.problems);
    expect(third.problems.length).toBeGreaterThan(0);
    expect(third.outcome).toMatchObject({ ok: false });
  });
});
