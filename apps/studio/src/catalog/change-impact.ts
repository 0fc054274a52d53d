import { graphql } from '../api/generated';
import type { ChangeImpactPartsFragment } from '../api/generated/graphql';
import type { CatalogAction } from './catalog-api';

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

/** The whole action as the impact preview takes it. */
export const asImpactInput = (a: CatalogAction) => ({
  id: a.id,
  name: a.name,
  group: a.group,
  channel: a.channel,
  value: a.value,
  cost: a.cost,
  validFrom: a.validFrom,
  validTo: a.validTo,
  tags: a.tags,
  attributes: a.attributes,
});
