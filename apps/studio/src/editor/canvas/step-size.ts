import type { StepData } from './document-flow';

/** Every step is this wide on the canvas (the box's style and the layout both use it). */
export const STEP_WIDTH = 210;

// The step box's type metrics (editor.css): 13 px text, a 26 px icon and paddings around the title.
const TITLE_WIDTH = STEP_WIDTH - 2 * 10 - 26 - 8;
const TEXT_WIDTH = STEP_WIDTH - 2 * 10;
const TITLE_CHAR = 7.4;
const TEXT_CHAR = 6.8;
const LINE = 17;

const lines = (text: string, width: number, char: number) =>
  Math.max(1, Math.ceil((text.length * char) / width));

/**
 * The size a step will have on the canvas, for one React Flow has not measured yet (a step hidden
 * in a folded branch or a group since the strategy was opened): the title and the summary wrap,
 * so a long name or summary makes the box taller, not cut off.
 */
export function estimatedStepSize(data: StepData): { width: number; height: number } {
  const header = 12 + lines(data.title, TITLE_WIDTH, TITLE_CHAR) * LINE + (data.strategyNode.label ? 15 : 0);
  const summary = lines(data.summary, TEXT_WIDTH, TEXT_CHAR) * LINE + 8;
  const labelled = data.handles.length > 1 || data.handles.some((h) => h.label !== '');
  const branches = labelled ? 9 + data.handles.length * 23 : 0;
  return { width: STEP_WIDTH, height: 4 + 2 + header + summary + branches };
}
