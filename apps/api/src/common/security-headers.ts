import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { GRAPHQL_PATH } from './graphql/graphql-options';

/**
 * The Content-Security-Policy of everything the API serves: the studio (its own scripts and styles
 * only, no inline script, no eval, API calls and subscriptions to this origin) and the JSON answers.
 * The studio keeps its tokens in sessionStorage, so this policy is what keeps other scripts away
 * from them.
 */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/**
 * The GraphQL sandbox page (only where GRAPHQL_SANDBOX is on) loads Apollo's embeddable sandbox from
 * its CDN with nonce'd inline scripts and declares that script policy itself in a <meta> tag; a
 * header cannot know the nonce, so here it only keeps what a <meta> policy cannot say.
 */
const SANDBOX_PAGE_POLICY: Record<
  string,
  Iterable<string> | typeof helmet.contentSecurityPolicy.dangerouslyDisableDefaultSrc
> = {
  'default-src': helmet.contentSecurityPolicy.dangerouslyDisableDefaultSrc,
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
};

function headers(policy: Parameters<typeof helmet.contentSecurityPolicy>[0]): RequestHandler {
  return helmet({
    contentSecurityPolicy: policy,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  }) as RequestHandler;
}

/** Security headers on every response (helmet): CSP, frame-ancestors 'none', nosniff, no referrer, HSTS. */
export function securityHeaders(options: { graphqlSandbox: boolean }): RequestHandler {
  const strict = headers({ useDefaults: false, directives: CONTENT_SECURITY_POLICY });
  const sandbox = headers({ useDefaults: false, directives: SANDBOX_PAGE_POLICY });
  return (req: Request, res: Response, next: NextFunction) => {
    const sandboxPage = options.graphqlSandbox && req.method === 'GET' && req.path === GRAPHQL_PATH;
    (sandboxPage ? sandbox : strict)(req, res, next);
  };
}
