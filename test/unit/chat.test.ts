import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyGrade, askQuestion, explain, search, takeAnswer, type ChatModel, type InterviewEvent, type InterviewNotes, type Interviewer } from '../../src/core/chat/interviewer';
import { estimateTokens, explainPrompt, parseGradeSuggestion, type PromptMessage } from '../../src/core/chat/prompt';
import { splitAnswer } from '../../src/core/chat/questionMaterial';
import { checkPickInput, checkReadInput, checkSearchInput } from '../../src/core/chat/toolInputs';
import { questionsOf, type Note, type NoteLanguage } from '../../src/core/notes/note';
import { parseNote } from '../../src/core/notes/noteParser';
import { PracticeQueue } from '../../src/core/practice/practiceQueue';
import { emptyProgress, questionIdOf, type ProgressData } from '../../src/core/practice/progress';
import { answerMarkdown } from '../../src/core/practice/questionCard';
import { createScheduler } from '../../src/core/practice/scheduler';
import { NoteSearchIndex } from '../../src/core/search/searchIndex';

const root = join(__dirname, '..', '..');
const note = (id: string, language: NoteLanguage): Note => parseNote(readFileSync(join(root, 'notes', language, `${id}.md`), 'utf8'), { language }).note!;

/** The notes port over real bundled notes, as the host builds it over the library. */
function notesPort(language: NoteLanguage, progress: () => ProgressData): InterviewNotes {
  const notes = [note('redis', language), note('docker', language)];
  const index = new NoteSearchIndex();
  notes.forEach((each) => index.addNote(each));
  const byId = new Map(notes.map((each) => [each.id, each]));
  return {
    search: async (query, limit) => index.search(query, limit, language),
    sectionText: async (noteId, sectionId) => {
      const found = byId.get(noteId);
      return found && (sectionId === undefined ? found.intro : answerMarkdown(found, sectionId)?.markdown);
    },
    question: async (questionId) => {
      const [noteId, sectionId] = questionId.split('#');
      const found = byId.get(noteId);
      const section = found?.sections.find((candidate) => candidate.id === sectionId && candidate.kind === 'question');
      const markdown = found && answerMarkdown(found, sectionId)?.markdown;
      return found && section && markdown !== undefined ? { id: questionId, noteId, sectionId, noteTitle: found.title, language, question: section.title, ...splitAnswer(markdown) } : undefined;
    },
    nextQuestions: async (topics, count) => {
      const ids = notes.filter((each) => topics.length === 0 || topics.includes(each.id)).flatMap((each) => questionsOf(each).map((question) => questionIdOf(each.id, question.id)));
      return new PracticeQueue(ids, progress(), new Date('2026-12-05T10:00:00Z'), { includeNew: true, newLimit: count }).upcoming(count);
    },
  };
}

/** A model that answers from a script and records the prompts it was given. */
function scriptedModel(replies: (string | Error)[], maxInputTokens = 8000): ChatModel & { prompts: PromptMessage[][] } {
  const prompts: PromptMessage[][] = [];
  return {
    maxInputTokens,
    prompts,
    async ask(messages) {
      prompts.push([...messages]);
      const reply = replies.shift();
      if (reply instanceof Error || reply === undefined) {
        throw reply ?? new Error('no reply scripted');
      }
      return reply;
    },
  };
}

function interviewer(language: NoteLanguage, model: ChatModel | undefined, progress: () => ProgressData = emptyProgress, cancelled = false) {
  const events: InterviewEvent[] = [];
  const value: Interviewer = { notes: notesPort(language, progress), language, model, say: (event) => events.push(event), cancellation: { isCancellationRequested: cancelled } };
  return { value, events, kinds: () => events.map((event) => event.kind) };
}

