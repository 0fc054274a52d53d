import { EFFECT_WORDS, type ChangeImpact } from './change-impact';
import { ErrorCallout } from '../shared/ui';

/**
 * Before saving a catalog or schema edit: each strategy version that reads what changes, and what
 * the edit does to it, in words; a change that would break a published or approved version says
 * that saving will be refused.
 */
export function ChangeImpactList({ impact, subject }: { impact: ChangeImpact; subject: string }) {
  return (
    <section className="change-impact" aria-label="Strategies this change affects">
      {impact.refused ? (
        <ErrorCallout>
          Saving will be refused: {subject} is read by a published or approved version that it would break.
          Publish a new version that does without it first.
        </ErrorCallout>
      ) : (
        <p>
          {subject} is read by {impact.impacts.length} strategy version
          {impact.impacts.length === 1 ? '' : 's'}:
        </p>
      )}
      <ul className="change-impact-list">
        {impact.impacts.map((i) => (
          <li key={i.versionId} className={`impact-${i.effect.toLowerCase()}`}>
            <strong>
              {EFFECT_WORDS[i.effect]} — ‘{i.strategyName}’ v{i.versionNumber}:
            </strong>{' '}
            {i.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
