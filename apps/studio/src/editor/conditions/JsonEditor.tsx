import { useEffect, useState } from 'react';
import type { RootCondition } from '@arbiter/engine';
import { useReportInputError } from '../../shared/ui';

/** The condition as raw json-rules-engine JSON, applied as soon as it parses to a condition. */
export function JsonEditor({
  value,
  onApply,
}: {
  value: RootCondition | undefined;
  onApply(value: RootCondition): void;
}) {
  const [text, setText] = useState(() => JSON.stringify(value ?? { all: [] }, null, 2));
  const [error, setError] = useState<string>();
  useReportInputError('Condition as JSON', error);
  // A change from outside (rows, undo) replaces the text; the designer's own typing is left alone.
  useEffect(() => {
    setText((current) => {
      try {
        if (JSON.stringify(JSON.parse(current)) === JSON.stringify(value ?? { all: [] })) return current;
      } catch {
        // half-typed JSON: replaced by the new value below
      }
      return JSON.stringify(value ?? { all: [] }, null, 2);
    });
  }, [value]);
  return (
    <div className="json-editor">
      <textarea
        aria-label="Condition as JSON"
        spellCheck={false}
        rows={Math.min(16, text.split('\n').length + 1)}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          try {
            const parsed: unknown = JSON.parse(e.target.value);
            if (
              parsed &&
              typeof parsed === 'object' &&
              !Array.isArray(parsed) &&
              ('all' in parsed || 'any' in parsed || 'not' in parsed)
            ) {
              setError(undefined);
              onApply(parsed as RootCondition);
            } else setError('The condition must be an object starting with "all", "any" or "not".');
          } catch (err) {
            setError(`Not valid JSON yet: ${(err as Error).message}`);
          }
        }}
      />
      {error && <div className="field-error">{error}</div>}
    </div>
  );
}
