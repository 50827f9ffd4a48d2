import type { Note, NoteLanguage } from '../notes/note';
import { InvertedIndex } from './invertedIndex';
import { parseQuery, type ParsedQuery } from './query';
import { tokenize } from './tokenizer';

export interface SearchHit {
  readonly noteId: string;
  readonly noteTitle: string;
  /** Undefined for the note's introduction. */
  readonly sectionId?: string;
  readonly heading: string;
  readonly language: NoteLanguage;
  readonly kind: 'intro' | 'section' | 'subsection' | 'question';
  readonly score: number;
  /** The indexed words that matched. */
  readonly terms: readonly string[];
  /** A short piece of the text around the first match. */
  readonly excerpt: string;
}

interface IndexedSection {
  readonly noteId: string;
  readonly noteTitle: string;
  readonly sectionId?: string;
  readonly heading: string;
  readonly language: NoteLanguage;
  readonly kind: SearchHit['kind'];
  readonly tags: readonly string[];
  readonly text: string;
}

/** Headings count four times a word of the body; the note's title and tags a little everywhere. */
const weights = { heading: 4, introTitle: 2, noteTitle: 0.5, tags: 0.5, text: 1 };

/** Full-text search over the sections of notes in every language. */
export class NoteSearchIndex {
  private readonly index = new InvertedIndex();
  private readonly sections: IndexedSection[] = [];
  private readonly documentsByNote = new Map<string, number[]>();

  /** Adds the note, replacing what was indexed for the same id and language. */
  addNote(note: Note): void {
    this.removeNote(note.id, note.language);
    const tags = note.tags.join(' ');
    const common = { noteId: note.id, noteTitle: note.title, language: note.language, tags: note.tags };
    const documents: number[] = [];
    const add = (section: IndexedSection, titleWeight: number) => {
      documents.push(
        this.index.add([
          { text: section.kind === 'intro' ? '' : section.heading, weight: weights.heading },
          { text: note.title, weight: titleWeight },
          { text: tags, weight: weights.tags },
          { text: section.text, weight: weights.text },
        ]),
      );
      this.sections[documents[documents.length - 1]] = section;
    };
    add({ ...common, heading: note.title, kind: 'intro', text: note.intro }, weights.introTitle);
    for (const section of note.sections) {
      add({ ...common, sectionId: section.id, heading: section.title, kind: section.kind, text: section.text }, weights.noteTitle);
    }
    this.documentsByNote.set(noteKey(note.id, note.language), documents);
  }

  removeNote(noteId: string, language: NoteLanguage): void {
    const key = noteKey(noteId, language);
    for (const document of this.documentsByNote.get(key) ?? []) {
      this.index.remove(document);
    }
    this.documentsByNote.delete(key);
  }

  get sectionCount(): number {
    return this.index.documentCount;
  }

  /** Builds the lookup tables now instead of on the first query. */
  prepare(): void {
    this.index.prepare();
  }

  search(input: string | ParsedQuery, limit = 50): SearchHit[] {
    const query = typeof input === 'string' ? parseQuery(input) : input;
    const terms = tokenize(query.text);
    if (terms.length === 0) {
      return [];
    }
    const filtered = query.tags.length > 0 || query.topics.length > 0;
    // Twice the limit, since a section found in both languages is shown once.
    const results = this.index.search(terms, { limit: limit * 2, filter: filtered ? (document) => matchesFilters(this.sections[document], query) : undefined });
    const seen = new Set<string>();
    const hits: SearchHit[] = [];
    for (const result of results) {
      const section = this.sections[result.document];
      const key = `${section.noteId}#${section.sectionId ?? ''}`;
      if (seen.has(key)) {
        continue; // the same section in the other language
      }
      seen.add(key);
      const matched = result.matches.map((match) => match.term);
      hits.push({
        noteId: section.noteId,
        noteTitle: section.noteTitle,
        sectionId: section.sectionId,
        heading: section.heading,
        language: section.language,
        kind: section.kind,
        score: result.score,
        terms: matched,
        excerpt: excerptAround(section.text, matched),
      });
      if (hits.length >= limit) {
        break;
      }
    }
    return hits;
  }
}

function noteKey(noteId: string, language: NoteLanguage): string {
  return `${language}:${noteId}`;
}

function matchesFilters(section: IndexedSection, query: ParsedQuery): boolean {
  if (query.topics.length > 0 && !query.topics.some((topic) => section.noteId === topic || section.noteTitle.toLowerCase().includes(topic))) {
    return false;
  }
  if (query.tags.length > 0) {
    return query.tags.every((tag) => section.tags.includes(tag) || section.noteId === tag);
  }
  return true;
}

export function excerptAround(text: string, terms: readonly string[], width = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const lower = flat.toLowerCase();
  let at = -1;
  for (const term of terms) {
    const found = lower.indexOf(term.toLowerCase());
    if (found >= 0 && (at < 0 || found < at)) {
      at = found;
    }
  }
  if (at < 0) {
    return flat.slice(0, width);
  }
  const start = Math.max(0, at - Math.floor(width / 3));
  const piece = flat.slice(start, start + width);
  return `${start > 0 ? '…' : ''}${piece}${start + width < flat.length ? '…' : ''}`;
}
