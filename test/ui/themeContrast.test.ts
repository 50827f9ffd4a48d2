import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import { describeWorkbench } from './describeWorkbench';
import { loaded, openTopic, readerFrame, runFromPalette, topicsTreeRows } from './workbenchParts';

/** axe-core, run inside the webview's page: its source is evaluated there through the devtools protocol, which the page's CSP does not govern. */
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * The four kinds of theme VS Code has, by the ids of its default themes (the picker lists them as
 * "Light Modern" and so on, with the id beside), and the class VS Code gives the webview's body in each.
 */
const themes = [
  { id: 'Default Light Modern', body: 'body.vscode-light' },
  { id: 'Default Dark Modern', body: 'body.vscode-dark' },
  { id: 'Default High Contrast', body: 'body.vscode-high-contrast:not(.vscode-high-contrast-light)' },
  { id: 'Default High Contrast Light', body: 'body.vscode-high-contrast-light' },
];

interface ContrastViolation {
  readonly target: string;
  readonly text: string;
  readonly summary: string;
}

/** The frame of the one visible webview's page (the workbench's webview host frame, then its active frame). */
async function webviewPage(page: Page): Promise<Frame> {
  const host = await (await page.locator('iframe.webview.ready').elementHandle())?.contentFrame();
  const active = await (await host?.locator('#active-frame').elementHandle())?.contentFrame();
  assert.ok(active, 'a webview is open');
  return active;
}

/**
 * Picks a colour theme as a person does, from "Preferences: Color Theme": types its id, moves
 * down to its row (the picker lists "Light Modern" and so on with the id beside) and presses
 * Enter; then waits until the webview has its colours.
 */
async function useTheme(page: Page, theme: { id: string; body: string }): Promise<void> {
  // A webview taking the focus back can close the picker as it opens: open it again, as a person would.
  const picker = page.locator('.quick-input-widget input[placeholder*="Color Theme"]');
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('F1');
    await page.keyboard.type('Preferences: Color Theme');
    await page.locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: /^Preferences: Color Theme$/ }) }).first().click();
    const opened = await picker.waitFor({ timeout: 10_000 }).then(() => true, () => false);
    if (opened) {
      break;
    }
    assert.ok(attempt < 3, 'the Color Theme picker opens');
    await page.keyboard.press('Escape');
  }
  await page.keyboard.type(theme.id);
  const isTheRow = async () => {
    const text = await page.locator('.quick-input-list .monaco-list-row.focused').first().innerText({ timeout: 2_000 }).catch(() => '');
    return text.includes(theme.id) && !text.includes(`${theme.id} Light`);
  };
  for (let step = 0; !(await isTheRow()); step++) {
    assert.ok(step < 6, `the row of ${theme.id} in the theme picker`);
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
  const frame = await webviewPage(page);
  await frame.locator(theme.body).waitFor({ timeout: 30_000 });
}

/** axe-core's colour-contrast rule (WCAG 2 AA: 4.5:1, 3:1 for large text) over the whole page of the webview. */
async function contrastViolations(page: Page): Promise<ContrastViolation[]> {
  const frame = await webviewPage(page);
  if (!(await frame.evaluate('typeof axe !== "undefined"'))) {
    await frame.evaluate(`${axeSource}\n;undefined`);
  }
  return frame.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: unknown) => Promise<{ violations: { nodes: { target: string[]; html: string; failureSummary?: string }[] }[] }> } }).axe;
    const results = await axe.run(document, { runOnly: { type: 'rule', values: ['color-contrast'] }, resultTypes: ['violations'] });
    return results.violations.flatMap((violation) =>
      violation.nodes.map((node) => ({ target: node.target.join(' '), text: node.html.slice(0, 120), summary: (node.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 240) })),
    );
  });
}

