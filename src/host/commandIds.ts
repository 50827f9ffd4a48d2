/** The public command ids, as declared in package.json. */
export const openNoteCommand = 'interviewNotes.openNote';
export const searchCommand = 'interviewNotes.search';
export const searchSnippetsCommand = 'interviewNotes.searchSnippets';
export const insertSnippetCommand = 'interviewNotes.insertSnippet';
export const refreshCommand = 'interviewNotes.refresh';

export const topicsViewId = 'interviewNotes.topics';
export const readerViewType = 'interviewNotes.reader';

export const practiceCommand = 'interviewNotes.practice';
export const mockInterviewCommand = 'interviewNotes.mockInterview';
export const exportProgressCommand = 'interviewNotes.exportProgress';
export const importProgressCommand = 'interviewNotes.importProgress';
export const resetTopicProgressCommand = 'interviewNotes.resetTopicProgress';
export const practiceViewType = 'interviewNotes.practice';

export const newNoteCommand = 'interviewNotes.newNote';
export const customizeNoteCommand = 'interviewNotes.customizeNote';
export const editNoteCommand = 'interviewNotes.editNote';

/** The commands whose implementation is loaded when one of them is first run. */
export const practiceCommands = [practiceCommand, mockInterviewCommand, exportProgressCommand, importProgressCommand, resetTopicProgressCommand] as const;
export const userNoteCommands = [newNoteCommand, customizeNoteCommand, editNoteCommand] as const;
