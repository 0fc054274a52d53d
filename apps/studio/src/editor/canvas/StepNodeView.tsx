import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { Icon } from '../../shared/icons';
import { countErrors } from '../problems';
import { nodeKind } from '../nodes/registry';
import { branchKey, useBranchToggle } from './collapsed-branches';
import type { StepNode } from './document-flow';
import { STEP_WIDTH } from './step-size';
import { StepHandle } from './StepHandle';

/** How every step looks on the canvas; the kind supplies icon, colour, name and summary. */
export const StepNodeView = memo(function StepNodeView({ data, selected }: NodeProps<StepNode>) {
  const node = data.strategyNode;
  const kind = nodeKind(node.type);
  const { errors, warnings } = countErrors(data.problems);
  const run = data.run;
  const classes = [
    'step',
    selected ? 'step-selected' : '',
    errors ? 'step-error' : warnings ? 'step-warning' : '',
    run ? (run.reached ? 'step-reached' : 'step-not-reached') : '',
    run?.droppedFocus ? 'step-dropped-focus' : '',
    data.diff ? `step-diff-${data.diff}` : '',
  ].join(' ');
  const firstProblem = data.problems.find((p) => p.severity === 'error') ?? data.problems[0];
  const toggleBranch = useBranchToggle();
  return (
    <div
      className={classes}
      style={{ ['--kind' as string]: kind?.colour ?? '#64748b', width: STEP_WIDTH }}
      data-testid={`step-${node.id}`}
    >
      {data.hasInput && <StepHandle side="in" id="in" label="Incoming connection: drop a line here" />}
      <div className="step-header">
        <span className="step-icon" aria-hidden="true">
          <Icon name={kind?.icon ?? 'alert'} size={16} />
        </span>
        <span className="step-titles">
          <span className="step-title">{data.title}</span>
          {node.label && <span className="step-type">{kind?.displayName ?? node.type}</span>}
        </span>
        {data.diff && <span className={`step-badge diff-badge diff-badge-${data.diff}`}>{data.diff}</span>}
        {!!data.comments && (
          <span
            className="step-badge comment-badge"
            title={`${data.comments} review comment${data.comments === 1 ? '' : 's'}`}
            aria-label={`${data.comments} review comment${data.comments === 1 ? '' : 's'}`}
          >
            💬 {data.comments}
          </span>
        )}
        {(errors > 0 || warnings > 0) && (
          <span
            className={`step-badge ${errors ? 'badge-error' : 'badge-warning'}`}
            title={firstProblem?.message}
            aria-label={`${errors || warnings} ${errors ? 'problem' : 'warning'}${(errors || warnings) === 1 ? '' : 's'}: ${firstProblem?.message ?? ''}`}
          >
            <Icon name="alert" size={12} />
            {errors || warnings}
          </span>
        )}
      </div>
      <div className="step-summary" title={data.summary}>
        {data.summary}
      </div>
      {firstProblem && (
        <div className={`step-problem ${errors ? '' : 'warning'}`}>{firstProblem.message}</div>
      )}
      {run && (
        <div
          className="step-run"
          aria-label={run.reached ? `${run.in} candidates in, ${run.out} out` : 'not reached in the test run'}
        >
          {run.reached ? (
            <>
              <span className="run-in">{run.in} in</span> → <span className="run-out">{run.out} out</span>
              {run.branch && (
                <span className="run-branch">
                  {' '}
                  · took “{data.handles.find((h) => h.id === run.branch)?.label || run.branch}”
                </span>
              )}
            </>
          ) : (
            'not reached'
          )}
        </div>
      )}
      {data.handles.length === 1 && data.handles[0]!.label === '' && (
        <StepHandle
          side="out"
          id={data.handles[0]!.id}
          label="Outgoing connection: drag it to the next step"
        />
      )}
      {(data.handles.length > 1 || (data.handles.length === 1 && data.handles[0]!.label !== '')) && (
        <div className="step-branches">
          {data.handles.map((h) => (
            <div key={h.id} className={`step-branch ${run?.branch === h.id ? 'branch-taken' : ''}`}>
              <span>{h.label || h.id}</span>
              {toggleBranch && data.folds?.[h.id] !== undefined && (
                <BranchFold
                  label={h.label || h.id}
                  hidden={data.folds[h.id]!}
                  onToggle={() => toggleBranch(branchKey(node.id, h.id))}
                />
              )}
              <StepHandle
                side="out"
                id={h.id}
                label={`Exit ${h.label || h.id}: drag it to the step for this branch`}
              />
            </div>
          ))}
        </div>
      )}
    </div>
  );
});

/** Folds a branch away (its steps hidden on the canvas) or opens it again; says how many it hides. */
function BranchFold({ label, hidden, onToggle }: { label: string; hidden: number | null; onToggle(): void }) {
  const folded = hidden !== null;
  return (
    <button
      type="button"
      // nodrag / nopan: a click on the button neither drags the step nor pans the canvas.
      className={`branch-fold nodrag nopan ${folded ? 'branch-folded' : ''}`}
      aria-expanded={!folded}
      aria-label={folded ? `Show branch “${label}” (${hidden} steps hidden)` : `Collapse branch “${label}”`}
      title={folded ? `Show the ${hidden} steps of this branch` : 'Collapse this branch'}
      onClick={(event) => {
        event.stopPropagation();
        onToggle();
      }}
    >
      {folded ? `▸ ${hidden} hidden` : '▾'}
    </button>
  );
}
