import { strict as assert } from 'node:assert';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describeWorkbench } from './describeWorkbench';
import { uiTestEnvironment } from './environment';
import { openTopic, readerFrame, runFromPalette, topicsTreeRows, waitUntil } from './workbenchParts';

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

/** Runs the command, ticks these topics in its picker (typing each one's name first), and accepts. */
async function startWithTopics(page: Page, title: string, topics: readonly string[]): Promise<void> {
  await openTopicPicker(page, title);
  for (const [index, topic] of topics.entries()) {
    await page.locator('.quick-input-box input').fill(topic);
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: topic }).first();
    await row.waitFor({ timeout: 10_000 });
    await row.click(); // in a multi-select pick, clicking a row ticks it
    await page.locator('.quick-input-widget', { hasText: `${index + 1} Selected` }).waitFor({ timeout: 10_000 });
  }
  await page.keyboard.press('Enter');
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
    assert.equal(await practice.locator('#practice-progress').innerText(), '1 of 20 reviewed · 19 left');
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

  it('keeps the mock answer, its time and its question while its tab is hidden, with the countdown in the status bar', async () => {
    const { page } = workbench();
    await startWithTopics(page, 'Mock Interview', ['Linux']);
    const mock = practiceFrame(page);
    // The page of an earlier session may still be on show for a moment: wait for this one's card.
    await mock.locator('#card[data-question-id^="linux#"]').waitFor({ timeout: 60_000 });
    await mock.locator('#practice-progress', { hasText: 'Question 1 of 2' }).waitFor({ timeout: 10_000 });
    await mock.locator('#card-question').filter({ hasText: /\S/ }).waitFor({ timeout: 10_000 });
    const questionId = await mock.locator('#card').getAttribute('data-question-id');
    assert.match(questionId ?? '', /^linux#/);
    await mock.locator('#answer-notes').fill('Signals go to PID 1 first');
    await waitUntil('the timer to run', async () => (await mock.locator('#practice-timer').innerText()) !== '0:10');

    // Another editor in the same group hides the mock interview's tab (its page is let go).
    await runFromPalette(page, 'File: New Untitled Text File');
    await page.locator('.tab.active', { hasText: 'Untitled' }).waitFor({ timeout: 10_000 });
    const countdown = page.locator('.statusbar-item[aria-label^="Mock interview"]');
    const countdownShown = await countdown.waitFor({ timeout: 10_000 }).then(
      () => true,
      () => false,
    );
    const countdownText = countdownShown ? await countdown.innerText() : '(no countdown)';

    // A click on the countdown (or, without one, on the tab) brings the interview back as it was:
    // the same question, the same answer, the time still running.
    await (countdownShown ? countdown : page.locator('.tab', { hasText: 'Mock Interview' })).click();
    await mock.locator('#card-question').filter({ hasText: /\S/ }).waitFor({ timeout: 20_000 });
    assert.equal(await mock.locator('#card').getAttribute('data-question-id'), questionId, 'the same question');
    assert.equal(await mock.locator('#answer-notes').inputValue(), 'Signals go to PID 1 first', 'the answer typed before');
    assert.match(await mock.locator('#practice-progress').innerText(), /Question 1 of 2/);
    const timer = await mock.locator('#practice-timer').innerText();
    assert.ok(timer === "Time's up" || /^0:0\d$/.test(timer), `the time went on while hidden: ${timer}`);
    assert.match(countdownText, /\d:\d\d|Time's up/, 'the status bar counted down while the tab was hidden');

    for (const grade of ['Good', 'Hard']) {
      if (!(await mock.locator('#card-answer').isVisible())) {
        await mock.locator('#reveal').click();
      }
      await mock.locator('#card-answer').waitFor({ state: 'visible', timeout: 20_000 });
      await mock.locator('#grades button', { hasText: grade }).click();
      if (grade === 'Good') {
        await mock.locator('#practice-progress', { hasText: 'Question 2 of 2' }).waitFor({ timeout: 20_000 });
      }
    }
    const summary = mock.locator('#done-body');
    await summary.locator('table').waitFor({ timeout: 20_000 });
    assert.match(await summary.locator('blockquote').first().innerText(), /Signals go to PID 1 first/, 'the answer reached the summary');
    await countdown.waitFor({ state: 'detached', timeout: 10_000 });
  });

  it('counts practice progress as cards are graded and re-queued, and ends with the grades, the next due time and Continue', async () => {
    const { page } = workbench();
    await startWithTopics(page, 'Practice Questions', ['Nginx']);
    const practice = practiceFrame(page);
    const progress = practice.locator('#practice-progress');
    await practice.locator('#card[data-question-id^="nginx#"]').waitFor({ timeout: 60_000 });
    await progress.filter({ hasText: /reviewed/ }).waitFor({ timeout: 10_000 });
    await practice.locator('#card-question').filter({ hasText: /\S/ }).waitFor({ timeout: 10_000 });
    assert.equal(await progress.innerText(), '0 of 20 reviewed · 20 left');
    // Why 20: the session says so, and how many more new questions wait.
    const plan = await practice.locator('#practice-plan').innerText();
    assert.match(plan, /at most 20 new questions/);
    const waiting = Number(/(\d+) more wait/.exec(plan)?.[1]);
    assert.ok(waiting > 0, plan);

    const grade = async (key: string) => {
      const before = await progress.innerText();
      await page.keyboard.press('Space');
      await practice.locator('#card-answer').waitFor({ state: 'visible', timeout: 10_000 });
      await page.keyboard.press(key);
      await waitUntil('the progress to move', async () => (await practice.locator('#done').isVisible()) || (await progress.innerText()) !== before, 20_000);
    };
    await practice.locator('#reveal').focus();
    await grade('1');
    assert.equal(await progress.innerText(), '1 of 20 reviewed · 20 left (1 to repeat)', 'Again brings the question back later in the session');
    await grade('4');
    assert.equal(await progress.innerText(), '2 of 20 reviewed · 19 left (1 to repeat)');
    for (let card = 0; card < 30 && !(await practice.locator('#done').isVisible()); card++) {
      await grade('4');
    }
    const done = practice.locator('#done');
    await done.waitFor({ state: 'visible', timeout: 10_000 });
    const counts = Object.fromEntries(
      await done.locator('table tbody tr').first().locator('td').evaluateAll((cells, labels) => cells.map((cell, index) => [labels[index], cell.textContent?.trim()]), ['Again', 'Hard', 'Good', 'Easy']),
    );
    assert.deepEqual(await done.locator('table thead th').allInnerTexts(), ['Again', 'Hard', 'Good', 'Easy']);
    assert.deepEqual(counts, { Again: '1', Hard: '0', Good: '0', Easy: '20' });
    assert.match(await done.innerText(), /Next question due in \d+ (min|h|d)/);
    mkdirSync(screenshots, { recursive: true });
    await page.screenshot({ path: join(screenshots, 'practice-done.png') });
    const next = Math.min(20, waiting);
    const continueButton = practice.locator('#continue');
    assert.equal(await continueButton.innerText(), `Continue with the next ${next}`);
    await continueButton.click();
    await progress.filter({ hasText: `0 of ${next} reviewed · ${next} left` }).waitFor({ timeout: 20_000 });
    assert.equal(await practice.locator('#card-state').innerText(), 'new');
  });

  it("shows the open practice card in the notes' new language, on the same side", async () => {
    const { page } = workbench();
    await startWithTopics(page, 'Practice Questions', ['Python']);
    const practice = practiceFrame(page);
    await practice.locator('#card[data-question-id^="python#"]').waitFor({ timeout: 60_000 });
    const question = practice.locator('#card-question');
    await question.filter({ hasText: /\S/ }).waitFor({ timeout: 10_000 });
    const questionId = await practice.locator('#card').getAttribute('data-question-id');
    assert.match(questionId ?? '', /^python#/);
    await practice.locator('#reveal').click();
    await practice.locator('#card-answer').waitFor({ state: 'visible', timeout: 10_000 });

    const switchTo = async (choice: string) => {
      await runFromPalette(page, 'Interview Notes: Switch Note Language');
      const row = page.locator('.quick-input-list .monaco-list-row', { hasText: choice }).first();
      await row.waitFor({ timeout: 10_000 });
      await row.click();
    };
    await switchTo('简体中文');
    await question.filter({ hasText: /[\u4e00-\u9fff]/ }).waitFor({ timeout: 30_000 });
    assert.equal(await practice.locator('#card').getAttribute('data-question-id'), questionId, 'the same question');
    assert.ok(await practice.locator('#card-answer').isVisible(), 'the answer side is still up');
    assert.match(await practice.locator('#card-answer').innerText(), /[\u4e00-\u9fff]/, 'the answer follows the language too');
    await switchTo('Follow VS Code');
    await question.filter({ hasNotText: /[\u4e00-\u9fff]/ }).waitFor({ timeout: 30_000 });
    assert.equal(await practice.locator('#card').getAttribute('data-question-id'), questionId);
  });

  it('brings a mock interview back after "Developer: Reload Window", on the same question with the answer typed, and keeps the grades', async () => {
    const { page } = workbench();
    await startWithTopics(page, 'Mock Interview', ['Kubernetes']);
    const mock = practiceFrame(page);
    await mock.locator('#card[data-question-id^="kubernetes#"]').waitFor({ timeout: 60_000 });
    await mock.locator('#practice-progress', { hasText: 'Question 1 of 2' }).waitFor({ timeout: 10_000 });
    const firstQuestion = (await mock.locator('#card').getAttribute('data-question-id')) ?? '';
    await mock.locator('#answer-notes').fill('Requests schedule, limits throttle');
    await mock.locator('#reveal').click();
    await mock.locator('#grades button', { hasText: 'Good' }).click();
    await mock.locator('#practice-progress', { hasText: 'Question 2 of 2' }).waitFor({ timeout: 20_000 });
    const questionId = await mock.locator('#card').getAttribute('data-question-id');
    assert.match(questionId ?? '', /^kubernetes#/);
    await mock.locator('#answer-notes').fill('A liveness probe restarts the container');

    await workbench().reload();
    const restored = practiceFrame(page);
    await restored.locator('#card').filter({ hasText: /\S/ }).waitFor({ timeout: 90_000 });
    assert.equal(await restored.locator('#card').getAttribute('data-question-id'), questionId, 'the same question');
    assert.equal(await restored.locator('#practice-progress').innerText(), 'Question 2 of 2', 'the first answer is still counted');
    assert.equal(await restored.locator('#answer-notes').inputValue(), 'A liveness probe restarts the container', 'the answer typed before the reload');
    if (!(await restored.locator('#card-answer').isVisible())) {
      await restored.locator('#reveal').click();
    }
    await restored.locator('#grades button', { hasText: 'Hard' }).click();
    const summary = restored.locator('#done-body');
    await summary.locator('table').waitFor({ timeout: 20_000 });
    const quoted = await summary.locator('blockquote').allInnerTexts();
    assert.ok(quoted.some((text) => text.includes('Requests schedule, limits throttle')), `the answer from before the reload is in the summary: ${quoted.join(' | ')}`);
    assert.ok(quoted.some((text) => text.includes('A liveness probe restarts the container')));

    // The grade given before the reload is kept: the reader's badge says so.
    await runFromPalette(page, 'View: Close All Editors');
    await page.locator('iframe.webview.ready').waitFor({ state: 'detached', timeout: 20_000 });
    await openTopic(page, 'Kubernetes');
    const badge = readerFrame(page).locator(`h3#${firstQuestion.slice(firstQuestion.indexOf('#') + 1)} .question-state`);
    await badge.waitFor({ timeout: 60_000 });
    assert.match(await badge.innerText(), /^(learning|in review|mastered)$/, 'graded Good before the reload: no longer new');
  });
});
