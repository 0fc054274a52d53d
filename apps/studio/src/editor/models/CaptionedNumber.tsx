import type { ComponentProps } from 'react';
import { NumberInput } from '../../shared/ui';

/** A number in a row of model settings, after a short caption (its input's label says it in full). */
export function CaptionedNumber({
  caption,
  ...input
}: { caption: string } & ComponentProps<typeof NumberInput>) {
  return (
    <span className="field-inline">
      <label className="small">{caption}</label>
      <NumberInput {...input} />
    </span>
  );
}
