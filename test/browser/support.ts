import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { setInBeforeAll } from '../../apps/api/test/support/set-in-before-all';
import { roleTokens, startApi, type RunningApi } from '../api/api-process';
import { launchChromium } from './chromium';
import { editedDraft, readyDatasets, simulateUntilDone, strategyNamed } from './story-api';
import { startStudio, studioBuild, type RunningStudio } from './studio-server';

/** The steps every story shares: the API and the studio, a browser page on them, signing in, the teardown. */

type PageOptions = Parameters<Browser['newPage']>[0];

export interface StoryOptions {
  /** Every demo user's password. */
  password: string;
  /** More of the API's environment (the demo seed is always on). */
  env?: Record<string, string>;
  /** The options of the story's page; without them no page is opened (the story opens its own). */
  page?: PageOptions;
  /** False: only the page's uncaught errors go to `browserErrors`, not its console errors. */
  consoleErrors?: boolean;
  /** The demo roles whose access tokens `token` holds. */
  roles?: readonly string[];
  /** `api`: the API serves the built studio itself, as `npm start` does (instead of `vite preview`). */
  servedBy?: 'preview' | 'api';
}

export interface Story {
  api: RunningApi;
  studio: RunningStudio;
  browser: Browser;
  page: Page;
  /** The access token of each role in `roles`. */
  token: Record<string, string>;
  /** The page's errors, which a story expects empty. */
  browserErrors: string[];
}

/**
 * The story of the enclosing `describe`: a `beforeAll` starts the API on the demo seed, the studio and
 * chromium (and opens the page), an `afterAll` stops whatever started. The handles forward to the
 * real ones once the `beforeAll` has run, so a story's own `beforeAll` (declared after) and its tests
 * use them directly.
 */
export function useStory(options: StoryOptions): Story {
  const api = setInBeforeAll<RunningApi>('the API');
  const studio = setInBeforeAll<RunningStudio>('the studio');
  const browser = setInBeforeAll<Browser>('the browser');
  const page = setInBeforeAll<Page>('the page');
  const token: Record<string, string> = {};
  const browserErrors: string[] = [];
  const started: { api?: RunningApi; studio?: RunningStudio; browser?: Browser } = {};

  beforeAll(async () => {
    const env = { DEMO_SEED: 'true', DEMO_PASSWORD: options.password, ...options.env };
    if (options.servedBy === 'api') {
      api.set((started.api = await startApi({ ...env, STUDIO_DIR: await studioBuild() })));
      studio.set({ url: started.api.url, stop: async () => {} });
    } else {
      api.set((started.api = await startApi(env)));
      studio.set((started.studio = await startStudio(started.api.url)));
    }
    Object.assign(token, await roleTokens(started.api, options.roles ?? [], options.password));
    browser.set((started.browser = await launchChromium()));
    if (options.page) {
      const opened = await started.browser.newPage(options.page);
      opened.on('pageerror', (e) => browserErrors.push(e.message));
      if (options.consoleErrors !== false)
        opened.on('console', (m) => m.type() === 'error' && browserErrors.push(m.text()));
      page.set(opened);
    }
  }, 300_000);

  afterAll(() => closeStory(started.browser, started.studio, started.api));

  return {
    api: api.value,
    studio: studio.value,
    browser: browser.value,
    page: page.value,
    token,
    browserErrors,
  };
}

/** A temporary folder for the files a story uploads or downloads, removed by an `afterAll`. */
export function useScratchDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
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

/**
 * Signs in as the demo seed's user of `role` (`<role>@arbiter.local`), signing out whoever is signed
 * in, and waits until the studio's navigation shows.
 */
export async function signInAsDemoUser(
  page: Page,
  studioUrl: string,
  role: string,
  password: string,
): Promise<void> {
  await signInAt(page, `${studioUrl}/#/strategies`, `${role}@arbiter.local`, password, { switchUser: true });
  await page.getByRole('link', { name: 'Models' }).waitFor();
}

/** The teardown of a story: whatever of it was started. */
async function closeStory(browser?: Browser, studio?: RunningStudio, api?: RunningApi): Promise<void> {
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

/**
 * The analyst's simulation of a draft from `draftScoredByModel` on the demo's coupon sample, against
 * the published version it was cloned from: the evidence the reviewer approves on.
 */
export async function simulateOnCoupons(
  api: RunningApi,
  analystToken: string,
  draft: { versionId: string; publishedVersionId: string },
): ReturnType<typeof simulateUntilDone> {
  const coupons = (await readyDatasets(api, analystToken)).find((d) => /coupon/i.test(d.name));
  if (!coupons) throw new Error('the demo seed has no coupon sample ready');
  return simulateUntilDone(api, analystToken, {
    versionId: draft.versionId,
    datasetId: coupons.id,
    baselineVersionId: draft.publishedVersionId,
  });
}

/**
 * Opens the review of `versionId` (the reviewer signed in), compares it with the version before, and
 * waits for the line saying that version 1 of the registry model `model` was added (`detail`: a
 * pattern for what follows it), scrolled into view.
 */
export async function reviewModelAdded(
  page: Page,
  studioUrl: string,
  {
    strategyId,
    versionId,
    model,
    detail = '',
  }: { strategyId: string; versionId: string; model: string; detail?: string },
): Promise<void> {
  await page.goto(`${studioUrl}/#/strategies/${strategyId}/review?version=${versionId}`);
  await page.getByRole('button', { name: 'Compare' }).click();
  const line = page.getByText(
    new RegExp(`model '${model.replace(/[()]/g, '\\$&')}' version 1 added${detail}`),
  );
  await line.waitFor();
  await line.scrollIntoViewIfNeeded();
}
