import { routeHash } from '../app/router';
import { GROUP_BY_WORDS, type AdaptiveStatus, type GroupBy } from './adaptive-model';
import { formatCount, formatMetric, formatPercent } from './report-model';
import { TableHead, num } from '../shared/ui';
import { ModelSection } from './ModelSection';

const signed = (n: number) => `${n >= 0 ? '+' : '−'}${Math.abs(n).toFixed(2)}`;

/** Per group (action or channel) figures beside the staff overrides of the model's recommendations. */
export function GroupsAndOverrides({ status }: { status: AdaptiveStatus }) {
  const c = status.config;
  return (
    <div className="adaptive-columns">
      <ModelSection id="adaptive-groups" title={`Per ${c.groupBy === 'channel' ? 'channel' : 'action'}`}>
        {status.groups.length === 0 ? (
          <p className="muted small">No outcomes yet.</p>
        ) : (
          <table className="data-table mdl-table" aria-labelledby="adaptive-groups">
            <TableHead
              columns={[
                c.groupBy === 'channel' ? 'Channel' : c.groupBy === 'none' ? 'Model' : 'Action',
                num('Evidence'),
                num('Positives'),
                num('Success rate'),
                'Mature',
              ]}
            />
            <tbody>
              {status.groups.map((g) => (
                <tr key={g.key}>
                  <th scope="row" title={g.name !== g.key ? g.key : undefined}>
                    {g.name}
                  </th>
                  <td className="num">{formatCount(g.evidence)}</td>
                  <td className="num">{formatCount(g.positives)}</td>
                  <td className="num">{formatPercent(g.successRate)}</td>
                  <td>{g.mature ? 'yes' : 'not yet'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ModelSection>
      <ModelSection id="adaptive-overrides" title="Staff overrides">
        {status.overrides.length === 0 ? (
          <p className="muted small">No recommendation of this model has been overridden.</p>
        ) : (
          <table className="data-table mdl-table" aria-labelledby="adaptive-overrides">
            <TableHead columns={['Action', num('Shown'), num('Overridden'), num('Rate')]} />
            <tbody>
              {status.overrides.map((o) => (
                <tr key={o.actionId}>
                  <th scope="row">{o.actionName}</th>
                  <td className="num">{formatCount(o.shown)}</td>
                  <td className="num">{formatCount(o.overridden)}</td>
                  <td className="num">{formatPercent(o.rate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ModelSection>
    </div>
  );
}

/** Each predictor's importance and learned weight per bin. */
export function PredictorsTable({ status }: { status: AdaptiveStatus }) {
  return (
    <ModelSection id="adaptive-predictors" title="Predictors">
      <table className="data-table mdl-table" aria-labelledby="adaptive-predictors">
        <TableHead columns={['Predictor', num('Importance'), 'Bins: weight ± sd (log-odds)']} />
        <tbody>
          {status.predictors.map((p) => (
            <tr key={p.name}>
              <th scope="row">
                {p.name}
                {p.name !== p.input && <code className="muted small"> {p.input}</code>}
              </th>
              <td className="num">{formatMetric(p.importance)}</td>
              <td>
                <ul className="adaptive-bins">
                  {p.bins.map((b) => (
                    <li key={b.label}>
                      <span>{b.label}</span>{' '}
                      <span className={b.weight >= 0 ? 'adaptive-up' : 'adaptive-down'}>
                        {signed(b.weight)} ± {b.sd.toFixed(2)}
                      </span>
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ModelSection>
  );
}

/** The configuration this version learns with. */
export function ConfigurationFacts({ status }: { status: AdaptiveStatus }) {
  const c = status.config;
  return (
    <ModelSection id="adaptive-config" title="Configuration">
      <dl className="mdl-facts">
        <dt>Positive outcomes</dt>
        <dd>{c.positiveOutcomes.join(', ')}</dd>
        <dt>Negative outcomes</dt>
        <dd>{c.negativeOutcomes.join(', ') || '—'}</dd>
        <dt>Prior</dt>
        <dd>
          {c.priorModelId ? (
            <a href={routeHash({ screen: 'models', modelId: c.priorModelId })}>
              trained model v{c.priorVersion}
            </a>
          ) : (
            'none'
          )}
        </dd>
        <dt>Exploration share</dt>
        <dd>{formatPercent(c.explorationShare, 0)} of decisions</dd>
        <dt>Grouping</dt>
        <dd>{GROUP_BY_WORDS[c.groupBy as GroupBy] ?? c.groupBy}</dd>
        <dt>Guard</dt>
        <dd>
          {c.aucFloor === null && c.calibrationFloor === null
            ? 'no floors'
            : [
                c.aucFloor !== null ? `AUC at least ${c.aucFloor}` : '',
                c.calibrationFloor !== null ? `calibration error at most ${c.calibrationFloor}` : '',
              ]
                .filter(Boolean)
                .join(', ')}
        </dd>
      </dl>
    </ModelSection>
  );
}
