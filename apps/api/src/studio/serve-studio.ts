import { existsSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import type { NestExpressApplication } from '@nestjs/platform-express';

/** Paths the API itself answers; everything else that asks for HTML gets the studio. */
const API_PREFIXES = ['/graphql', '/api', '/health', '/metrics'];

/** Where the built studio is: STUDIO_DIR, else apps/studio/dist next to this app. */
export function studioDirectory(configured: string | undefined): string | undefined {
  const dir = configured ?? resolve(__dirname, '../../../studio/dist');
  return existsSync(join(dir, 'index.html')) ? dir : undefined;
}

/**
 * Serves the studio's files and answers its client-side routes (/strategies/…) with index.html.
 * Registered before Nest's routes, so it only takes GET requests outside the API's paths.
 * Without `sourceMaps` (production) the build's `.map` files are not served: they would hand out the
 * studio's sources; the build keeps them, unreferenced, for error-reporting tools.
 */
export function serveStudio(
  app: NestExpressApplication,
  dir: string,
  options: { sourceMaps: boolean },
): void {
  if (!options.sourceMaps) {
    app.use((req: Request, res: Response, next: NextFunction) => {
      if (req.path.endsWith('.map') && !isApiPath(req.path))
        res.status(404).json({ error: { code: 'NOT_FOUND', message: 'Not found.' } });
      else next();
    });
  }
  app.use(precompressedAssets(dir));
  app.useStaticAssets(dir, { index: false, setHeaders: cacheHeaders });
  const index = join(dir, 'index.html');
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || isApiPath(req.path) || !req.accepts('html')) {
      next();
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}

function isApiPath(path: string): boolean {
  return API_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`));
}

/** Hashed build assets never change under their name: browsers keep them a year without asking. */
function cacheHeaders(res: Response, path: string) {
  if (path.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
  else if (path.includes(`${sep}assets${sep}`))
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
  else res.setHeader('Cache-Control', 'public, max-age=3600');
}

/**
 * Sends the build's `.br` or `.gz` copy of a file (written by the studio's precompress plugin) to a
 * browser that accepts it, with the original file's type and caching; anything else falls through
 * to the plain static files.
 */
function precompressedAssets(dir: string) {
  const root = resolve(dir);
  return (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApiPath(req.path)) return next();
    const file = resolve(root, `.${decodePath(req.path)}`);
    if (!file.startsWith(root + sep)) return next();
    // Brotli first: browsers list it after gzip but it is ~15% smaller on our bundles.
    const encoding = (['br', 'gzip'] as const).find((e) => req.acceptsEncodings(e) === e);
    const variant = encoding && `${file}.${encoding === 'br' ? 'br' : 'gz'}`;
    if (!variant || !existsSync(variant)) return next();
    res.setHeader('Content-Encoding', encoding!);
    res.setHeader('Vary', 'Accept-Encoding');
    res.type(extname(file));
    cacheHeaders(res, file);
    res.sendFile(variant);
  };
}

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
