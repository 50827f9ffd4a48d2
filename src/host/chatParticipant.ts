import * as vscode from 'vscode';
import { applyGrade, askQuestion, explain, search, takeAnswer, type ChatModel, type InterviewEvent, type Interviewer } from '../core/chat/interviewer';
import type { PromptMessage } from '../core/chat/prompt';
import { grades, type Grade } from '../core/practice/progress';
import { reviewOf } from '../core/practice/reviewLog';
import { createScheduler } from '../core/practice/scheduler';
import { escapeMarkdown } from '../core/text/untrustedText';
import { interviewNotesOf, readerLink, readerLinksMarkdown } from './chatNotes';
import { chatParticipantId, commands } from './commandIds';
import { preferredNoteLanguage } from './noteLanguage';
import { showInformation } from './notify';
import type { ExtensionServices } from './services';
import { settings } from './settings';

/** What a turn leaves for the next one: the question the user is now answering. */
interface TurnMetadata {
  readonly awaitingAnswer?: string;
  readonly graded?: string;
}

/** One turn of the interviewer, outside the Chat view too (the tests drive it this way). */
export interface InterviewTurn {
  readonly command: 'quiz' | 'explain' | 'search' | undefined;
  readonly prompt: string;
  /** The question the previous turn asked, if it waits for an answer. */
  readonly awaitingAnswer?: string;
  readonly model?: vscode.LanguageModelChat;
  readonly token: vscode.CancellationToken;
}

const gradeLabels = (): Record<Grade, string> => ({ 1: vscode.l10n.t('Again'), 2: vscode.l10n.t('Hard'), 3: vscode.l10n.t('Good'), 4: vscode.l10n.t('Easy') });

/**
 * `@interview` in the Chat view: asks our questions, grades answers against our model answers
 * (the model suggests, the user's click grades), explains from our sections with citations,
 * and works as a flashcard when no model is available.
 */
export function registerChatParticipant(services: ExtensionServices): vscode.Disposable & { runTurn(turn: InterviewTurn, say: (event: InterviewEvent) => void): Promise<TurnMetadata> } {
  const runTurn = async (turn: InterviewTurn, say: (event: InterviewEvent) => void): Promise<TurnMetadata> => {
    const interviewer: Interviewer = { notes: interviewNotesOf(services), language: preferredNoteLanguage(), model: turn.model && chatModel(turn.model, turn.token), say, cancellation: turn.token };
    if (turn.command === 'quiz' || (turn.command === undefined && turn.prompt.trim() === '' && !turn.awaitingAnswer)) {
      const topics = await topicsIn(turn.prompt);
      const asked = await askQuestion(interviewer, topics);
      return { awaitingAnswer: asked };
    }
    if (turn.command === undefined && turn.awaitingAnswer) {
      await takeAnswer(interviewer, turn.awaitingAnswer, turn.prompt);
      return { graded: turn.awaitingAnswer };
    }
    if (turn.command === 'search') {
      await search(interviewer, turn.prompt);
      return {};
    }
    await explain(interviewer, turn.prompt);
    return {};
  };

  const participant = vscode.chat.createChatParticipant(chatParticipantId, async (request, context, stream, token) => {
    const previous = [...context.history].reverse().find((turn): turn is vscode.ChatResponseTurn => turn instanceof vscode.ChatResponseTurn);
    const metadata = previous?.result.metadata as TurnMetadata | undefined;
    const command = request.command === 'quiz' || request.command === 'explain' || request.command === 'search' ? request.command : undefined;
    const references: Promise<void>[] = [];
    const result = await runTurn({ command, prompt: request.prompt, awaitingAnswer: metadata?.awaitingAnswer, model: request.model, token }, (event) => {
      write(event, stream);
      if (event.kind === 'sections' || event.kind === 'references') {
        references.push(referenceFiles(event.hits, stream, services));
      }
    });
    await Promise.all(references);
    return { metadata: result };
  });
  participant.iconPath = vscode.Uri.joinPath(services.context.extensionUri, 'media', 'icon.png');
  participant.followupProvider = {
    provideFollowups(result) {
      const metadata = result.metadata as TurnMetadata | undefined;
      if (metadata?.graded) {
        return [{ prompt: metadata.graded.split('#')[0], command: 'quiz', label: vscode.l10n.t('Next question on this topic') }];
      }
      return metadata?.awaitingAnswer ? [] : [{ prompt: '', command: 'quiz', label: vscode.l10n.t('Quiz me') }];
    },
  };

  // A grade button's command: the same FSRS step as a practice grade.
  const grade = vscode.commands.registerCommand(commands.gradeFromChat, async (questionId: unknown, value: unknown) => {
    if (typeof questionId !== 'string' || !grades.includes(value as Grade)) {
      return;
    }
    const retention = vscode.workspace.getConfiguration().get<number>(settings.desiredRetention, 0.9);
    const scheduler = createScheduler({ desiredRetention: retention, now: () => new Date() });
    const before = services.progress.record(questionId);
    const record = applyGrade(services.progress.progress, scheduler, questionId, value as Grade).cards[questionId];
    await services.progress.setRecord(questionId, record);
    await services.reviewLog.append([reviewOf(questionId, before, record, 'chat')]).catch((error: unknown) => services.logger.error(`review log: ${String(error)}`));
    void showInformation(vscode.l10n.t('Graded {0}: the question comes back on {1}.', gradeLabels()[value as Grade], new Date(record.due).toLocaleDateString(vscode.env.language)));
  });
  return Object.assign(vscode.Disposable.from(participant, grade), { runTurn });
}

