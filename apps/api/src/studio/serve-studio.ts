import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
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
export function serveStudio(app: NestExpressApplication, dir: string, options: { sourceMaps: boolean }): void {
  if (!options.sourceMaps) {
    app.use((req: Request, res: Response, next: NextFunction) => {
      if (req.path.endsWith('.map') && !isApiPath(req.path)) res.status(404).json({ error: { code: 'NOT_FOUND', message: 'Not found.' } });
      else next();
    });
  }
  app.useStaticAssets(dir, { index: false, maxAge: '1h', setHeaders: noCacheForHtml });
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

function noCacheForHtml(res: Response, path: string) {
  if (path.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
}
