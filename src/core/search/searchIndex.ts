import type { Note, NoteLanguage, NoteSection } from '../notes/note';
import { InvertedIndex } from './invertedIndex';
import { parseQuery, type ParsedQuery } from './query';
import { tokenize } from './tokenizer';
import { noteKey } from '../notes/noteSnapshot';
import { excerptAround } from '../text/excerpt';

export { excerptAround };

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

/** What the index keeps of a note: one record per note, shared by its sections' documents. */
interface IndexedNote {
  readonly id: string;
  readonly title: string;
  readonly language: NoteLanguage;
  readonly tags: readonly string[];
  readonly intro: string;
  readonly sections: readonly NoteSection[];
  readonly documents: readonly number[];
}

/** Headings count four times a word of the body; the note's title and tags a little everywhere. */
const weights = { heading: 4, introTitle: 2, noteTitle: 0.5, tags: 0.5, text: 1 };

/** Full-text search over the sections of notes in every language. */
export class NoteSearchIndex {
  private readonly index = new InvertedIndex();
  /**
   * Per document: its note, and the section's position in note.sections (-1: the intro). One
   * record per note rather than per section, so a note's fields are not copied into each of
   * its sections; a removed note's entries are cleared so its text can be collected.
   */
  private readonly documentNotes: (IndexedNote | undefined)[] = [];
  private readonly documentSections: number[] = [];
  private readonly notes = new Map<string, IndexedNote>();
  /** Reused for every section: the index reads the fields and keeps nothing of them. */
  private readonly fields = [
    { text: '', weight: weights.heading },
    { text: '', weight: weights.introTitle },
    { text: '', weight: weights.tags },
    { text: '', weight: weights.text },
  ];

  /** Adds the note, replacing what was indexed for the same id and language. */
  addNote(note: Note): void {
    this.removeNote(note.id, note.language);
    const documents: number[] = [];
    const record: IndexedNote = { id: note.id, title: note.title, language: note.language, tags: note.tags, intro: note.intro, sections: note.sections, documents };
    const [heading, title, tags, text] = this.fields;
    title.text = note.title;
    tags.text = note.tags.join(' ');
    for (let section = -1; section < note.sections.length; section++) {
      heading.text = section < 0 ? '' : note.sections[section].title;
      title.weight = section < 0 ? weights.introTitle : weights.noteTitle;
      text.text = section < 0 ? note.intro : note.sections[section].text;
      const document = this.index.add(this.fields);
      documents.push(document);
      this.documentNotes[document] = record;
      this.documentSections[document] = section;
    }
    this.notes.set(noteKey(note.language, note.id), record);
  }

  removeNote(noteId: string, language: NoteLanguage): void {
    const key = noteKey(language, noteId);
    for (const document of this.notes.get(key)?.documents ?? []) {
      this.index.remove(document);
      this.documentNotes[document] = undefined;
    }
    this.notes.delete(key);
  }

  get sectionCount(): number {
    return this.index.documentCount;
  }

  /** Builds the lookup tables now instead of on the first query. */
  prepare(): void {
    this.index.prepare();
  }

  /**
   * The best sections for the query. A filter alone (`#cache`, `topic:redis`) lists the topics
   * it matches, in `language` where a topic has it.
   */
  search(input: string | ParsedQuery, limit = 50, language?: NoteLanguage): SearchHit[] {
    const query = typeof input === 'string' ? parseQuery(input) : input;
    const terms = tokenize(query.text);
    const filtered = query.tags.length > 0 || query.topics.length > 0;
    if (terms.length === 0) {
      return filtered ? this.topicsMatching(query, limit, language) : [];
    }
    // The last word may be unfinished (the picker searches as you type): its terms also match longer words.
    const prefixFrom = terms.length - tokenize(lastWord(query.text)).length;
    // Twice the limit, since a section found in both languages is shown once.
    const results = this.index.search(terms, {
      limit: limit * 2,
      prefixFrom,
      filter: filtered ? (document) => matchesFilters(this.documentNotes[document]!, query) : undefined,
    });
    // Section ids shown, by note id (no key string to build per result).
    const seen = new Map<string, (string | undefined)[]>();
    const hits: SearchHit[] = [];
    for (const result of results) {
      const note = this.documentNotes[result.document]!;
      const position = this.documentSections[result.document];
      const section = position < 0 ? undefined : note.sections[position];
      const shown = seen.get(note.id);
      if (shown?.includes(section?.id)) {
        continue; // the same section in the other language
      }
      if (shown) {
        shown.push(section?.id);
      } else {
        seen.set(note.id, [section?.id]);
      }
      const matched = result.matches.map((match) => match.term);
      hits.push({
        noteId: note.id,
        noteTitle: note.title,
        sectionId: section?.id,
        heading: section ? section.title : note.title,
        language: note.language,
        kind: section ? section.kind : 'intro',
        score: result.score,
        terms: matched,
        excerpt: excerptAround(section ? section.text : note.intro, matched),
      });
      if (hits.length >= limit) {
        break;
      }
    }
    return hits;
  }

  private topicsMatching(query: ParsedQuery, limit: number, language: NoteLanguage | undefined): SearchHit[] {
    const byId = new Map<string, IndexedNote>();
    for (const note of this.notes.values()) {
      const existing = byId.get(note.id);
      if (matchesFilters(note, query) && (!existing || (existing.language !== language && note.language === language))) {
        byId.set(note.id, note);
      }
    }
    return [...byId.values()]
      .sort((a, b) => a.title.localeCompare(b.title))
      .slice(0, limit)
      .map((note) => ({ noteId: note.id, noteTitle: note.title, heading: note.title, language: note.language, kind: 'intro', score: 0, terms: [], excerpt: excerptAround(note.intro, []) }));
  }
}


function matchesFilters(note: IndexedNote, query: ParsedQuery): boolean {
  if (query.topics.length > 0 && !query.topics.some((topic) => note.id === topic || note.title.toLowerCase().includes(topic))) {
    return false;
  }
  if (query.tags.length > 0) {
    return query.tags.every((tag) => note.tags.includes(tag) || note.id === tag);
  }
  return true;
}

/** The text after the last white space (what is being typed). */
function lastWord(text: string): string {
  let start = text.length;
  while (start > 0 && !/\s/.test(text[start - 1])) {
    start--;
  }
  return text.slice(start);
}
