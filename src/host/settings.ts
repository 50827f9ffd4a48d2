/** Every setting the extension contributes (package.json), by what it does: the one table of keys. */
export const settings = {
  language: 'interviewNotes.language',
  hideAnswers: 'interviewNotes.reader.hideAnswers',
  notesFolders: 'interviewNotes.notesFolders',
  maxNoteSizeMB: 'interviewNotes.maxNoteSizeMB',
  snippetFolders: 'interviewNotes.snippetFolders',
  shellFormDiagnostics: 'interviewNotes.diagnostics.shellForm',
  addInsteadOfCopyDiagnostics: 'interviewNotes.diagnostics.addInsteadOfCopy',
  desiredRetention: 'interviewNotes.practice.desiredRetention',
  interviewDate: 'interviewNotes.practice.interviewDate',
  interviewTopics: 'interviewNotes.practice.interviewTopics',
  secondsPerQuestion: 'interviewNotes.mockInterview.secondsPerQuestion',
  questionCount: 'interviewNotes.mockInterview.questionCount',
} as const;
