/** What a field name looks like: an identifier, so that expressions can read `customer.<name>`. */
export const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
