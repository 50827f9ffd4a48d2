import { strict as assert } from 'node:assert';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { describeWorkbench } from './describeWorkbench';
import { uiTestEnvironment } from './environment';
import { loaded, readerFrame, runFromPalette, topicsTreeRows, waitUntil } from './workbenchParts';

const screenshots = join(uiTestEnvironment.repoRoot, 'test-results', 'screenshots');

/** The one webview open when this is called (practice, then the dashboard). */
const webviewFrame = readerFrame;

/** Grades the card on screen Good (Space shows the answer, 3 grades it) and waits for the next one. */
async function gradeGood(page: Page, practice: FrameLocator): Promise<void> {
  const question = practice.locator('#card-question');
  await question.filter({ hasText: /\S/ }).waitFor({ timeout: 60_000 });
  const shown = await practice.locator('#card').getAttribute('data-question-id');
  await practice.locator('#reveal').focus();
  await page.keyboard.press('Space');
  await practice.locator('#card-answer').waitFor({ state: 'visible', timeout: 10_000 });
  await page.keyboard.press('3');
  await waitUntil('the next card', async () => (await practice.locator('#card').getAttribute('data-question-id')) !== shown, 20_000);
}

/** The figures of one readiness row, by column. */
async function readinessRow(dashboard: FrameLocator, topic: string): Promise<{ questions: number; fresh: number; learning: number; due: number; mastered: number }> {
  const cells = await dashboard.locator('#readiness-table tbody tr', { has: dashboard.locator(`button[data-topic="${topic}"]`) }).locator('td').allInnerTexts();
  const [questions, fresh, learning, due, mastered] = cells.slice(1, 6).map((cell) => Number(cell.trim()));
  return { questions, fresh, learning, due, mastered };
}

