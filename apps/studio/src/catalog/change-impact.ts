import { graphql } from '../api/generated';
import type { ChangeImpactPartsFragment } from '../api/generated/graphql';

// Spread into the catalog's and the schema's impact queries; codegen adds it to them.
graphql(`
  fragment ChangeImpactParts on CatalogChangeImpact {
    refused
    refusal
    impacts {
      strategyName
      versionId
      versionNumber
      status
      effect
      message
    }
  }
`);

/** What saving an edit of the catalog or the schema would do to strategy versions (the API's preview; nothing changed yet). */
export type ChangeImpact = ChangeImpactPartsFragment;

export const EFFECT_WORDS: Record<ChangeImpact['impacts'][number]['effect'], string> = {
  BREAKS: 'Would break',
  KEEPS_ITS_COPY: 'Keeps deciding as approved',
  FOLLOWS: 'Takes the change',
};

/** Worth asking before saving: some version reads what changes. */
export const needsConfirmation = (impact: ChangeImpact | undefined) => !!impact && impact.impacts.length > 0;
