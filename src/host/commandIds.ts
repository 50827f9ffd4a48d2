/** The public command ids, as declared in package.json. */
export const openNoteCommand = 'interviewNotes.openNote';
export const searchCommand = 'interviewNotes.search';
export const searchSnippetsCommand = 'interviewNotes.searchSnippets';
export const insertSnippetCommand = 'interviewNotes.insertSnippet';
export const refreshCommand = 'interviewNotes.refresh';

export const topicsViewId = 'interviewNotes.topics';
export const readerViewType = 'interviewNotes.reader';
