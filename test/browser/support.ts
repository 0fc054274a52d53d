import type { Browser, Page } from 'playwright-core';
import { DEMO_ROLES, roleTokens, startApi, type RunningApi } from '../api/api-process';
import { launchChromium } from './chromium';
import { editedDraft, strategyNamed } from './story-api';
import { startStudio, type RunningStudio } from './studio-server';

/** The steps every story shares: the studio and a browser page on it, signing in, the teardown. */

export interface StudioPage {
  studio: RunningStudio;
  browser: Browser;
  page: Page;
}

/**
 * The studio served against the API at `apiUrl`, and one page on it. The page's uncaught errors (and,
 * unless `consoleErrors` is false, its console errors) go to `errors`, which a story expects empty.
 */
export async function openStudioPage(
  apiUrl: string,
  pageOptions: Parameters<Browser['newPage']>[0],
  errors: string[],
  { consoleErrors = true } = {},
): Promise<StudioPage> {
  const studio = await startStudio(apiUrl);
  const browser = await launchChromium();
  const page = await browser.newPage(pageOptions);
  page.on('pageerror', (e) => errors.push(e.message));
  if (consoleErrors) page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  return { studio, browser, page };
}

/** The API on the demo seed (every user's password `password`), each demo role's access token, and a studio page. */
export async function startDemoStory(
  password: string,
  pageOptions: Parameters<Browser['newPage']>[0],
  errors: string[],
): Promise<StudioPage & { api: RunningApi; token: Record<string, string> }> {
  const api = await startApi({ DEMO_SEED: 'true', DEMO_PASSWORD: password });
  const token = await roleTokens(api, DEMO_ROLES, password);
  return { api, token, ...(await openStudioPage(api.url, pageOptions, errors)) };
}

/** Opens `url` (a studio screen), which asks for a sign-in, and signs in (with `switchUser`, after signing out whoever is signed in). */
export async function signInAt(
  page: Page,
  url: string,
  email: string,
  password: string,
  { switchUser = false } = {},
): Promise<void> {
  await page.goto(url);
  if (switchUser && (await page.getByRole('button', { name: 'Sign out' }).count()))
    await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The teardown of a story: whatever of it was started. */
export async function closeStory(browser?: Browser, studio?: RunningStudio, api?: RunningApi): Promise<void> {
  await browser?.close();
  await studio?.stop();
  await api?.stop();
}

/**
 * A new draft of the strategy named `strategyName`: a clone of its published version whose score
 * step reads version 1 of the registry model `modelId`, under the step label `label`.
 */
export async function draftScoredByModel(
  api: RunningApi,
  designerToken: string,
  { strategyName, modelId, label }: { strategyName: string; modelId: string; label: string },
): Promise<{
  strategyId: string;
  publishedVersionId: string;
  versionId: string;
  valid: boolean;
  problems: { message: string }[];
}> {
  const strategy = await strategyNamed(api, designerToken, strategyName);
  const published = strategy.versions.find((v) => v.status === 'PUBLISHED')!;
  const saved = await editedDraft(api, designerToken, published, (n) =>
    n.type === 'score'
      ? { ...n, label, config: { field: 'propensity', model: { type: 'registry', modelId, version: 1 } } }
      : n,
  );
  return {
    strategyId: strategy.id,
    publishedVersionId: published.id,
    versionId: saved.id,
    valid: saved.valid,
    problems: saved.problems,
  };
}