describe('the chat interviewer', () => {
  it('runs a quiz end to end: asks, grades against the model answer, asks the follow-up, and the clicked grade reaches progress', async () => {
    let progress = emptyProgress();
    const model = scriptedModel(['You named the empty-result cache but missed the Bloom filter.\nGRADE: Hard']);
    const quiz = interviewer('en', model, () => progress);
    const questionId = await askQuestion(quiz.value, ['redis']);
    assert.ok(questionId?.startsWith('redis#q-'), questionId);
    assert.equal(quiz.events[0].kind, 'question');
    await takeAnswer(quiz.value, questionId!, 'Cache the miss.');
    assert.deepEqual(quiz.kinds(), ['question', 'feedback', 'followUp', 'grades']);
    const prompt = model.prompts[0][0].text;
    assert.match(prompt, /Cache the miss\./, 'the prompt holds the answer');
    const material = await quiz.value.notes.question(questionId!);
    assert.ok(prompt.includes(material!.answer.slice(0, 60)), 'the prompt holds our model answer');
    assert.deepEqual(quiz.events[1], { kind: 'feedback', markdown: 'You named the empty-result cache but missed the Bloom filter.' });
    assert.deepEqual(quiz.events[3], { kind: 'grades', questionId, suggested: 2 });
    // The user clicks Good, not the suggested Hard: the click is the grade.
    const scheduler = createScheduler({ desiredRetention: 0.9, now: () => new Date('2026-12-05T10:00:00Z') });
    progress = applyGrade(progress, scheduler, questionId!, 3);
    assert.equal(progress.cards[questionId!].reps, 1);
    assert.ok(Date.parse(progress.cards[questionId!].due) > Date.parse('2026-12-05T10:00:00Z'));
    // The next quiz no longer asks the graded question first.
    const next = interviewer('en', model, () => progress);
    assert.notEqual(await askQuestion(next.value, ['redis']), questionId);
  });

  it('works as a flashcard without a model, and when the model fails or is cancelled', async () => {
    const none = interviewer('en', undefined);
    await takeAnswer(none.value, 'redis#q-cache-penetration', 'no idea');
    assert.deepEqual(none.kinds(), ['noModel', 'modelAnswer', 'followUp', 'grades']);
    assert.deepEqual(none.events[0], { kind: 'noModel', reason: 'none' });
    assert.equal((none.events[3] as { suggested?: number }).suggested, undefined, 'no suggestion without a model');

    const failing = interviewer('en', scriptedModel([new Error('quota exceeded')]));
    await takeAnswer(failing.value, 'redis#q-cache-penetration', 'no idea');
    assert.deepEqual(failing.events[0], { kind: 'noModel', reason: 'failed', detail: 'quota exceeded' });
    assert.equal(failing.events[1].kind, 'modelAnswer');

    const cancelled = interviewer('en', scriptedModel(['GRADE: Easy']), emptyProgress, true);
    await takeAnswer(cancelled.value, 'redis#q-cache-penetration', 'no idea');
    assert.deepEqual(cancelled.events[0], { kind: 'noModel', reason: 'cancelled' });
  });

  it('explains from the retrieved sections only, and lists as sources only the sections the prompt held', async () => {
    const model = scriptedModel(['Caching empty results stops repeats [1]; a Bloom filter rejects unknown ids [2].']);
    const chat = interviewer('en', model);
    await explain(chat.value, 'cache penetration bloom filter');
    assert.deepEqual(chat.kinds(), ['answer', 'references']);
    const references = (chat.events[1] as Extract<InterviewEvent, { kind: 'references' }>).hits;
    assert.ok(references.length > 0 && references.every((hit) => hit.noteId === 'redis' || hit.noteId === 'docker'));
    assert.match(model.prompts[0][0].text, /\[1\] Redis/);
    assert.match(model.prompts[0][0].text, /do not answer from elsewhere/);
  });

  it('says the notes do not cover a question instead of asking the model', async () => {
    const model = scriptedModel([]);
    const chat = interviewer('en', model);
    await explain(chat.value, 'xylophone quantization');
    assert.deepEqual(chat.events, [{ kind: 'notCovered', query: 'xylophone quantization' }]);
    assert.equal(model.prompts.length, 0);
    const noModel = interviewer('en', undefined);
    await explain(noModel.value, 'cache penetration');
    assert.deepEqual(noModel.kinds(), ['noModel', 'sections']);
    const searched = interviewer('en', undefined);
    await search(searched.value, 'ENTRYPOINT exec form');
    assert.deepEqual(searched.kinds(), ['sections'], '/search needs no model');
  });

  it('works in Chinese: the question, its follow-up and pitfall, and a prompt asking for Chinese', async () => {
    const model = scriptedModel(['回答了缓存空值，但没有提到布隆过滤器。\nGRADE: Hard']);
    const chat = interviewer('zh-cn', model);
    await takeAnswer(chat.value, 'redis#q-cache-penetration', '缓存空值');
    const followUp = chat.events.find((event) => event.kind === 'followUp') as Extract<InterviewEvent, { kind: 'followUp' }>;
    assert.match(followUp.material.question, /缓存穿透/);
    assert.ok(followUp.material.pitfall, 'the 易错点 paragraph is the pitfall');
    assert.doesNotMatch(followUp.material.answer, /追问|易错点/);
    assert.match(model.prompts[0][0].text, /Write in Simplified Chinese/);
  });

  it('keeps a prompt within its token budget by dropping and cutting sections, never the question', () => {
    const long = { noteTitle: 'Redis', heading: 'Persistence', text: 'AOF and RDB snapshots. '.repeat(4000) };
    const sections = [1, 2, 3, 4].map((citation) => ({ ...long, citation }));
    for (const budget of [400, 2000, 8000]) {
      const { messages, cited } = explainPrompt('How does Redis persist data?', sections, 'en', budget);
      assert.ok(estimateTokens(messages[0].text) <= budget, `${estimateTokens(messages[0].text)} tokens within ${budget}`);
      assert.match(messages[0].text, /Question: How does Redis persist data\?$/);
      assert.equal(cited[0].citation, 1, 'the best section is kept first');
    }
    assert.equal(estimateTokens('缓存穿透'), 4);
    assert.equal(estimateTokens('abcdefgh'), 2);
  });

  it('reads the model\'s suggested grade from its last GRADE line only', () => {
    assert.deepEqual(parseGradeSuggestion('Good work.\n**Grade: Easy**'), { feedback: 'Good work.', suggested: 4 });
    assert.deepEqual(parseGradeSuggestion('No grade here.'), { feedback: 'No grade here.' });
    assert.equal(parseGradeSuggestion('GRADE: Again\nmore\nGRADE: Good').suggested, 3);
  });

  it('checks the tools\' input and says what is wrong', () => {
    assert.deepEqual(checkSearchInput({ query: ' aof ', language: 'en' }), { ok: true, value: { query: 'aof', topic: undefined, language: 'en' } });
    for (const bad of [{}, { query: '' }, { query: 3 }, null, 'redis', { query: 'x', language: 'fr' }, { query: 'x', topic: 'a#b' }]) {
      const checked = checkSearchInput(bad);
      assert.equal(checked.ok, false, JSON.stringify(bad));
    }
    assert.equal(checkReadInput({ id: 'redis#q-cache-penetration' }).ok, true);
    assert.match((checkReadInput({ id: '../etc/passwd' }) as { error: string }).error, /"id" must be/);
    assert.deepEqual(checkPickInput({}), { ok: true, value: { topics: [], count: 5 } });
    assert.match((checkPickInput({ count: 100 }) as { error: string }).error, /1 to 20/);
    assert.equal(checkPickInput({ topics: 'redis' }).ok, false);
  });
});
