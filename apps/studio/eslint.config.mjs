// The workspace lint setup; generated GraphQL types are not linted.
import root from '../../eslint.config.mjs';

export default [...root, { ignores: ['src/api/generated/**'] }];
