import type { Note, NoteLanguage } from './note';

/**
 * The pure rules of the note library: which source's note is shown when several have one with
 * the same id, which language a topic is shown in, and the order of the topics.
 */
export interface SourcedNote {
  readonly note: Note;
}

/** The library's key of a note: its language and id (`en:redis`). */
export function noteKey(language: NoteLanguage, noteId: string): string {
  return `${language}:${noteId}`;
}

/** The note of the last source (in `sourceIds` order) that has one for this key: later sources win. */
export function winnerOf<T>(sourceIds: readonly string[], bySource: ReadonlyMap<string, ReadonlyMap<string, T>>, key: string): T | undefined {
  for (let position = sourceIds.length - 1; position >= 0; position--) {
    const found = bySource.get(sourceIds[position])?.get(key);
    if (found) {
      return found;
    }
  }
  return undefined;
}

/** One note per topic: the one in `language` where it exists, else the other language's. */
export function oneNotePerTopic<T extends SourcedNote>(notes: Iterable<T>, language: NoteLanguage): T[] {
  const byId = new Map<string, T>();
  for (const loaded of notes) {
    const existing = byId.get(loaded.note.id);
    if (!existing || (existing.note.language !== language && loaded.note.language === language)) {
      byId.set(loaded.note.id, loaded);
    }
  }
  return [...byId.values()];
}

/** The sidebar's order: `order` from the front matter, then the title. Sorts in place. */
export function sortTopics<T extends SourcedNote>(topics: T[]): T[] {
  return topics.sort((a, b) => a.note.order - b.note.order || a.note.title.localeCompare(b.note.title));
}
