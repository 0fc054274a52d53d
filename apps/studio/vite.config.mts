import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const engine = (path: string) => fileURLToPath(new URL(`../../libs/engine/${path}`, import.meta.url));
const api = process.env.ARBITER_API_URL ?? 'http://127.0.0.1:3000';

// The engine is consumed from source, so the browser runs exactly the code the server runs.
export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^@arbiter\/engine$/, replacement: engine('src/index.ts') },
      { find: /^@arbiter\/engine\/expressions$/, replacement: engine('src/expressions/index.ts') },
      { find: /^@arbiter\/engine\/examples$/, replacement: engine('examples/index.ts') },
    ],
  },
  server: {
    port: 5173,
    proxy: { '/graphql': api, '/api': api },
  },
  preview: { port: 4173, proxy: { '/graphql': api, '/api': api } },
  build: { outDir: 'dist', sourcemap: true, chunkSizeWarningLimit: 2500 },
});
