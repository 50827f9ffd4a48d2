import { assert } from 'chai';
import * as vscode from 'vscode';
import { questionsOf } from '../../src/core/notes/note';
import { calendarFromOffset, dayKeyOf, localDayNumber } from '../../src/core/practice/localDays';
import { closeAllEditors, extensionApi, waitFor } from './helpers';

const dateSetting = 'interviewNotes.practice.interviewDate';
const topicsSetting = 'interviewNotes.practice.interviewTopics';
/** The host's own calendar, as the extension reads it. */
const hostCalendar = calendarFromOffset((time) => -new Date(time).getTimezoneOffset());
const localDay = (offset: number) => dayKeyOf(localDayNumber(hostCalendar, Date.now()) + offset);

async function setSettings(date: string | undefined, topics: readonly string[] | undefined): Promise<void> {
  const configuration = vscode.workspace.getConfiguration();
  await configuration.update(dateSetting, date, vscode.ConfigurationTarget.Global);
  await configuration.update(topicsSetting, topics, vscode.ConfigurationTarget.Global);
}

describe('interview date', () => {
  afterEach(async () => {
    await setSettings(undefined, undefined);
    // The practice panel a test opened would otherwise stay open, behind the next suites' editors.
    await closeAllEditors();
  });

  it('a date in the setting shows a countdown with today\'s questions from the plan, gone when cleared or past', async () => {
    const api = await extensionApi();
    const redis = await api.library.note('redis');
    assert.ok(redis);
    const interviewDay = localDay(12);
    await setSettings(interviewDay, ['redis']);

    const plan = await waitFor('the plan to the setting\'s date', async () => {
      const current = await api.interviewDate.plan();
      return current?.interviewDay === interviewDay ? current : undefined;
    });
    assert.equal(plan.daysLeft, 12);
    assert.equal(plan.questions, questionsOf(redis.note).length, 'the chosen topic\'s questions only');
    assert.isAbove(plan.days[0].total, 0, 'new questions start today');
    const shown = await waitFor('the countdown', () => (api.interviewDate.state.visible && api.interviewDate.state.text.includes('12') ? api.interviewDate.state : undefined));
    assert.equal(shown.text, `$(calendar) Interview in 12 days · ${plan.days[0].total} today`);
    assert.equal(shown.command, 'interviewNotes.showInterviewPlan');
    const hasDashboard = (await vscode.commands.getCommands(true)).includes('interviewNotes.openDashboard');
    assert.equal(await vscode.commands.executeCommand('interviewNotes.showInterviewPlan'), hasDashboard ? 'dashboard' : 'notification', 'a click opens the dashboard, or shows the plan without one');

    await setSettings(localDay(-1), ['redis']);
    await waitFor('no countdown for a past date', () => !api.interviewDate.state.visible);
    await setSettings(localDay(3), []);
    const allTopics = await waitFor('a plan over every topic', async () => {
      const current = await api.interviewDate.plan();
      return current?.daysLeft === 3 ? current : undefined;
    });
    const everyQuestion = (await api.library.topics()).reduce((sum, topic) => sum + questionsOf(topic.note).length, 0);
    assert.equal(allTopics.questions, everyQuestion, 'no topics chosen: all of them');
    await waitFor('the countdown', () => api.interviewDate.state.visible && api.interviewDate.state.text.includes('3 days'));
    await setSettings(undefined, undefined);
    await waitFor('no countdown without a date', () => !api.interviewDate.state.visible);
    assert.isUndefined(await api.interviewDate.plan());
  });

  it('practice sessions follow the plan: today\'s share of new questions, and no second share the same day', async () => {
    const api = await extensionApi();
    const flask = await api.library.note('flask');
    assert.ok(flask);
    await api.practice.transfer.resetTopic('flask');
    const questions = questionsOf(flask.note).length;
    const share = Math.ceil(questions / 10);
    assert.isBelow(share, 20, 'fewer than a session brings without a plan, so the plan is what limits it');
    await setSettings(localDay(10), ['flask']);

    const held = await vscode.commands.executeCommand<number>('interviewNotes.practice', { topics: ['flask'] });
    assert.equal(held, share, `${questions} new questions over 10 days`);
    const firstCard = await waitFor('the first card', () => api.practice.view.lastCard);
    assert.include(firstCard.plan, `The interview plan brings ${share} new questions today; ${questions - share} more come on the days left.`);
    let previous: string | undefined;
    for (let graded = 0; graded < share; graded++) {
      const shown = await waitFor('the next card', () => (api.practice.view.current && api.practice.view.current.questionId !== previous ? api.practice.view.current : undefined));
      previous = shown.questionId;
      await api.practice.view.handleMessage({ type: 'reveal', timedOut: false });
      await api.practice.view.handleMessage({ type: 'grade', grade: 4 });
    }
    const done = await waitFor('the end of the session', () => api.practice.view.lastDone);
    assert.match(done.html, new RegExp(`${questions - share} new questions of the interview\\S{1,6}s topics wait for their day in the interview plan\\.`));
    assert.isUndefined(done.continueLabel, 'nothing more to offer today');

    // A second session the same day: today's share is done (the review log says so), tomorrow brings the next.
    assert.equal(await vscode.commands.executeCommand<number>('interviewNotes.practice', { topics: ['flask'] }), 0);
    const plan = await api.interviewDate.plan();
    assert.equal(plan?.days[0].newQuestions, 0);
    assert.equal(plan?.days[1].newQuestions, share);

    // Without the date, the same topic brings its new questions up to the session limit again.
    await setSettings(undefined, undefined);
    assert.equal(await vscode.commands.executeCommand<number>('interviewNotes.practice', { topics: ['flask'] }), Math.min(20, questions - share));
    await api.practice.transfer.resetTopic('flask');
  });

  it('Set Interview Date refuses a past date, stores a good one with its topics, and clears it', async () => {
    const configuration = () => vscode.workspace.getConfiguration();
    assert.isFalse(await vscode.commands.executeCommand<boolean>('interviewNotes.setInterviewDate', { date: localDay(-1), topics: ['redis'] }));
    assert.equal(configuration().get(dateSetting), '', 'nothing stored');
    assert.isFalse(await vscode.commands.executeCommand<boolean>('interviewNotes.setInterviewDate', { date: '2026-02-30', topics: [] }));

    assert.isTrue(await vscode.commands.executeCommand<boolean>('interviewNotes.setInterviewDate', { date: localDay(20), topics: ['redis', 'docker'] }));
    assert.equal(configuration().get(dateSetting), localDay(20));
    assert.deepEqual(configuration().get(topicsSetting), ['redis', 'docker']);

    assert.isTrue(await vscode.commands.executeCommand<boolean>('interviewNotes.setInterviewDate', { date: '' }));
    assert.equal(configuration().get(dateSetting), '');
  });
});
