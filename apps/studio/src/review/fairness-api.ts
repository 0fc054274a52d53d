import { graphql } from '../api/generated';
import type { FairnessCheckPartsFragment } from '../api/generated/graphql';

// Spread into the review's evidence (api/operations.ts ReviewStrategy); codegen adds it there.
graphql(`
  fragment FairnessCheckParts on FairnessCheck {
    status
    summary
    findings
    ratioFloor
    minGroupSize
    fields {
      field
      label
      groups {
        group
        rows
        judged
      }
      actions {
        actionId
        actionName
        ratio
        ratioAnyRank
        belowFloor
        rates {
          group
          first
          anyRank
        }
      }
    }
  }
`);

/** The fairness check of one simulation, as the API judges it with the current thresholds. */
export type FairnessCheck = FairnessCheckPartsFragment;
