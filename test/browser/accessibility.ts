import type { Page } from 'playwright-core';
import axe from 'axe-core';

/** Form controls and buttons on screen without an accessible name (label, aria-label, text or title). */
export function unlabelledControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    const named = (el: HTMLElement) => {
      if (el.getAttribute('aria-label')?.trim()) return true;
      const by = el.getAttribute('aria-labelledby');
      if (by && by.split(' ').some((id) => document.getElementById(id)?.textContent?.trim())) return true;
      if (
        (el as HTMLInputElement).labels?.length &&
        [...(el as HTMLInputElement).labels!].some((l) => l.textContent?.trim())
      )
        return true;
      if (el.tagName === 'BUTTON' && el.textContent?.trim()) return true;
      return !!el.getAttribute('title')?.trim();
    };
    return [...document.querySelectorAll<HTMLElement>('input, select, textarea, button')]
      .filter((el) => visible(el) && (el as HTMLInputElement).type !== 'hidden' && !named(el))
      .map((el) => el.outerHTML.slice(0, 120));
  });
}

/** Visible texts whose contrast against their background is below WCAG AA (4.5:1, 3:1 for large text). */
export function lowContrastTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const parse = (c: string) => {
      const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(c);
      return m
        ? { r: +m[1]!, g: +m[2]!, b: +m[3]!, a: m[4] === undefined ? 1 : +m[4] }
        : { r: 0, g: 0, b: 0, a: 0 };
    };
    const lum = ({ r, g, b }: { r: number; g: number; b: number }) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const background = (el: Element | null): { r: number; g: number; b: number } => {
      for (let e = el; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c.a > 0.9) return c;
      }
      return { r: 255, g: 255, b: 255 };
    };
    const bad: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const seen = new Set<Element>();
    while (walker.nextNode()) {
      const el = walker.currentNode.parentElement;
      if (!el || seen.has(el) || !walker.currentNode.textContent?.trim()) continue;
      seen.add(el);
      const style = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      if (
        r.width === 0 ||
        r.height === 0 ||
        style.visibility === 'hidden' ||
        el.closest('[disabled], .react-flow__attribution, .step-not-reached, option')
      )
        continue;
      if (Number(style.opacity) < 1) continue;
      const fg = parse(style.color);
      const l1 = lum(fg);
      const l2 = lum(background(el));
      const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5))
        bad.push(`${ratio.toFixed(2)}: "${el.textContent!.trim().slice(0, 40)}" (${el.className})`);
    }
    return bad;
  });
}

/** Whether the focused element shows a focus indicator (outline or box-shadow ring). */
export function focusIsVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return false;
    const style = getComputedStyle(el);
    return (
      (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none'
    );
  });
}

/**
 * axe-core's serious and critical violations on the page as it is now, one line each (rule, what it
 * asks, where). Injected through the DevTools protocol (page.evaluate), which the studio's CSP allows.
 */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const found = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      resultTypes: ['violations'],
    });
    return found.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.targets.join(', ')})`);
}