/** The first few elements that fail, with axe's reason; the count says how many more. */
function report(violations: readonly ContrastViolation[]): string {
  const shown = violations.slice(0, 12).map((violation) => `\n  ${violation.target}: ${violation.text}\n    ${violation.summary}`).join('');
  return violations.length > 12 ? `${shown}\n  ... and ${violations.length - 12} more` : shown;
}

/** Switches through the four kinds of theme and fails with every element below AA contrast in any; `settled` waits for the page to redraw in the theme. */
async function assertContrastInEveryTheme(page: Page, settled: () => Promise<unknown> = async () => undefined): Promise<void> {
  const failures: string[] = [];
  for (const theme of themes) {
    await useTheme(page, theme);
    await settled();
    const violations = await contrastViolations(page);
    if (violations.length > 0) {
      failures.push(`${theme.id}: ${violations.length} elements${report(violations)}`);
    }
  }
  assert.equal(failures.length, 0, `text below 4.5:1 (3:1 when large):\n${failures.join('\n')}`);
}

describeWorkbench('colour contrast of the reader, the practice view and the dashboard in every kind of theme', { timeout: 300_000, ready: async ({ page }) => void (await topicsTreeRows(page, 'Docker')) }, (workbench) => {
  it('has no text below WCAG AA contrast in the reader, in light, dark and both high-contrast themes', async () => {
    const { page } = workbench();
    await openTopic(page, 'Docker');
    const reader = readerFrame(page);
    await reader.locator('h2#compose').waitFor({ timeout: 30_000 });
    await loaded(reader);
    // The practice badges beside the questions are part of the page.
    await reader.locator('.question-state').first().waitFor({ timeout: 30_000 });
    await assertContrastInEveryTheme(page);
  });

  it('has no text below WCAG AA contrast in the practice view, in light, dark and both high-contrast themes', async () => {
    const { page } = workbench();
    await runFromPalette(page, 'View: Close All Editors');
    await page.locator('iframe.webview.ready').waitFor({ state: 'detached', timeout: 30_000 });
    await runFromPalette(page, 'Interview Notes: Practice Questions');
    await page.keyboard.type('Redis');
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Redis' }).first();
    await row.waitFor({ timeout: 10_000 });
    await row.click(); // in a multi-select pick, clicking a row ticks it
    await page.locator('.quick-input-widget', { hasText: '1 Selected' }).waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    const practice = readerFrame(page);
    await practice.locator('#card-question').filter({ hasText: /\S/ }).waitFor({ timeout: 60_000 });
    await practice.locator('#reveal').click();
    await practice.locator('#card-answer').waitFor({ state: 'visible', timeout: 10_000 });
    await assertContrastInEveryTheme(page);
  });

  it('has no text below WCAG AA contrast in the dashboard, in light, dark and both high-contrast themes', async () => {
    const { page } = workbench();
    // The practice card of the test before is on screen, revealed: a grade puts something in every chart.
    const practice = readerFrame(page);
    // The theme switches of the test before can rebuild the page with the card's question side up.
    await practice.locator('#card-question').filter({ hasText: /\S/ }).waitFor({ timeout: 30_000 });
    if (!(await practice.locator('#card-answer').isVisible())) {
      await practice.locator('#reveal').click();
    }
    await practice.locator('#grades button', { hasText: 'Good' }).click();
    await practice.locator('#practice-progress', { hasText: '1 of' }).waitFor({ timeout: 20_000 });
    await runFromPalette(page, 'View: Close All Editors');
    await page.locator('iframe.webview.ready').waitFor({ state: 'detached', timeout: 30_000 });
    await runFromPalette(page, 'Interview Notes: Practice Dashboard');
    const dashboard = readerFrame(page);
    await dashboard.locator('#readiness-table').waitFor({ timeout: 60_000 });
    await loaded(dashboard);
    await dashboard.locator('#forecast-chart canvas').waitFor({ timeout: 20_000 });
    await assertContrastInEveryTheme(page, () => dashboard.locator('#forecast-chart canvas').waitFor({ timeout: 20_000 }));
  });
});
