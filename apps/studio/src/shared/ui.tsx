// UI primitives: labelled, keyboard-usable, with visible focus (see ui.css); one module each in controls/.
export { Button } from './controls/button';
export { Field, InputErrorsContext, useReportInputError } from './controls/field';
export { NumberInput } from './controls/number-input';
export { TextInput } from './controls/text-input';
export { Select } from './controls/select';
export type { Choice } from './controls/select';
export { Toggle, Slider } from './controls/toggle';
export { Tabs } from './controls/tabs';
export { Dialog } from './controls/dialog';
export { EmptyState } from './controls/empty-state';
export { ChipsInput } from './controls/chips-input';
