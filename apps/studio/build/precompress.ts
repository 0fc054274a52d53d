import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const COMPRESSIBLE = /\.(js|css|html|svg|json)$/;

/**
 * Writes a `.br` and a `.gz` next to every text asset of the build, compressed once at the highest
 * levels, so the API serves them without compressing per request (apps/api/src/studio/serve-studio.ts).
 * Source maps are left out: production does not serve them.
 */
export function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'arbiter-precompress',
    apply: 'build',
    configResolved(config) {
      // resolve, not join: the browser stories build into an absolute --outDir.
      outDir = resolve(config.root, config.build.outDir);
    },
    writeBundle(_options, bundle) {
      for (const fileName of Object.keys(bundle)) {
        if (!COMPRESSIBLE.test(fileName)) continue;
        const file = join(outDir, fileName);
        const content = readFileSync(file);
        if (content.length < 1024) continue;
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
        writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
      }
    },
  };
}
