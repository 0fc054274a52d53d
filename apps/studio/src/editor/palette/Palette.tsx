import { Icon } from '../../shared/icons';
import { PALETTE_MIME } from '../canvas/StrategyCanvas';
import { PALETTE_GROUPS } from '../nodes/node-kind';
import { PALETTE } from '../nodes/registry';

/** The node types, grouped; drag one onto the canvas, or press Enter to add it after the selected step. */
export function Palette({ onAdd, disabled }: { onAdd(type: string): void; disabled?: boolean }) {
  return (
    <nav className="palette" aria-label="Steps you can add">
      <h2 className="palette-title">Steps</h2>
      <p className="muted small palette-help">
        Drag onto the canvas, or press Enter to add after the selected step.
      </p>
      {PALETTE_GROUPS.map((group) => (
        <div key={group} className="palette-group">
          <h3>{group}</h3>
          <ul>
            {PALETTE.filter((k) => k.group === group).map((kind) => (
              <li key={kind.type}>
                <button
                  type="button"
                  className="palette-item"
                  draggable={!disabled}
                  disabled={disabled}
                  style={{ ['--kind' as string]: kind.colour }}
                  data-node-type={kind.type}
                  title={`${kind.description} Drag onto the canvas, or press Enter to add.`}
                  aria-label={`Add ${kind.displayName}: ${kind.description}`}
                  onDragStart={(e) => {
                    e.dataTransfer.setData(PALETTE_MIME, kind.type);
                    e.dataTransfer.effectAllowed = 'copy';
                  }}
                  onClick={() => onAdd(kind.type)}
                >
                  <span className="palette-icon" aria-hidden="true">
                    <Icon name={kind.icon} size={16} />
                  </span>
                  <span className="palette-text">
                    <span className="palette-name">{kind.displayName}</span>
                    <span className="palette-desc">{kind.description}</span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}
