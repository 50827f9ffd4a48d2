/**
 * Every command the extension contributes, by what it does: the one table of command ids
 * (test/unit/manifest.test.ts checks it against package.json). A feature registers its
 * commands with `vscode.commands.registerCommand(commands.x, ...)` in its own file.
 */
export const commands = {
  openNote: 'interviewNotes.openNote',
  search: 'interviewNotes.search',
  searchSnippets: 'interviewNotes.searchSnippets',
  insertSnippet: 'interviewNotes.insertSnippet',
  refresh: 'interviewNotes.refresh',
  filterByTag: 'interviewNotes.filterByTag',
  clearFilter: 'interviewNotes.clearFilter',
  switchLanguage: 'interviewNotes.switchLanguage',
  openItem: 'interviewNotes.openItem',
  openToSide: 'interviewNotes.openToSide',
  openSource: 'interviewNotes.openSource',
  copyLink: 'interviewNotes.copyLink',
  revealInSidebar: 'interviewNotes.revealInSidebar',
  goBack: 'interviewNotes.goBack',
  goForward: 'interviewNotes.goForward',
  practice: 'interviewNotes.practice',
  mockInterview: 'interviewNotes.mockInterview',
  exportProgress: 'interviewNotes.exportProgress',
  importProgress: 'interviewNotes.importProgress',
  exportAnki: 'interviewNotes.exportAnki',
  setInterviewDate: 'interviewNotes.setInterviewDate',
  showInterviewPlan: 'interviewNotes.showInterviewPlan',
  resetTopicProgress: 'interviewNotes.resetTopicProgress',
  newNote: 'interviewNotes.newNote',
  customizeNote: 'interviewNotes.customizeNote',
  editNote: 'interviewNotes.editNote',
  gradeFromChat: 'interviewNotes.gradeFromChat',
  openDashboard: 'interviewNotes.openDashboard',
} as const;

/** The Topics view in the activity bar. */
export const topicsViewId = 'interviewNotes.topics';

/** The webview panels' types (their serializers restore them after a reload). */
export const readerViewType = 'interviewNotes.reader';
export const practiceViewType = 'interviewNotes.practice';

/** The chat participant (`@interview`) and the language model tools (package.json). */
export const chatParticipantId = 'interview-notes.interview';
export const chatToolNames = {
  search: 'interviewNotes_searchNotes',
  read: 'interviewNotes_readSection',
  pick: 'interviewNotes_pickPracticeQuestions',
} as const;
export const dashboardViewType = 'interviewNotes.dashboard';
