import type { Note } from '../notes/note';

/**
 * The Markdown under a section's heading (for a question, its model answer): the lines up to the next
 * level-2 or level-3 heading, with the body line where it starts (for the renderer).
 */
export function answerMarkdown(note: Note, sectionId: string): { markdown: string; lineOffset: number } | undefined {
  const index = note.sections.findIndex((section) => section.id === sectionId);
  if (index < 0) {
    return undefined;
  }
  const lines = note.body.split('\n');
  const start = note.sections[index].line - note.bodyLineOffset + 1;
  const next = note.sections[index + 1];
  const end = next ? next.line - note.bodyLineOffset : lines.length;
  return { markdown: lines.slice(start, end).join('\n'), lineOffset: note.bodyLineOffset + start };
}
