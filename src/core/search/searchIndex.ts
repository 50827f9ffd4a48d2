import MiniSearch from 'minisearch';
import type { Note, NoteLanguage } from '../notes/note';
import { parseQuery, type ParsedQuery } from './query';
import { isHan, tokenize } from './tokenizer';

export interface SearchHit {
  readonly noteId: string;
  readonly noteTitle: string;
  /** Undefined for the note's introduction. */
  readonly sectionId?: string;
  readonly heading: string;
  readonly language: NoteLanguage;
  readonly kind: 'intro' | 'section' | 'subsection' | 'question';
  readonly score: number;
  /** The words of the query that matched, as they appear in the index. */
  readonly terms: readonly string[];
  /** A short piece of the text around the first match. */
  readonly excerpt: string;
}

interface IndexedSection {
  id: string;
  noteId: string;
  noteTitle: string;
  sectionId?: string;
  heading: string;
  language: NoteLanguage;
  kind: SearchHit['kind'];
  tags: string;
  text: string;
}

/** Full-text search over the sections of notes in every language. */
export class NoteSearchIndex {
  private readonly index = new MiniSearch<IndexedSection>({
    fields: ['heading', 'noteTitle', 'text', 'tags'],
    storeFields: ['noteId', 'noteTitle', 'sectionId', 'heading', 'language', 'kind', 'tags', 'text'],
    tokenize,
    processTerm: (term) => term,
    searchOptions: { tokenize, processTerm: (term) => term },
  });
  private readonly documentIdsByNote = new Map<string, string[]>();

  /** Adds the note, replacing what was indexed for the same id and language. */
  addNote(note: Note): void {
    this.removeNote(note.id, note.language);
    const documents: IndexedSection[] = [];
    const common = { noteId: note.id, noteTitle: note.title, language: note.language, tags: note.tags.join(' ') };
    documents.push({ ...common, id: `${note.language}:${note.id}`, heading: note.title, kind: 'intro', text: note.intro });
    for (const section of note.sections) {
      documents.push({ ...common, id: `${note.language}:${note.id}#${section.id}`, sectionId: section.id, heading: section.title, kind: section.kind, text: section.text });
    }
    this.index.addAll(documents);
    this.documentIdsByNote.set(noteKey(note.id, note.language), documents.map((document) => document.id));
  }

  removeNote(noteId: string, language: NoteLanguage): void {
    const key = noteKey(noteId, language);
    for (const id of this.documentIdsByNote.get(key) ?? []) {
      this.index.discard(id);
    }
    this.documentIdsByNote.delete(key);
  }

  get sectionCount(): number {
    return this.index.documentCount;
  }

  search(input: string | ParsedQuery, limit = 50): SearchHit[] {
    const query = typeof input === 'string' ? parseQuery(input) : input;
    if (!query.text) {
      return [];
    }
    const results = this.index.search(query.text, {
      boost: { heading: 4, noteTitle: 1.5, tags: 1.5, text: 1 },
      // Typos are tolerated in Latin words; Chinese bigrams must match exactly.
      prefix: (term) => !isHan(term) && term.length >= 2,
      fuzzy: (term) => (!isHan(term) && term.length >= 4 ? 0.25 : false),
      weights: { fuzzy: 0.3, prefix: 0.6 },
      filter: (result) => matchesFilters(result as unknown as IndexedSection, query),
    });
    const seen = new Set<string>();
    const hits: SearchHit[] = [];
    for (const result of results) {
      const stored = result as unknown as IndexedSection;
      const key = `${stored.noteId}#${stored.sectionId ?? ''}`;
      if (seen.has(key)) {
        continue; // the same section in the other language
      }
      seen.add(key);
      hits.push({
        noteId: stored.noteId,
        noteTitle: stored.noteTitle,
        sectionId: stored.sectionId,
        heading: stored.heading,
        language: stored.language,
        kind: stored.kind,
        score: result.score,
        terms: result.terms,
        excerpt: excerptAround(stored.text, result.terms),
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
    const tags = section.tags.split(' ');
    return query.tags.every((tag) => tags.includes(tag) || section.noteId === tag);
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
