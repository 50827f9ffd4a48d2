// What the text engine holds: markdown-it (parsing and rendering notes), the highlighter and the
// search index. Only textEngine.ts imports this file.
export { parseNote } from '../core/notes/noteParser';
export { classifyLink, createNoteRenderer } from '../core/render/noteRenderer';
export { NoteSearchIndex } from '../core/search/searchIndex';
