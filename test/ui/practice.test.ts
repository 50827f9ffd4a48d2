import { strict as assert } from 'node:assert';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describeWorkbench } from './describeWorkbench';
import { uiTestEnvironment } from './environment';
import { openTopic, readerFrame, topicsTreeRows } from './workbenchParts';

const screenshots = join(uiTestEnvironment.repoRoot, 'test-results', 'screenshots');

/** The practice view is the only webview open when this is called. */
const practiceFrame = readerFrame;

async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  await page.keyboard.type(`Interview Notes: ${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
}

/**
 * Runs the command and waits for its topic picker. A practice view that is still settling may
 * take the focus, which closes the picker; a person would run the command again, and so does
 * the test (three tries).
 */
async function openTopicPicker(page: Page, title: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await runCommand(page, title);
    try {
      await page.locator('.quick-input-title', { hasText: title }).waitFor({ timeout: 10_000 });
      return;
    } catch (error) {
      if (attempt === 3) {
        throw error;
      }
      await page.keyboard.press('Escape');
    }
  }
}

const settings = { 'interviewNotes.mockInterview.secondsPerQuestion': 10, 'interviewNotes.mockInterview.questionCount': 2 };

describeWorkbench('practice in the real workbench', { timeout: 240_000, settings, ready: async ({ page }) => void (await topicsTreeRows(page, 'Redis')) }, (workbench) => {
  /** The question graded in the first test, `redis#<id>`. */
  let graded = '';

  it('opens practice from the command palette, reveals the answer, grades with a key and shows the next card', async () => {
    const { page } = workbench();
    await openTopicPicker(page, 'Practice Questions');
    // Tick Redis in the topic picker, then accept.
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

  it('runs a timed mock interview and ends with a summary of times and grades', async () => {
    const { page } = workbench();
    await openTopicPicker(page, 'Mock Interview');
    await page.keyboard.type('Docker');
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Docker' }).first();
    await row.waitFor({ timeout: 10_000 });
    await row.click();
    await page.locator('.quick-input-widget', { hasText: '1 Selected' }).waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');

    const mock = practiceFrame(page);
    // The practice session's page may still be on show for a moment: wait for the mock interview's.
    await mock.locator('#practice-progress', { hasText: 'Question 1 of 2' }).waitFor({ timeout: 60_000 });
    await mock.locator('#card-question').filter({ hasText: /\S/ }).waitFor({ timeout: 10_000 });
    assert.match(await mock.locator('#practice-timer').innerText(), /^0:(10|0\d)$/);
    // Type an answer, and let the 10-second timer run out: the model answer shows by itself.
    await mock.locator('#answer-notes').fill('PID 1 receives the signals');
    await mock.locator('#card-answer').waitFor({ state: 'visible', timeout: 20_000 });
    assert.equal(await mock.locator('#practice-timer').innerText(), "Time's up");
    await page.keyboard.press('3');

    await mock.locator('#practice-progress', { hasText: 'Question 2 of 2' }).waitFor({ timeout: 20_000 });
    await mock.locator('#answer-notes').focus();
    await page.keyboard.press('Control+Enter');
    await mock.locator('#card-answer').waitFor({ state: 'visible', timeout: 10_000 });
    await page.keyboard.press('2');

    const summary = mock.locator('#done-body');
    await summary.locator('table').waitFor({ timeout: 20_000 });
    const rows = await summary.locator('tbody tr').allInnerTexts();
    assert.equal(rows.length, 2);
    assert.match(rows[0], /0:1\d\s+\(time up\)\s+Good/);
    assert.match(rows[1], /Hard/);
    assert.match(await summary.locator('blockquote').first().innerText(), /PID 1 receives the signals/);
    assert.ok(await mock.locator('#save-summary').isVisible());
    await page.screenshot({ path: join(screenshots, 'mock-interview-summary.png') });
  });

  it('keeps the grade after "Developer: Reload Window"', async () => {
    const { page } = workbench();
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
    await workbench().reload();
    const badge = readerFrame(page).locator(`h3#${questionId} .question-state`);
    await badge.waitFor({ timeout: 60_000 });
    assert.match(await badge.innerText(), /^(learning|mastered)$/, 'the grade survived the reload');
    const otherBadges = await readerFrame(page).locator('h3.question .question-state').allInnerTexts();
    assert.ok(otherBadges.filter((text) => text === 'new').length >= otherBadges.length - 2, 'the other questions are still new');
  });
});
