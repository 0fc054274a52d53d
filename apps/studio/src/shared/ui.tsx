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
export { TableHead, num, unseen } from './controls/table-head';
export type { Column } from './controls/table-head';
export { ErrorCallout } from './controls/error-callout';
export { RowAction } from './controls/row-action';
export { LoadFailed } from './controls/load-failed';
