import type { ApolloServerPlugin } from '@apollo/server';

const PAGE = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Arbiter GraphQL API</title></head>
  <body>
    <h1>Arbiter GraphQL API</h1>
    <p>Send GraphQL operations to this URL with POST. The sandbox is off here (GRAPHQL_SANDBOX=true turns it on).</p>
  </body>
</html>
`;

/**
 * What a browser sees at /graphql when the sandbox is off: a static page with no script, unlike
 * Apollo's production landing page, which loads its script from Apollo's CDN and so would run a
 * third party's code on the studio's origin (and break under its Content-Security-Policy).
 */
export function sandboxOffLandingPage(): ApolloServerPlugin {
  return {
    async serverWillStart() {
      return { renderLandingPage: async () => ({ html: PAGE }) };
    },
  };
}
