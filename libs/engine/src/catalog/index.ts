// The catalog rules without zod: what the studio's first load and its Actions screen import
// (`@arbiter/engine/catalog`), so they do not pull in the whole engine.
export * from './action-definition';
export * from './action-fields';
export * from './field-name';
