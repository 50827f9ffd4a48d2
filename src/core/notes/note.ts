/** The note model: what the parser makes of one Markdown file in the documented format. */

export const noteLanguages = ['en', 'zh-cn'] as const;
export type NoteLanguage = (typeof noteLanguages)[number];

export function isNoteLanguage(value: unknown): value is NoteLanguage {
  return typeof value === 'string' && (noteLanguages as readonly string[]).includes(value);
}

export type SectionKind = 'section' | 'subsection' | 'question';

export interface NoteSection {
  /** The explicit heading id, shared by every language of the note. */
  readonly id: string;
  readonly title: string;
  readonly kind: SectionKind;
  /** 2 for sections, 3 for subsections and questions. */
  readonly level: 2 | 3;
  /** The id of the enclosing level-2 section, for level-3 headings. */
  readonly parentId?: string;
  /** Zero-based line of the heading in the whole file. */
  readonly line: number;
  /** Plain text under the heading up to the next level-2 or level-3 heading. */
  readonly text: string;
}

export interface NoteVerification {
  readonly versions: readonly string[];
  readonly sources: readonly string[];
}

export interface Note {
  readonly id: string;
  readonly language: NoteLanguage;
  readonly title: string;
  readonly tags: readonly string[];
  readonly icon: string;
  readonly order: number;
  readonly summary?: string;
  readonly verified?: NoteVerification;
  /** Plain text before the first section. */
  readonly intro: string;
  /** The Markdown after the front matter. */
  readonly body: string;
  /** How many lines of the file precede `body`. */
  readonly bodyLineOffset: number;
  /** Every level-2 and level-3 heading, in document order. */
  readonly sections: readonly NoteSection[];
}

export interface NoteProblem {
  /** Zero-based line in the file, when the problem has one. */
  readonly line?: number;
  readonly message: string;
}

export const questionsSectionId = 'questions';
export const headingIdPattern = /^[a-z0-9][a-z0-9-]*$/;
export const noteIdPattern = /^[a-z][a-z0-9-]*$/;

const questionsByNote = new WeakMap<Note, readonly NoteSection[]>();

/** The note's interview questions; notes never change, so the list is kept with the note. */
export function questionsOf(note: Note): readonly NoteSection[] {
  let questions = questionsByNote.get(note);
  if (!questions) {
    questions = note.sections.filter((section) => section.kind === 'question');
    questionsByNote.set(note, questions);
  }
  return questions;
}

export function topLevelSections(note: Note): NoteSection[] {
  return note.sections.filter((section) => section.level === 2);
}

export function childrenOf(note: Note, sectionId: string): NoteSection[] {
  return note.sections.filter((section) => section.parentId === sectionId);
}
