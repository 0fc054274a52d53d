import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { GROUP_EXIT, useGroupExpand } from './collapsed-groups';
import type { GroupBoxNode } from './document-flow';
import { STEP_WIDTH } from './step-size';
import { StepHandle } from './StepHandle';

/** A collapsed group of steps: how many, the names of the first ones, and a button to show them again. */
export const GroupBoxView = memo(function GroupBoxView({ data }: NodeProps<GroupBoxNode>) {
  const expand = useGroupExpand();
  return (
    <div
      className={`step step-group ${data.errors ? 'step-error' : data.warnings ? 'step-warning' : ''}`}
      style={{ width: STEP_WIDTH }}
      data-testid={`group-${data.groupId}`}
    >
      {data.hasInput && <StepHandle side="in" id="in" />}
      <div className="step-group-summary">{data.summary}</div>
      {(data.errors > 0 || data.warnings > 0) && (
        <div className={`step-problem ${data.errors ? '' : 'warning'}`}>
          {data.errors
            ? `${data.errors} problem${data.errors === 1 ? '' : 's'} in these steps`
            : `${data.warnings} warning${data.warnings === 1 ? '' : 's'} in these steps`}
        </div>
      )}
      {expand && (
        <button
          type="button"
          // nodrag / nopan: a click on the button neither drags nor pans the canvas.
          className="step-group-expand nodrag nopan"
          aria-label={`Expand the group of ${data.summary}`}
          onClick={(event) => {
            event.stopPropagation();
            expand(data.groupId);
          }}
        >
          Expand
        </button>
      )}
      {data.hasExit && <StepHandle side="out" id={GROUP_EXIT} />}
    </div>
  );
});
