import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** Every story's screenshots, for looking at a run (not committed). */
export const SHOTS = join(__dirname, '..', 'screenshots');
/** The screenshots the READMEs show (committed). */
const DOCS = join(__dirname, '..', '..', 'docs', 'screenshots');

/**
 * A screenshot into test/screenshots; with `docs`, copied into docs/screenshots as well when
 * UPDATE_DOCS_SCREENSHOTS=1, so that a test run leaves the committed tree as it found it.
 */
export async function screenshot(
  page: Page,
  name: string,
  options: { docs?: boolean; clip?: { x: number; y: number; width: number; height: number } } = {},
): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  const path = join(SHOTS, `${name}.png`);
  await page.screenshot({ path, ...(options.clip && { clip: options.clip }) });
  if (options.docs && process.env['UPDATE_DOCS_SCREENSHOTS'] === '1') {
    mkdirSync(DOCS, { recursive: true });
    copyFileSync(path, join(DOCS, `${name}.png`));
  }
}
