/**
 * A readable page over the OpenAPI document at /api/docs.html. Its script and style are files of
 * their own (/api/docs.js, /api/docs.css), so it runs under the same Content-Security-Policy as the
 * studio (no inline script or style).
 */
export const DOCS_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Arbiter decision API</title>
<link rel="stylesheet" href="/api/docs.css"><script src="/api/docs.js" defer></script></head>
<body><h1>Arbiter decision API</h1><p>The OpenAPI 3.1 document: <a href="/api/docs">/api/docs</a> (JSON; load it into any OpenAPI viewer or client generator).</p>
<div id="ops">Loading…</div>
</body></html>`;

export const DOCS_STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}code,pre{background:#f4f4f4;padding:.1rem .3rem}pre{padding:1rem;overflow:auto}
`;

export const DOCS_SCRIPT = `fetch('/api/docs').then(r => r.json()).then(doc => {
  const el = document.getElementById('ops'); el.textContent = '';
  for (const [path, ops] of Object.entries(doc.paths)) for (const [method, op] of Object.entries(ops)) {
    const h = document.createElement('h2'); h.textContent = method.toUpperCase() + ' ' + path; el.append(h);
    const p = document.createElement('p'); p.textContent = op.summary; el.append(p);
    const pre = document.createElement('pre'); pre.textContent = Object.entries(op.responses).map(([s, r]) => s + ' ' + r.description).join('\\n'); el.append(pre);
  }
});
`;
