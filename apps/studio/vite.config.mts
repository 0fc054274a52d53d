import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';
import { precompress } from './build/precompress';

const engine = (path: string) => fileURLToPath(new URL(`../../libs/engine/${path}`, import.meta.url));
const api = process.env.ARBITER_API_URL ?? 'http://127.0.0.1:3000';

/** The response headers that make the API's security policy (apps/api/src/common/security-headers.ts). */
const SECURITY_HEADERS = [
  'content-security-policy',
  'x-frame-options',
  'x-content-type-options',
  'referrer-policy',
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
  'strict-transport-security',
];

/**
 * `vite preview` stands in for a static host in front of the API, so it sends the API's own security
 * headers, read from the running API: the build then runs under exactly the product's policy.
 */
async function apiSecurityHeaders(): Promise<Record<string, string>> {
  // A busy API may take a moment to answer: try for up to 10 s.
  for (let attempt = 0; attempt < 40; attempt++) {
    try {
      const res = await fetch(`${api}/health/live`);
      return Object.fromEntries(
        SECURITY_HEADERS.flatMap((name) => (res.headers.has(name) ? [[name, res.headers.get(name)!]] : [])),
      );
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  console.warn(
    `The API at ${api} does not answer: vite preview serves the studio without its security headers.`,
  );
  return {};
}

// The engine is consumed from source, so the browser runs exactly the code the server runs.
export default defineConfig(async ({ isPreview }): Promise<UserConfig> => ({
  plugins: [react(), precompress()],
  resolve: {
    alias: [
      { find: /^@arbiter\/engine$/, replacement: engine('src/index.ts') },
      { find: /^@arbiter\/engine\/expressions$/, replacement: engine('src/expressions/index.ts') },
      { find: /^@arbiter\/engine\/catalog$/, replacement: engine('src/catalog/index.ts') },
      { find: /^@arbiter\/engine\/examples$/, replacement: engine('examples/index.ts') },
      // The CSV reader and writer and the field-name rule (no Node built-ins), from source like the engine.
      {
        find: /^@arbiter\/datasets\/(csv|field-name)$/,
        replacement: fileURLToPath(new URL('../../libs/datasets/src/', import.meta.url)) + '$1.ts',
      },
    ],
  },
  server: {
    port: 5173,
    proxy: { '/graphql': api, '/api': api },
  },
  preview: {
    port: 4173,
    proxy: { '/graphql': api, '/api': api },
    headers: isPreview ? await apiSecurityHeaders() : {},
  },
  // 'hidden': maps are written for error-reporting tools but not referenced from the bundles; the
  // API does not serve them in production (apps/api/src/studio/serve-studio.ts).
  build: {
    outDir: 'dist',
    sourcemap: 'hidden',
    chunkSizeWarningLimit: 2500,
    rolldownOptions: {
      output: {
        // The catalog rules (@arbiter/engine/catalog) in a chunk of their own: the Actions screen
        // reads them, and would otherwise load the engine chunk the editor shares.
        codeSplitting: {
          groups: [
            {
              name: 'engine-catalog',
              test: /libs[\\/]engine[\\/]src[\\/]catalog[\\/](index|action-fields|action-definition|field-name)\.ts$/,
            },
          ],
        },
      },
    },
  },
}));
