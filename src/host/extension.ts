import * as vscode from 'vscode';
import { registerAnkiExport } from './ankiExport';
import { registerBundledNotesFileSystem } from './bundledNotesFileSystem';
import { registerChatParticipant } from './chatParticipant';
import { registerChatTools } from './chatTools';
import { registerCodingAids } from './codingAids';
import { registerInterviewDate, type InterviewDate } from './interviewDate';
import { registerDashboard } from './dashboard';
import { createLogger } from './logger';
import { registerPractice, type Practice } from './practice';
import { registerReader } from './reader';
import { registerRefresh } from './refresh';
import { registerSearch } from './searchPicker';
import { ExtensionServices } from './services';
import { registerSnippets } from './snippetCompletions';
import type { TopicsTreeProvider } from './topicsTree';
import { registerTopicsTree, type TopicsView } from './topicsView';
import { registerUserNotes, type UserNoteCommands } from './userNotes';

/** What activate() returns: for other extensions and for the tests in the real host. */
export interface InterviewNotesApi {
  readonly library: ExtensionServices['library'];
  readonly snippets: ExtensionServices['snippets'];
  readonly reader: ExtensionServices['reader'];
  readonly progress: ExtensionServices['progress'];
  readonly reviewLog: ExtensionServices['reviewLog'];
  readonly tree: TopicsTreeProvider;
  readonly topicsView: TopicsView;
  readonly practice: Practice;
  readonly userNotes: UserNoteCommands;
  readonly chat: ReturnType<typeof registerChatParticipant>;
  readonly interviewDate: InterviewDate;
}

/** Each feature registers itself from its own file; adding one is a file and a line here. */
export function activate(context: vscode.ExtensionContext): InterviewNotesApi {
  const logger = createLogger();
  const services = new ExtensionServices(context, logger);
  const topics = registerTopicsTree(services);
  const practice = registerPractice(services);
  const userNotes = registerUserNotes(services);
  const chat = registerChatParticipant(services);
  const interviewDate = registerInterviewDate(services);
  context.subscriptions.push(
    logger,
    services,
    topics,
    practice,
    userNotes,
    interviewDate,
    registerAnkiExport(services),
    registerReader(services),
    registerSearch(services),
    registerSnippets(services),
    registerCodingAids(services),
    registerRefresh(services),
    registerBundledNotesFileSystem(services),
    chat,
    registerChatTools(services),
    registerDashboard(services),
  );
  const { library, snippets, reader, progress, reviewLog } = services;
  return { library, snippets, reader, progress, reviewLog, tree: topics.tree, topicsView: topics, practice, userNotes, chat, interviewDate };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
