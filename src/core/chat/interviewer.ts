import type { NoteLanguage } from '../notes/note';
import { withCard, type Grade, type ProgressData } from '../practice/progress';
import type { Scheduler } from '../practice/scheduler';
import type { SearchHit } from '../search/searchIndex';
import { explainPrompt, gradingPrompt, parseGradeSuggestion, type PromptMessage, type PromptSection } from './prompt';
import type { QuestionMaterial } from './questionMaterial';

/** A chat model that answers a prompt with text; the host wraps VS Code's language model API. */
export interface ChatModel {
  /** How many tokens the prompt may hold. */
  readonly maxInputTokens: number;
  ask(messages: readonly PromptMessage[], cancellation: Cancellation): Promise<string>;
}

export interface Cancellation {
  readonly isCancellationRequested: boolean;
}

/** What the interviewer reads: the notes, through the search index and the practice queue. */
export interface InterviewNotes {
  search(query: string, limit: number): Promise<readonly SearchHit[]>;
  /** The text of a section (Markdown), in the display language where it exists. */
  sectionText(noteId: string, sectionId: string | undefined): Promise<string | undefined>;
  question(questionId: string): Promise<QuestionMaterial | undefined>;
  /** Question ids to ask next, due first, then new (as practice picks them). */
  nextQuestions(topics: readonly string[], count: number): Promise<readonly string[]>;
}

/** Why the interviewer answers without a model. */
export type NoModelReason = 'none' | 'failed' | 'cancelled';

/** What the interviewer says; the host writes each event in the display language. */
export type InterviewEvent =
  | { readonly kind: 'question'; readonly material: QuestionMaterial }
  | { readonly kind: 'noQuestions'; readonly topics: readonly string[] }
  | { readonly kind: 'noModel'; readonly reason: NoModelReason; readonly detail?: string }
  | { readonly kind: 'feedback'; readonly markdown: string }
  | { readonly kind: 'modelAnswer'; readonly material: QuestionMaterial }
  | { readonly kind: 'followUp'; readonly material: QuestionMaterial; readonly text: string }
  | { readonly kind: 'grades'; readonly questionId: string; readonly suggested?: Grade }
  | { readonly kind: 'answer'; readonly markdown: string }
  | { readonly kind: 'sections'; readonly hits: readonly SearchHit[] }
  | { readonly kind: 'notCovered'; readonly query: string }
  | { readonly kind: 'references'; readonly hits: readonly SearchHit[] }
  | { readonly kind: 'unknownQuestion'; readonly questionId: string };

export type InterviewSink = (event: InterviewEvent) => void;

export interface Interviewer {
  readonly notes: InterviewNotes;
  readonly language: NoteLanguage;
  /** Undefined when no chat model is available. */
  readonly model?: ChatModel;
  readonly say: InterviewSink;
  readonly cancellation: Cancellation;
}

/** How many sections an explanation draws on. */
const explainSections = 5;

/** `/quiz`: asks the next question; returns its id, which the next turn's answer refers to. */
export async function askQuestion(interviewer: Interviewer, topics: readonly string[]): Promise<string | undefined> {
  const [questionId] = await interviewer.notes.nextQuestions(topics, 1);
  const material = questionId === undefined ? undefined : await interviewer.notes.question(questionId);
  if (!material) {
    interviewer.say({ kind: 'noQuestions', topics });
    return undefined;
  }
  interviewer.say({ kind: 'question', material });
  return material.id;
}

/**
 * The user's reply to a quiz question: graded by the model against our model answer when there
 * is one, else shown beside the model answer as a flashcard; then the follow-up and the grades.
 */
export async function takeAnswer(interviewer: Interviewer, questionId: string, answer: string): Promise<void> {
  const material = await interviewer.notes.question(questionId);
  if (!material) {
    interviewer.say({ kind: 'unknownQuestion', questionId });
    return;
  }
  let suggested: Grade | undefined;
  const reply = await askModel(interviewer, () => gradingPrompt(material, answer, budget(interviewer.model!)));
  if (reply === undefined) {
    interviewer.say({ kind: 'modelAnswer', material });
  } else {
    const parsed = parseGradeSuggestion(reply);
    suggested = parsed.suggested;
    interviewer.say({ kind: 'feedback', markdown: parsed.feedback });
  }
  if (material.followUps.length > 0) {
    interviewer.say({ kind: 'followUp', material, text: material.followUps[0] });
  }
  interviewer.say({ kind: 'grades', questionId: material.id, suggested });
}

/** `/explain` and plain questions: an answer from our sections only, each claim cited; the sections when there is no model. */
export async function explain(interviewer: Interviewer, query: string): Promise<void> {
  const hits = query.trim() === '' ? [] : await interviewer.notes.search(query, explainSections);
  if (hits.length === 0) {
    interviewer.say({ kind: 'notCovered', query });
    return;
  }
  const sections: PromptSection[] = [];
  for (const [index, hit] of hits.entries()) {
    const text = await interviewer.notes.sectionText(hit.noteId, hit.sectionId);
    sections.push({ citation: index + 1, noteTitle: hit.noteTitle, heading: hit.heading, text: text ?? hit.excerpt });
  }
  let cited: readonly PromptSection[] = sections;
  const reply = await askModel(interviewer, () => {
    const prompt = explainPrompt(query, sections, interviewer.language, budget(interviewer.model!));
    cited = prompt.cited;
    return prompt.messages;
  });
  if (reply === undefined) {
    interviewer.say({ kind: 'sections', hits });
    return;
  }
  interviewer.say({ kind: 'answer', markdown: reply });
  interviewer.say({ kind: 'references', hits: hits.filter((_, index) => cited.some((section) => section.citation === index + 1)) });
}

/** `/search`: the results as links; no model involved. */
export async function search(interviewer: Interviewer, query: string): Promise<void> {
  const hits = query.trim() === '' ? [] : await interviewer.notes.search(query, 10);
  interviewer.say(hits.length === 0 ? { kind: 'notCovered', query } : { kind: 'sections', hits });
}

/** Leaves a quarter of the model's window for its reply. */
function budget(model: ChatModel): number {
  return Math.floor(model.maxInputTokens * 0.75);
}

/** The model's reply, or undefined after saying why there is none. */
async function askModel(interviewer: Interviewer, prompt: () => PromptMessage[]): Promise<string | undefined> {
  if (!interviewer.model) {
    interviewer.say({ kind: 'noModel', reason: 'none' });
    return undefined;
  }
  try {
    const reply = await interviewer.model.ask(prompt(), interviewer.cancellation);
    if (interviewer.cancellation.isCancellationRequested) {
      interviewer.say({ kind: 'noModel', reason: 'cancelled' });
      return undefined;
    }
    return reply;
  } catch (error) {
    interviewer.say({ kind: 'noModel', reason: interviewer.cancellation.isCancellationRequested ? 'cancelled' : 'failed', detail: error instanceof Error ? error.message : String(error) });
    return undefined;
  }
}

/** A grade the user clicked, applied as a practice grade is: the question's next FSRS state. */
export function applyGrade(progress: ProgressData, scheduler: Scheduler, questionId: string, grade: Grade): ProgressData {
  return withCard(progress, questionId, scheduler.grade(progress.cards[questionId], grade));
}