describeWorkbench('practice dashboard in the real workbench', { timeout: 300_000, ready: async ({ page }) => void (await topicsTreeRows(page, 'Redis')) }, (workbench) => {
  it('shows two questions graded in Practice in its readiness and forecast tables, with no policy violation', async () => {
    const { page } = workbench();
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Refused|Content Security Policy/i.test(message.text())) {
        refused.push(message.text());
      }
    });
    await runFromPalette(page, 'Interview Notes: Practice Questions');
    await page.locator('.quick-input-title', { hasText: 'Practice Questions' }).waitFor({ timeout: 10_000 });
    await page.keyboard.type('Redis');
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Redis' }).first();
    await row.waitFor({ timeout: 10_000 });
    await row.click();
    await page.locator('.quick-input-widget', { hasText: '1 Selected' }).waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    const practice = webviewFrame(page);
    await gradeGood(page, practice);
    await gradeGood(page, practice);
    await runFromPalette(page, 'View: Close All Editors');
    await page.locator('iframe.webview.ready').waitFor({ state: 'detached', timeout: 20_000 });

    await runFromPalette(page, 'Interview Notes: Practice Dashboard');
    const dashboard = webviewFrame(page);
    await dashboard.locator('#readiness-table').waitFor({ timeout: 60_000 });
    await loaded(dashboard);
    const redis = await readinessRow(dashboard, 'redis');
    assert.ok(redis.questions > 2, `Redis has its questions: ${JSON.stringify(redis)}`);
    assert.equal(redis.fresh, redis.questions - 2, 'two are no longer new');
    assert.equal(redis.learning + redis.due, 2, 'graded Good once: learning (or due again already)');
    const docker = await readinessRow(dashboard, 'docker');
    assert.equal(docker.fresh, docker.questions, 'Docker is untouched');
    assert.match((await dashboard.locator('#readiness-table button[data-topic="redis"]').innerText()).trim(), /^Redis$/);

    // The forecast: a chart drawn by uPlot, and its table, where the two questions are due.
    await dashboard.locator('#forecast-chart canvas').waitFor({ timeout: 10_000 });
    const forecast = (await dashboard.locator('#forecast-table tbody tr td:nth-child(2)').allInnerTexts()).map((cell) => Number(cell.trim()));
    assert.equal(
      forecast.reduce((sum, count) => sum + count, 0),
      2,
      `the forecast table counts the two graded questions: ${forecast.join(', ')}`,
    );
    // Each grade went into the review log: today, the calendar's last day, shows the two reviews.
    assert.equal(await dashboard.locator('#heatmap-empty').count(), 0, 'the calendar is not empty');
    assert.match((await dashboard.locator('#heatmap button.heat').last().getAttribute('title')) ?? '', /^2 reviews/);
    assert.equal(await dashboard.locator('#heatmap button.heat').count(), 365);
    assert.ok(await dashboard.locator('#streaks').isVisible());

    const blocked = await dashboard.locator(':root').evaluate((root) => root.getAttribute('data-blocked-by-policy'));
    assert.equal(blocked, null, 'the policy blocked nothing in the dashboard');
    const inlineStyles = await dashboard.locator('body').evaluate((body) => Array.from(body.querySelectorAll('[style]')).filter((element) => !element.closest('.uplot')).map((element) => element.tagName));
    assert.deepEqual(inlineStyles, [], 'no style attribute outside the chart library (which sets CSSOM properties)');
    assert.deepEqual(refused, []);
    mkdirSync(screenshots, { recursive: true });
    await page.screenshot({ path: join(screenshots, 'dashboard.png') });
    await dashboard.locator('#forecast').evaluate((panel) => panel.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(screenshots, 'dashboard-charts.png') });
  });

  it('filters by a clicked topic, and comes back after "Developer: Reload Window" with the same filter', async () => {
    const { page } = workbench();
    let dashboard = webviewFrame(page);
    await dashboard.locator('#readiness-table button[data-topic="redis"]').click();
    await dashboard.locator('#filter', { hasText: 'Redis' }).waitFor({ timeout: 20_000 });
    assert.equal(await dashboard.locator('#readiness-table button[data-topic="redis"]').getAttribute('aria-pressed'), 'true');
    await workbench().reload();
    dashboard = webviewFrame(page);
    await dashboard.locator('#readiness-table').waitFor({ timeout: 60_000 });
    await dashboard.locator('#filter', { hasText: 'Redis' }).waitFor({ timeout: 20_000 });
    const redis = await readinessRow(dashboard, 'redis');
    assert.equal(redis.learning + redis.due, 2, 'the progress is there after the reload');
    assert.equal(await dashboard.locator(':root').evaluate((root) => root.getAttribute('data-blocked-by-policy')), null);
  });

  it('lists the reviews of a clicked day, and follows the interview date set from the palette', async () => {
    const { page } = workbench();
    const dashboard = webviewFrame(page);
    await dashboard.locator('#show-all').click();
    await dashboard.locator('#filter').waitFor({ state: 'detached', timeout: 20_000 });
    await dashboard.locator('#heatmap button.heat').last().click();
    const dayReviews = dashboard.locator('#day-reviews');
    await dayReviews.waitFor({ timeout: 20_000 });
    const rows = await dayReviews.locator('tbody tr').allInnerTexts();
    assert.equal(rows.length, 2, `today's two reviews: ${rows.join(' | ')}`);
    assert.ok(rows.every((row) => /Redis/.test(row) && /Good/.test(row) && /Practice/.test(row)), rows.join(' | '));
    assert.equal(await dashboard.locator('#heatmap button.heat.selected').count(), 1);

    /** Sets the date through the command's input box, and keeps every topic in its picker. */
    const setInterviewDate = async (daysAhead: number): Promise<string> => {
      const day = new Date();
      day.setDate(day.getDate() + daysAhead);
      const date = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
      await runFromPalette(page, 'Interview Notes: Set Interview Date');
      const input = page.locator('.quick-input-box input');
      await page.locator('.quick-input-title', { hasText: 'Set Interview Date' }).waitFor({ timeout: 10_000 });
      await input.fill(date);
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-title', { hasText: 'Topics of the Interview' }).waitFor({ timeout: 10_000 });
      await page.keyboard.press('Enter');
      return date;
    };
    const perDay = async (date: string, days: number): Promise<number> => {
      await dashboard.locator('#countdown', { hasText: `Interview in ${days} days (${date})` }).waitFor({ timeout: 30_000 });
      const summary = await dashboard.locator('#plan-summary').innerText();
      const match = /Review about (\d+) questions a day, (\d+) of them new\./.exec(summary);
      assert.ok(match, summary);
      assert.equal(await dashboard.locator('#plan-table tbody tr').count(), Math.min(days, 14), 'one row a study day, two weeks at most');
      await page.locator('.statusbar-item', { hasText: `Interview in ${days} days` }).waitFor({ timeout: 20_000 });
      return Number(match[2]);
    };
    const far = await setInterviewDate(20);
    const newPerDayFar = await perDay(far, 20);
    const near = await setInterviewDate(5);
    const newPerDayNear = await perDay(near, 5);
    assert.ok(newPerDayNear > newPerDayFar, `five days leave more new questions a day than twenty: ${newPerDayNear} vs ${newPerDayFar}`);
    await page.screenshot({ path: join(screenshots, 'dashboard-interview-plan.png') });
  });
});
