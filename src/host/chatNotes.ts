import * as vscode from 'vscode';
import type { InterviewNotes } from '../core/chat/interviewer';
import { splitAnswer, type QuestionMaterial } from '../core/chat/questionMaterial';
import { questionsOf, type Note, type NoteLanguage } from '../core/notes/note';
import { PracticeQueue } from '../core/practice/practiceQueue';
import { noteIdOf, questionIdOf } from '../core/practice/progress';
import { answerMarkdown } from '../core/practice/questionCard';
import { commands } from './commandIds';
import { preferredNoteLanguage } from './noteLanguage';
import type { ExtensionServices } from './services';

/** The notes as the chat interviewer and the language model tools read them, in one language. */
export function interviewNotesOf({ library, progress }: ExtensionServices, language: NoteLanguage = preferredNoteLanguage(), topic?: string): InterviewNotes {
  return {
    async search(query, limit) {
      const index = await library.searchIndex();
      return index.search(topic ? `topic:${topic} ${query}` : query, limit, language);
    },
    async sectionText(noteId, sectionId) {
      const loaded = await library.note(noteId, language);
      if (!loaded) {
        return undefined;
      }
      return sectionId === undefined ? loaded.note.intro : answerMarkdown(loaded.note, sectionId)?.markdown;
    },
    async question(questionId) {
      const loaded = await library.note(noteIdOf(questionId), language);
      return loaded ? questionMaterial(loaded.note, questionId.slice(questionId.indexOf('#') + 1)) : undefined;
    },
    async nextQuestions(topics, count) {
      const notes = topics.length > 0 ? (await Promise.all(topics.map((id) => library.note(id, language)))).flatMap((loaded) => (loaded ? [loaded.note] : [])) : (await library.topics(language)).map((loaded) => loaded.note);
      const ids = notes.flatMap((note) => questionsOf(note).map((question) => questionIdOf(note.id, question.id)));
      return new PracticeQueue(ids, progress.progress, new Date(), { includeNew: true, newLimit: count }).upcoming(count);
    },
  };
}

function questionMaterial(note: Note, sectionId: string): QuestionMaterial | undefined {
  const section = note.sections.find((candidate) => candidate.id === sectionId && candidate.kind === 'question');
  const markdown = section && answerMarkdown(note, sectionId)?.markdown;
  if (!section || markdown === undefined) {
    return undefined;
  }
  return { id: questionIdOf(note.id, sectionId), noteId: note.id, sectionId, noteTitle: note.title, language: note.language, question: section.title, ...splitAnswer(markdown) };
}

/** A `command:` link that opens the reader at a section; the label is escaped by the caller. */
export function readerLink(label: string, noteId: string, sectionId: string | undefined): string {
  const args = encodeURIComponent(JSON.stringify(sectionId === undefined ? [noteId] : [noteId, sectionId]));
  return `[${label}](command:${commands.openNote}?${args})`;
}

/** Markdown whose only live links open the reader: for our own links, never for a model's text. */
export function readerLinksMarkdown(markdown: string): vscode.MarkdownString {
  const result = new vscode.MarkdownString(markdown);
  result.isTrusted = { enabledCommands: [commands.openNote] };
  return result;
}
