// The workspace lint setup plus React's hook rules; generated GraphQL types are not linted.
import reactHooks from 'eslint-plugin-react-hooks';
import root from '../../eslint.config.mjs';

export default [
  ...root,
  { ignores: ['src/api/generated/**'] },
  {
    // A hook called out of order or reading a stale value is an error, not a warning.
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': ['error', { additionalHooks: '(useServerQuery)' }],
    },
  },
];