/** The topics named in a `/quiz` prompt (ids or titles), else the setting's. */
async function topicsIn(prompt: string): Promise<string[]> {
  const words = prompt.toLowerCase().split(/[\s,]+/).filter(Boolean);
  if (words.length > 0) {
    return words;
  }
  const configured = vscode.workspace.getConfiguration().get<unknown>(settings.chatTopics, []);
  return Array.isArray(configured) ? configured.filter((topic): topic is string => typeof topic === 'string') : [];
}

function chatModel(model: vscode.LanguageModelChat, token: vscode.CancellationToken): ChatModel {
  return {
    maxInputTokens: model.maxInputTokens,
    async ask(messages: readonly PromptMessage[]) {
      const response = await model.sendRequest(
        messages.map((message) => (message.role === 'user' ? vscode.LanguageModelChatMessage.User(message.text) : vscode.LanguageModelChatMessage.Assistant(message.text))),
        { justification: vscode.l10n.t('Interview Notes grades your answers against its model answers and explains from its notes.') },
        token,
      );
      let text = '';
      for await (const part of response.text) {
        text += part;
      }
      return text;
    },
  };
}

/** Writes an event into the chat. Text from notes and from the model is never trusted Markdown. */
function write(event: InterviewEvent, stream: vscode.ChatResponseStream): void {
  const plain = (markdown: string) => stream.markdown(new vscode.MarkdownString(markdown));
  switch (event.kind) {
    case 'question':
      plain(`**${vscode.l10n.t('Question')}** · ${escapeMarkdown(event.material.noteTitle)}\n\n> ${escapeMarkdown(event.material.question)}\n\n`);
      plain(vscode.l10n.t('Reply with your answer: I will compare it with the model answer in the notes.'));
      break;
    case 'noQuestions':
      plain(event.topics.length > 0 ? vscode.l10n.t('No questions found for {0}. Use topic ids such as redis or docker.', escapeMarkdown(event.topics.join(', '))) : vscode.l10n.t('No questions to ask.'));
      break;
    case 'noModel':
      plain(`_${noModelText(event.reason, event.detail)}_\n\n`);
      break;
    case 'feedback':
      plain(`${event.markdown}\n\n`);
      break;
    case 'modelAnswer':
      plain(`**${vscode.l10n.t('Model answer')}**\n\n${event.material.answer}\n\n`);
      if (event.material.pitfall) {
        plain(`**${vscode.l10n.t('Pitfall')}:** ${event.material.pitfall}\n\n`);
      }
      stream.markdown(readerLinksMarkdown(`${readerLink(escapeMarkdown(vscode.l10n.t('Open in the reader')), event.material.noteId, event.material.sectionId)}\n\n`));
      break;
    case 'followUp':
      plain(`**${vscode.l10n.t('Follow-up')}:** ${event.text}\n\n`);
      break;
    case 'grades': {
      const labels = gradeLabels();
      const order = event.suggested ? [event.suggested, ...grades.filter((grade) => grade !== event.suggested)] : grades;
      plain(vscode.l10n.t('How did you do? Your click is the grade.'));
      for (const grade of order) {
        const title = grade === event.suggested ? vscode.l10n.t('{0} (suggested)', labels[grade]) : labels[grade];
        stream.button({ command: commands.gradeFromChat, title, arguments: [event.questionId, grade] });
      }
      break;
    }
    case 'answer':
      plain(`${event.markdown}\n\n`);
      break;
    case 'sections':
    case 'references': {
      const lines = event.hits.map((hit, index) => `${index + 1}. ${readerLink(escapeMarkdown(`${hit.noteTitle} / ${hit.heading}`), hit.noteId, hit.sectionId)}${event.kind === 'sections' ? ` — ${escapeMarkdown(hit.excerpt)}` : ''}`);
      const heading = event.kind === 'sections' ? vscode.l10n.t('From the notes') : vscode.l10n.t('Sources');
      stream.markdown(readerLinksMarkdown(`**${escapeMarkdown(heading)}**\n\n${lines.join('\n')}\n`));
      break;
    }
    case 'notCovered':
      plain(vscode.l10n.t('The notes do not cover "{0}". I will not answer it from elsewhere.', escapeMarkdown(event.query)));
      break;
    case 'unknownQuestion':
      plain(vscode.l10n.t('The question {0} is no longer in the notes. Ask for another with /quiz.', escapeMarkdown(event.questionId)));
      break;
  }
}

function noModelText(reason: 'none' | 'failed' | 'cancelled', detail: string | undefined): string {
  switch (reason) {
    case 'none':
      return vscode.l10n.t('No chat model is available, so here is what the notes say.');
    case 'cancelled':
      return vscode.l10n.t('The request was cancelled, so here is what the notes say.');
    case 'failed':
      return vscode.l10n.t('The chat model could not answer ({0}), so here is what the notes say.', escapeMarkdown(detail ?? ''));
  }
}

async function referenceFiles(hits: readonly { noteId: string; sectionId?: string }[], stream: vscode.ChatResponseStream, { library }: ExtensionServices): Promise<void> {
  for (const hit of hits) {
    const loaded = await library.note(hit.noteId);
    const section = loaded?.note.sections.find((candidate) => candidate.id === hit.sectionId);
    if (loaded) {
      stream.reference(new vscode.Location(loaded.file.uri, new vscode.Position(section?.line ?? 0, 0)));
    }
  }
}
