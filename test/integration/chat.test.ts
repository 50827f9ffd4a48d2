import { assert } from 'chai';
import * as vscode from 'vscode';
import type { InterviewEvent } from '../../src/core/chat/interviewer';
import { chatToolNames, commands } from '../../src/host/commandIds';
import { extensionApi } from './helpers';

/** Invokes a tool as a chat agent would, outside a chat session (no invocation token). */
async function invoke(name: string, input: object): Promise<string> {
  const result = await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined });
  return result.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : '')).join('');
}

describe('the chat tools and the @interview participant', () => {
  it('registers the three tools, which return cited sections', async () => {
    await extensionApi();
    const registered = vscode.lm.tools.map((tool) => tool.name);
    for (const name of Object.values(chatToolNames)) {
      assert.include(registered, name);
    }
    const found = await invoke(chatToolNames.search, { query: 'cache penetration', topic: 'redis', language: 'en' });
    assert.match(found, /- id: redis#q-cache-penetration/);
    const read = await invoke(chatToolNames.read, { id: 'redis#q-cache-penetration', language: 'en' });
    assert.match(read, /^id: redis#q-cache-penetration/);
    assert.match(read, /Bloom filter/);
    assert.match(read, /\*\*Follow-up:\*\*/, 'the model answer comes with its follow-up');
    const picked = await invoke(chatToolNames.pick, { topics: ['docker'], count: 2 });
    assert.equal(picked.match(/- id: docker#q-/g)?.length, 2, picked);
  });

  it('answers bad input with a clear error result', async () => {
    assert.match(await invoke(chatToolNames.search, { query: '' }), /^Error: "query" must be a non-empty string/);
    assert.match(await invoke(chatToolNames.search, { query: 42 }), /^Error: "query"/);
    assert.match(await invoke(chatToolNames.read, { id: 'redis#no-such-section' }), /^Error: there is no section "redis#no-such-section"/);
    assert.match(await invoke(chatToolNames.read, { id: 7 }), /^Error: "id" must be/);
    assert.match(await invoke(chatToolNames.pick, { count: 'three' }), /^Error: "count" must be/);
  });

  it('quizzes without a chat model, as a flashcard, and the clicked grade reaches the progress store', async () => {
    const { chat, progress, reviewLog } = await extensionApi();
    assert.deepEqual(await vscode.lm.selectChatModels(), [], 'the test host has no chat model');
    const token = new vscode.CancellationTokenSource().token;
    const asked: InterviewEvent[] = [];
    const first = await chat.runTurn({ command: 'quiz', prompt: 'nginx', token }, (event) => asked.push(event));
    assert.match(first.awaitingAnswer ?? '', /^nginx#q-/);
    assert.deepEqual(asked.map((event) => event.kind), ['question']);
    const questionId = first.awaitingAnswer!;
    const answered: InterviewEvent[] = [];
    const second = await chat.runTurn({ command: undefined, prompt: 'It forwards requests upstream.', awaitingAnswer: questionId, token }, (event) => answered.push(event));
    assert.deepEqual(second, { graded: questionId });
    assert.deepEqual(answered.map((event) => event.kind).filter((kind) => kind !== 'followUp'), ['noModel', 'modelAnswer', 'grades']);
    assert.isUndefined(progress.record(questionId));
    await vscode.commands.executeCommand(commands.gradeFromChat, questionId, 3);
    assert.equal(progress.record(questionId)?.reps, 1, 'the grade went to FSRS');
    const logged = (await reviewLog.read()).reviews.filter((review) => review.questionId === questionId);
    assert.deepInclude(logged.map((review) => ({ grade: review.grade, source: review.source })), { grade: 3, source: 'chat' }, 'and into the review log');
    // Leave progress as other suites expect it: nothing practised in this topic.
    await progress.resetNote('nginx');
  });

  it('explains without a chat model by showing the best sections, and says when the notes do not cover it', async () => {
    const { chat } = await extensionApi();
    const token = new vscode.CancellationTokenSource().token;
    const events: InterviewEvent[] = [];
    await chat.runTurn({ command: 'explain', prompt: 'docker exec form ENTRYPOINT', token }, (event) => events.push(event));
    assert.deepEqual(events.map((event) => event.kind), ['noModel', 'sections']);
    const hits = (events[1] as Extract<InterviewEvent, { kind: 'sections' }>).hits;
    assert.isTrue(hits.some((hit) => hit.noteId === 'docker'));
    const uncovered: InterviewEvent[] = [];
    await chat.runTurn({ command: 'explain', prompt: 'xylophone quantization', token }, (event) => uncovered.push(event));
    assert.deepEqual(uncovered, [{ kind: 'notCovered', query: 'xylophone quantization' }]);
  });
});
