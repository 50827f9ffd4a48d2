import { strict as assert } from 'node:assert';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openWorkbench, type OpenWorkbench } from '../harness/workbench';
import { uiTestEnvironment } from './environment';
import { screenshotIfFailed } from './screenshotOnFailure';
import { openTopic, readerFrame } from './workbenchParts';

const screenshots = join(uiTestEnvironment.repoRoot, 'test-results', 'screenshots');

/** The practice view is the only webview open when this is called. */
const practiceFrame = readerFrame;

async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  await page.keyboard.type(`Interview Notes: ${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
}

describe('practice in the real workbench', function () {
  this.timeout(240_000);
  let workbench: OpenWorkbench;
  /** The question graded in the first test, `redis#<id>`. */
  let graded = '';

  before(async () => {
    workbench = await openWorkbench(uiTestEnvironment);
    await workbench.page.getByRole('tab', { name: /Interview Notes/ }).click();
    await workbench.page.locator('.monaco-list-row', { hasText: 'Redis' }).first().waitFor({ timeout: 60_000 });
  });

  afterEach(async function () {
    await screenshotIfFailed(this, workbench?.page);
  });

  after(async () => {
    await workbench?.close();
  });

  it('opens practice from the command palette, reveals the answer, grades with a key and shows the next card', async () => {
    const { page } = workbench;
    await runCommand(page, 'Practice Questions');
    // Tick Redis in the topic picker, then accept.
    await page.locator('.quick-input-title', { hasText: 'Practice Questions' }).waitFor({ timeout: 30_000 });
    await page.keyboard.type('Redis');
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Redis' }).first();
    await row.waitFor({ timeout: 10_000 });
    await row.click(); // in a multi-select pick, clicking a row ticks it
    await page.locator('.quick-input-widget', { hasText: '1 Selected' }).waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');

    const practice = practiceFrame(page);
    const question = practice.locator('#card-question');
    await question.filter({ hasText: /\S/ }).waitFor({ timeout: 60_000 });
    const firstQuestion = await question.innerText();
    graded = (await practice.locator('#card').getAttribute('data-question-id')) ?? '';
    assert.match(graded, /^redis#/);
    assert.equal(await practice.locator('#card-state').innerText(), 'new');
    assert.equal(await practice.locator('#card-answer').isVisible(), false, 'the answer is hidden at first');

    await practice.locator('#reveal').focus();
    await page.keyboard.press('Space');
    await practice.locator('#card-answer').waitFor({ state: 'visible', timeout: 10_000 });
    assert.ok((await practice.locator('#card-answer').innerText()).trim().length > 40, 'the model answer shows');
    assert.ok(await practice.locator('#grades').isVisible());
    mkdirSync(screenshots, { recursive: true });
    await page.screenshot({ path: join(screenshots, 'practice-revealed.png') });
    const intervals = await practice.locator('.grade-interval').allInnerTexts();
    assert.equal(intervals.length, 4);
    assert.ok(intervals.every((interval) => /\d/.test(interval)), `each grade shows its interval: ${intervals.join(' ')}`);

    await page.keyboard.press('4');
    await practice.locator('#card-question').filter({ hasNotText: firstQuestion }).waitFor({ timeout: 20_000 });
    assert.notEqual(await practice.locator('#card').getAttribute('data-question-id'), graded);
    assert.equal(await practice.locator('#card-answer').isVisible(), false, 'the next answer is hidden again');
    assert.match(await practice.locator('#practice-progress').innerText(), /1 reviewed/);
  });

  it('keeps the grade after "Developer: Reload Window"', async () => {
    const { page } = workbench;
    const questionId = graded.slice(graded.indexOf('#') + 1);
    assert.ok(questionId, 'the first test graded a question');
    await page.keyboard.press('F1');
    await page.keyboard.type('View: Close All Editors');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Close All Editors' }).first().waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');

    const badgeAfterOpening = async () => {
      await openTopic(page, 'Redis');
      const badge = readerFrame(page).locator(`h3#${questionId} .question-state`);
      await badge.waitFor({ timeout: 60_000 });
      return badge.innerText();
    };
    assert.match(await badgeAfterOpening(), /^(learning|mastered)$/, 'graded Easy: no longer new');
    await workbench.reload();
    const badge = readerFrame(page).locator(`h3#${questionId} .question-state`);
    await badge.waitFor({ timeout: 60_000 });
    assert.match(await badge.innerText(), /^(learning|mastered)$/, 'the grade survived the reload');
    const otherBadges = await readerFrame(page).locator('h3.question .question-state').allInnerTexts();
    assert.ok(otherBadges.filter((text) => text === 'new').length >= otherBadges.length - 2, 'the other questions are still new');
  });
});
