import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

/** Debian's chromium (tools/ci-apt-packages.txt installs it); CHROMIUM_PATH overrides. */
export function chromiumPath(): string {
  const candidates = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  try {
    candidates.push(execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim());
  } catch {
    // not on the PATH
  }
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found)
    throw new Error(
      'Chromium is missing: install the Debian package "chromium" (apt-get install -y chromium) or set CHROMIUM_PATH.',
    );
  return found;
}

/** Content-Security-Policy violations reported by any page of any browser this file launched. */
const cspViolations: string[] = [];
const watched = new WeakSet<BrowserContext>();

// Every story imports this helper, so every test of every story fails on a violation it caused
// (the studio runs under the API's policy: see studio-server.ts).
afterEach(() => {
  const found = cspViolations.splice(0);
  if (found.length) throw new Error(`The studio broke its Content-Security-Policy:\n${found.join('\n')}`);
});

/** Records each violation once: the page's securitypolicyviolation event (also fired for a caught eval). */
async function watchCsp(context: BrowserContext): Promise<void> {
  if (watched.has(context)) return;
  watched.add(context);
  await context.exposeBinding(
    '__reportCspViolation',
    (_source, text: string) => void cspViolations.push(text),
  );
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportCspViolation(text: string): void }).__reportCspViolation(
        `${location.pathname}${location.hash}: ${e.effectiveDirective} refused ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
}

export async function launchChromium(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
  // Every page of a story, whether from newPage or newContext, reports its violations.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    await watchCsp(context);
    return context;
  };
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (options) => {
    const page = await newPage(options);
    await watchCsp(page.context());
    return page;
  };
  return browser;
}
