import { hanCharacterCount, hanKeyOf, hanKeysPerCharacter, hanKeyText, isHan, latinHash, latinHashWithout, scanTokens, type TokenSink } from './tokenizer';

/**
 * A compact inverted index with BM25 ranking, prefix and typo-tolerant matching, built for
 * this extension's shape of data: many short sections, and hundreds of thousands of terms,
 * nearly all of them Chinese bigrams. Why it is not a library, and what it was measured
 * against: docs/decisions/0001-own-search-index.md (bench/searchBench.ts measures it).
 *
 * Indexing is bound by memory access, so it touches as little memory per token as it can:
 * - Terms are found in open-addressing tables in Int32Arrays: Latin words by hash, from their
 *   span of the text (no string per token), Han bigrams by their numeric key (tokenizer.ts).
 * - A document's terms are counted in a small table that stays in cache, then appended to a
 *   log, one int per (term, frequency), in document order.
 * - pack() inverts the log with a counting sort into one Int32Array of postings (document <<
 *   7 | weighted frequency) with an offset per term, rather than an array per term: no object
 *   per term for the heap and the garbage collector, and no random write per posting to grow them.
 * Memory written for the first time is expensive too (page faults), so nothing large is grown
 * by copying.
 *
 * Queries first pack what was added since the last one (into a small delta segment when it is
 * small next to the rest), keep their score buffers between queries and reset only what they
 * touched, and keep the best results in a small heap instead of sorting every match.
 */

export interface IndexedField {
  readonly text: string;
  readonly weight: number;
}

export interface TermMatch {
  readonly term: string;
  readonly kind: 'exact' | 'prefix' | 'fuzzy';
}

export interface ScoredDocument {
  readonly document: number;
  readonly score: number;
  /** The indexed terms that matched, and how. */
  readonly matches: readonly TermMatch[];
}

export interface QueryOptions {
  readonly limit: number;
  readonly filter?: (document: number) => boolean;
  /**
   * Query terms from this position on may be words still being typed, and also match the
   * words they begin (by default only the last term: a search box searches as you type, and
   * a finished word that matched every longer word would cost time and rank sections about
   * other words above those about the word itself).
   */
  readonly prefixFrom?: number;
}

const frequencyBits = 7;
const maxFrequency = (1 << frequencyBits) - 1;
/** Postings hold document << frequencyBits, and log entries term << frequencyBits, in an int32. */
const maxDocuments = 2 ** (31 - frequencyBits);
const maxTerms = maxDocuments;
const k1 = 1.2;
const b = 0.75;
/** How much a prefix or a typo match counts against the exact word. */
const prefixWeight = 0.55;
const fuzzyWeight = 0.35;
const maxPrefixExpansions = 40;
/** Prefix matches are looked for from this many letters (`co` begins a tenth of all words). */
const minPrefixLength = 3;
/** Typos are looked for only when the word itself is this rare: a common word is no typo. */
const typoBelowDocuments = 3;
const emptySlot = 0;

type Kind = TermMatch['kind'];

interface Expansion {
  readonly id: number;
  readonly kind: Kind;
  readonly position: number;
}

export class InvertedIndex {
  // Terms. A term id indexes the per-term arrays; termKeys holds the Han key (>= 0) or
  // ~latinIndex for a Latin word, whose text is latinWords[latinIndex].
  private terms = 0;
  private termKeys = new Int32Array(1024);
  private readonly latinWords: string[] = [];
  /** Term id by Latin index: a small array, where termKeys by term id would be a cache miss per word. */
  private latinTermIds = new Int32Array(1024);
  /** Open addressing, two ints a slot: the word's hash, and Latin index + 1 (0: empty). */
  private latinTable = new Int32Array(2 * 1024);
  /** The same for Han keys: the key, and term id + 1. */
  private hanTable = new Int32Array(2 * 1024);
  private hanTerms = 0;
  /** Hashes of each Latin word of 4+ letters and of its one-letter deletions, for typo lookups (collisions are checked). */
  private typoTable = new Int32Array(2 * 1024);
  private typoEntries = 0;

  /** The packed postings of every document before `delta`'s. */
  private main = new Segment(new Int32Array(0), new Int32Array(1));
  /**
   * Documents added after `main` was packed, packed on their own while they are few: an edited
   * note then costs a pass over its own postings, not over all of them.
   */
  private delta = new Segment(new Int32Array(0), new Int32Array(1), new Int32Array(0));
  /** The first document in the log (documents before it are in main or delta). */
  private loggedFrom = 0;
  /** Postings of removed documents still in main. */
  private deadPostings = 0;
  /** Per term id, all zero between uses: counts, then cursors, while packing the delta. */
  private deltaScratch = new Int32Array(0);
  /** Documents added since the last pack: entries term << 7 | frequency, document by document, in chunks never copied. */
  private logChunks: Int32Array[] = [];
  private logChunk = new Int32Array(0);
  private logUsed = 0;
  private logLength = 0;
  /** Where each logged document's entries end in the whole log, by document - loggedFrom. */
  private logEnds = new Int32Array(64);

  // Documents.
  private documents = 0;
  private documentLengths = new Int32Array(1024);
  private documentTerms = new Int32Array(1024);
  private deleted = new Uint8Array(1024);
  private totalLength = 0;
  private liveDocuments = 0;

  /** Sorted Latin words for prefix lookups; terms from id sortedTerms on are not in it yet (ids are given in order). */
  private sortedLatinWords: string[] = [];
  private sortedLatinIds = new Int32Array(0);
  private sortedTerms = 0;
  /**
   * Han bigrams by first and by second character, for one-character queries: linked lists,
   * heads[character] the newest term id + 1 and next[id] the one before (0 ends). Kept as
   * terms arrive, so there is nothing to sort.
   */
  private readonly startHeads = new Int32Array(hanCharacterCount);
  private startNext = new Int32Array(1024);
  private readonly endHeads = new Int32Array(hanCharacterCount);
  private endNext = new Int32Array(1024);

  /** The document being added: its terms (id + 1) in a small open-addressing table, their weighted frequencies, the slots in use. */
  private documentTable = new Int32Array(256);
  private documentFrequencies = new Float64Array(256);
  private documentSlots = new Int32Array(256);
  private documentTermCount = 0;
  private weight = 1;
  private length = 0;
  private readonly sink: TokenSink = {
    latin: (text, start, end, hash) => this.count(this.latinTermId(text, start, end, hash)),
    han: (key) => this.count(this.hanTermId(key)),
  };

  /** Query scratch, kept between queries: reset entry by entry, never reallocated per query. */
  private scores = new Float64Array(0);
  private covered = new Int32Array(0);
  private touchedDocuments = new Int32Array(0);
  /** For a query word with several terms: its best score so far by document, and the documents it reached. */
  private bestOfWord = new Float64Array(0);
  private wordDocuments = new Int32Array(0);
  /** k1 times BM25's length normalisation per document, for the average length it was computed with. */
  private norms = new Float64Array(0);
  private normsAverage = -1;
  private normsDocuments = 0;

  get documentCount(): number {
    return this.liveDocuments;
  }

  get termCount(): number {
    return this.terms;
  }

  /** Adds a document and returns its number. */
  add(fields: readonly IndexedField[]): number {
    const document = this.documents;
    if (document >= maxDocuments) {
      throw new RangeError(`The search index holds at most ${maxDocuments} documents`);
    }
    this.length = 0;
    for (const field of fields) {
      this.weight = field.weight;
      scanTokens(field.text, this.sink);
    }
    const count = this.documentTermCount;
    const table = this.documentTable;
    let chunk = this.logChunk;
    let used = this.logUsed;
    for (let i = 0; i < count; i++) {
      const slot = this.documentSlots[i];
      const frequency = Math.min(maxFrequency, Math.max(1, Math.round(this.documentFrequencies[slot])));
      if (used === chunk.length) {
        // Chunks grow with the log: 16 KB for an edited note, 4 MB each for a whole library.
        chunk = new Int32Array(Math.min(1 << 20, Math.max(1 << 12, this.logLength + i)));
        this.logChunks.push(chunk);
        used = 0;
      }
      chunk[used++] = ((table[slot] - 1) << frequencyBits) | frequency;
      table[slot] = emptySlot;
    }
    this.logChunk = chunk;
    this.logUsed = used;
    this.logLength += count;
    this.documentTermCount = 0;
    const logged = document - this.loggedFrom;
    if (logged >= this.logEnds.length) {
      this.logEnds = growInt32(this.logEnds, logged + 1);
    }
    this.logEnds[logged] = this.logLength;
    if (document >= this.documentLengths.length) {
      this.documentLengths = growInt32(this.documentLengths, document + 1);
      this.documentTerms = growInt32(this.documentTerms, document + 1);
      this.deleted = growUint8(this.deleted, document + 1);
    }
    this.documentLengths[document] = this.length;
    this.documentTerms[document] = count;
    this.documents++;
    this.totalLength += this.length;
    this.liveDocuments++;
    return document;
  }

  /** Counts a term for the document being added. */
  private count(id: number): void {
    const table = this.documentTable;
    const mask = table.length - 1;
    let slot = slotOf(id, mask);
    for (;;) {
      const entry = table[slot];
      if (entry === id + 1) {
        this.documentFrequencies[slot] += this.weight;
        break;
      }
      if (entry === emptySlot) {
        table[slot] = id + 1;
        this.documentFrequencies[slot] = this.weight;
        this.documentSlots[this.documentTermCount++] = slot;
        if (2 * this.documentTermCount > table.length) {
          this.growDocumentTable();
        }
        break;
      }
      slot = (slot + 1) & mask;
    }
    this.length++;
  }

  /** Twice the room for a long document's terms, keeping the order they came in. */
  private growDocumentTable(): void {
    const table = new Int32Array(this.documentTable.length * 2);
    const frequencies = new Float64Array(table.length);
    const slots = new Int32Array(table.length);
    const mask = table.length - 1;
    for (let i = 0; i < this.documentTermCount; i++) {
      const old = this.documentSlots[i];
      let slot = slotOf(this.documentTable[old] - 1, mask);
      while (table[slot] !== emptySlot) {
        slot = (slot + 1) & mask;
      }
      table[slot] = this.documentTable[old];
      frequencies[slot] = this.documentFrequencies[old];
      slots[i] = slot;
    }
    this.documentTable = table;
    this.documentFrequencies = frequencies;
    this.documentSlots = slots;
  }

  private newTerm(key: number): number {
    const id = this.terms++;
    if (id >= maxTerms) {
      throw new RangeError(`The search index holds at most ${maxTerms} terms`);
    }
    if (id >= this.termKeys.length) {
      this.termKeys = growInt32(this.termKeys, id + 1);
      this.startNext = growInt32(this.startNext, id + 1);
      this.endNext = growInt32(this.endNext, id + 1);
    }
    this.termKeys[id] = key;
    return id;
  }

  /** The term id of the Latin word `text.slice(start, end)` (lowercased), added if new. */
  private latinTermId(text: string, start: number, end: number, hash: number): number {
    const table = this.latinTable;
    const mask = (table.length >> 1) - 1;
    let slot = slotOf(hash, mask);
    for (;;) {
      const entry = table[2 * slot + 1];
      if (entry === emptySlot) {
        break;
      }
      if (table[2 * slot] === hash && spanEquals(this.latinWords[entry - 1], text, start, end)) {
        return this.latinTermIds[entry - 1];
      }
      slot = (slot + 1) & mask;
    }
    // A copy, not a slice that would keep the whole section's text alive.
    const word = (' ' + text.slice(start, end)).slice(1).toLowerCase();
    const latinIndex = this.latinWords.length;
    const id = this.newTerm(~latinIndex);
    this.latinWords.push(word);
    if (latinIndex >= this.latinTermIds.length) {
      this.latinTermIds = growInt32(this.latinTermIds, latinIndex + 1);
    }
    this.latinTermIds[latinIndex] = id;
    table[2 * slot] = hash;
    table[2 * slot + 1] = latinIndex + 1;
    if (2 * this.latinWords.length > mask) {
      this.growLatinTable();
    }
    if (word.length >= 4) {
      this.addTypoVariants(word, id);
    }
    return id;
  }

  private hanTermId(key: number): number {
    const table = this.hanTable;
    const mask = (table.length >> 1) - 1;
    let slot = slotOf(key, mask);
    for (;;) {
      const entry = table[2 * slot + 1];
      if (entry === emptySlot) {
        break;
      }
      if (table[2 * slot] === key) {
        return entry - 1;
      }
      slot = (slot + 1) & mask;
    }
    const id = this.newTerm(key);
    table[2 * slot] = key;
    table[2 * slot + 1] = id + 1;
    const first = (key / hanKeysPerCharacter) | 0;
    this.startNext[id] = this.startHeads[first];
    this.startHeads[first] = id + 1;
    const second = (key % hanKeysPerCharacter) - 1;
    if (second >= 0) {
      this.endNext[id] = this.endHeads[second];
      this.endHeads[second] = id + 1;
    }
    this.hanTerms++;
    // Up to 3/4 full: linear probing stays short, and the table (the one random access per
    // Chinese token) stays half the size it would be at 1/2.
    if (4 * this.hanTerms > 3 * mask) {
      this.growHanTable();
    }
    return id;
  }

  // Not inline in latinTermId and hanTermId: a closure there, even one never created, makes V8
  // allocate a context on every call, and they run once per token.
  private growLatinTable(): void {
    this.latinTable = this.rehash(this.latinTable, (entry) => latinHash(this.latinWords[entry - 1]));
  }

  private growHanTable(): void {
    this.hanTable = this.rehash(this.hanTable, (entry) => this.termKeys[entry - 1]);
  }

  /** A table twice the size with the same entries; keyOf gives the hash an entry was filed under. */
  private rehash(table: Int32Array, keyOf: (entry: number) => number): Int32Array<ArrayBuffer> {
    const grown = new Int32Array(table.length * 2);
    const mask = (grown.length >> 1) - 1;
    for (let slot = 0; slot < table.length >> 1; slot++) {
      const entry = table[2 * slot + 1];
      if (entry === emptySlot) {
        continue;
      }
      const key = keyOf(entry);
      let target = slotOf(key, mask);
      while (grown[2 * target + 1] !== emptySlot) {
        target = (target + 1) & mask;
      }
      grown[2 * target] = key;
      grown[2 * target + 1] = entry;
    }
    return grown;
  }

  /** Files the word under its own hash and those of its one-letter deletions (symmetric-deletion typo lookup). */
  private addTypoVariants(word: string, id: number): void {
    for (let skip = -1; skip < word.length; skip++) {
      if (skip > 0 && word.charCodeAt(skip) === word.charCodeAt(skip - 1)) {
        continue; // deleting either of two equal letters gives the same variant
      }
      this.typoInsert(latinHashWithout(word, skip), id);
    }
  }

  private typoInsert(hash: number, id: number): void {
    let table = this.typoTable;
    if (2 * (this.typoEntries + 1) > table.length >> 1) {
      const old = table;
      table = new Int32Array(old.length * 2);
      const mask = (table.length >> 1) - 1;
      for (let slot = 0; slot < old.length >> 1; slot++) {
        if (old[2 * slot + 1] !== emptySlot) {
          let target = slotOf(old[2 * slot], mask);
          while (table[2 * target + 1] !== emptySlot) {
            target = (target + 1) & mask;
          }
          table[2 * target] = old[2 * slot];
          table[2 * target + 1] = old[2 * slot + 1];
        }
      }
      this.typoTable = table;
    }
    const mask = (table.length >> 1) - 1;
    let slot = slotOf(hash, mask);
    while (table[2 * slot + 1] !== emptySlot) {
      slot = (slot + 1) & mask;
    }
    table[2 * slot] = hash;
    table[2 * slot + 1] = id + 1;
    this.typoEntries++;
  }

  /** Removes a document from every later result (its postings are dropped by the next pack()). */
  remove(document: number): void {
    if (document < this.documents && this.deleted[document] === 0) {
      this.deleted[document] = 1;
      this.totalLength -= this.documentLengths[document];
      this.liveDocuments--;
      if (document < this.delta.firstDocument) {
        this.deadPostings += this.documentTerms[document];
      }
    }
  }

  /** Packs the postings and sorts the terms for prefix lookups now rather than on the first query. */
  prepare(): void {
    this.pack();
    this.sortPending();
  }

  /**
   * Packs main, the delta and the log into a new main with a counting sort, dropping the
   * postings of removed documents: count each term's postings, lay the lists end to end, then
   * copy main's and the delta's lists and put each logged posting at its term's cursor
   * (documents come in order, so every list stays sorted by document).
   */
  private pack(): void {
    if (this.logLength === 0 && this.delta.postings.length === 0 && this.deadPostings === 0) {
      return;
    }
    const terms = this.terms;
    const { main, delta, deleted } = this;
    const sizes = new Int32Array(terms + 1);
    for (let id = 0; id < main.terms; id++) {
      sizes[id] = main.liveSize(id, deleted, this.deadPostings > 0);
    }
    for (let slot = 0; slot < delta.terms; slot++) {
      sizes[delta.idAt(slot)] += delta.liveSize(slot, deleted, true);
    }
    this.countLog(sizes, null);
    const offsets = new Int32Array(terms + 1);
    for (let id = 0; id < terms; id++) {
      offsets[id + 1] = offsets[id] + sizes[id];
    }
    const postings = new Int32Array(offsets[terms]);
    const cursors = sizes; // reused: where the next posting of each term goes
    cursors.set(offsets.subarray(0, terms));
    for (let id = 0; id < main.terms; id++) {
      cursors[id] = main.copyLive(id, postings, cursors[id], deleted);
    }
    for (let slot = 0; slot < delta.terms; slot++) {
      const id = delta.idAt(slot);
      cursors[id] = delta.copyLive(slot, postings, cursors[id], deleted);
    }
    this.scatterLog(postings, cursors);
    this.main = new Segment(postings, offsets);
    this.delta = new Segment(new Int32Array(0), new Int32Array(1), new Int32Array(0), this.documents);
    this.deadPostings = 0;
    this.clearLog();
  }

  /** Packs the delta and the log into a new delta, leaving main as it is. */
  private packDelta(): void {
    const { delta, deleted } = this;
    if (this.deltaScratch.length < this.terms) {
      this.deltaScratch = new Int32Array(Math.max(this.terms, this.deltaScratch.length * 2));
    }
    const counts = this.deltaScratch;
    const seen: number[] = [];
    for (let slot = 0; slot < delta.terms; slot++) {
      const live = delta.liveSize(slot, deleted, true);
      if (live > 0) {
        // (A term all of whose documents were removed stays unseen, so the log may count it anew.)
        seen.push(delta.idAt(slot));
        counts[delta.idAt(slot)] = live;
      }
    }
    this.countLog(counts, seen);
    const ids = Int32Array.from(seen).sort();
    const offsets = new Int32Array(ids.length + 1);
    for (let slot = 0; slot < ids.length; slot++) {
      offsets[slot + 1] = offsets[slot] + counts[ids[slot]];
      counts[ids[slot]] = offsets[slot]; // from here on, a cursor
    }
    const postings = new Int32Array(offsets[ids.length]);
    for (let slot = 0; slot < delta.terms; slot++) {
      const id = delta.idAt(slot);
      counts[id] = delta.copyLive(slot, postings, counts[id], deleted);
    }
    this.scatterLog(postings, counts);
    for (const id of ids) {
      counts[id] = 0;
    }
    this.delta = new Segment(postings, offsets, ids, Math.min(delta.firstDocument, this.loggedFrom));
    this.clearLog();
  }

  /** Adds each logged posting of a live document to its term's count; `seen` collects the terms first counted. */
  private countLog(counts: Int32Array, seen: number[] | null): void {
    const { logChunks, logEnds, deleted } = this;
    let logStart = 0;
    let chunkIndex = 0;
    let chunk = logChunks.length > 0 ? logChunks[0] : this.logChunk;
    let offset = 0;
    for (let document = this.loggedFrom; document < this.documents; document++) {
      const logEnd = logEnds[document - this.loggedFrom];
      const live = deleted[document] === 0;
      for (let i = logStart; i < logEnd; i++) {
        if (offset === chunk.length) {
          chunk = logChunks[++chunkIndex];
          offset = 0;
        }
        const id = chunk[offset++] >>> frequencyBits;
        if (live) {
          if (seen !== null && counts[id] === 0) {
            seen.push(id);
          }
          counts[id]++;
        }
      }
      logStart = logEnd;
    }
  }

  /** Puts each logged posting of a live document at its term's cursor. */
  private scatterLog(postings: Int32Array, cursors: Int32Array): void {
    const { logChunks, logEnds, deleted } = this;
    let logStart = 0;
    let chunkIndex = 0;
    let chunk = logChunks.length > 0 ? logChunks[0] : this.logChunk;
    let offset = 0;
    for (let document = this.loggedFrom; document < this.documents; document++) {
      const logEnd = logEnds[document - this.loggedFrom];
      const shifted = document << frequencyBits;
      const live = deleted[document] === 0;
      for (let i = logStart; i < logEnd; i++) {
        if (offset === chunk.length) {
          chunk = logChunks[++chunkIndex];
          offset = 0;
        }
        const entry = chunk[offset++];
        if (live) {
          postings[cursors[entry >>> frequencyBits]++] = shifted | (entry & maxFrequency);
        }
      }
      logStart = logEnd;
    }
  }

  private clearLog(): void {
    this.logChunks = [];
    this.logChunk = new Int32Array(0);
    this.logUsed = 0;
    this.logLength = 0;
    this.logEnds = new Int32Array(64);
    this.loggedFrom = this.documents;
  }

  /** Packs what was added or removed since the last query: into the delta while it stays small next to main. */
  private packForQuery(): void {
    const mainSize = this.main.postings.length;
    if (this.deadPostings > mainSize >> 3 || this.logLength + this.delta.postings.length > mainSize >> 3) {
      this.pack();
    } else if (this.logLength > 0 || this.loggedFrom < this.documents) {
      this.packDelta();
    }
  }

  search(queryTerms: readonly string[], options: QueryOptions): ScoredDocument[] {
    const prefixFrom = options.prefixFrom ?? queryTerms.length - 1;
    const unique = [...new Set(queryTerms)].slice(0, 31);
    if (unique.length === 0 || this.liveDocuments === 0 || options.limit <= 0) {
      return [];
    }
    this.packForQuery();
    this.sortPending();
    this.prepareScratch();
    const expansions: Expansion[] = [];
    unique.forEach((queryTerm, position) => this.expand(queryTerm, position, queryTerms.lastIndexOf(queryTerm) >= prefixFrom, expansions));

    const scores = this.scores;
    const covered = this.covered;
    const touched = this.touchedDocuments;
    // Each query word scores by its best-matching term in a document: the exact word, or the
    // best of its prefix or typo matches. (Adding them all up would let a section that holds
    // many different words beginning with the query's outrank one about the query's word itself.)
    let touchedCount = 0;
    for (let group = 0; group < expansions.length; ) {
      const position = expansions[group].position;
      let groupEnd = group + 1;
      while (groupEnd < expansions.length && expansions[groupEnd].position === position) {
        groupEnd++;
      }
      touchedCount = groupEnd - group === 1 ? this.scoreTerm(expansions[group], touchedCount) : this.scoreAlternatives(expansions, group, groupEnd, touchedCount);
      group = groupEnd;
    }

    const best = new TopDocuments(options.limit);
    const deleted = this.deleted;
    const filter = options.filter;
    for (let i = 0; i < touchedCount; i++) {
      const document = touched[i];
      const bits = covered[document];
      const raw = scores[document];
      covered[document] = 0;
      scores[document] = 0;
      if (deleted[document] !== 0) {
        continue;
      }
      // Documents that contain every query word come first: what "缓存穿透" or
      // "entrypoint exec" means to the person typing it.
      const coverage = bitCount(bits) / unique.length;
      const score = raw * coverage * coverage;
      // The filter runs only for a document that would make the list.
      if (best.accepts(document, score) && (!filter || filter(document))) {
        best.add(document, score, bits);
      }
    }

    const texts = new Map<number, string>();
    const termText = (id: number) => {
      let text = texts.get(id);
      if (text === undefined) {
        text = this.termText(id);
        texts.set(id, text);
      }
      return text;
    };
    return best.sorted().map(({ document, score, bits }) => ({
      document,
      score,
      matches: expansions.filter(({ id, position }) => (bits & (1 << position)) !== 0 && this.contains(id, document)).map(({ id, kind }) => ({ term: termText(id), kind })),
    }));
  }

  /** BM25 weight of a term's postings: idf, the kind of match, and BM25's k1 + 1. */
  private termWeight(id: number, kind: Kind): number {
    const size = this.documentFrequency(id);
    const idf = Math.log(1 + (Math.max(0, this.liveDocuments - size) + 0.5) / (size + 0.5));
    return (kind === 'exact' ? 1 : kind === 'prefix' ? prefixWeight : fuzzyWeight) * idf * (k1 + 1);
  }

  /** Adds a query word's only term to the scores; returns the new count of touched documents. */
  private scoreTerm({ id, kind, position }: Expansion, touchedCount: number): number {
    const { scores, covered, touchedDocuments: touched, norms } = this;
    const weight = this.termWeight(id, kind);
    const bit = 1 << position;
    for (let part = 0; part < 2; part++) {
      const segment = part === 0 ? this.main : this.delta;
      const slot = segment.slotOf(id);
      if (slot < 0) {
        continue;
      }
      const postings = segment.postings;
      const end = segment.offsets[slot + 1];
      for (let i = segment.offsets[slot]; i < end; i++) {
        const posting = postings[i];
        const document = posting >>> frequencyBits;
        const frequency = posting & maxFrequency;
        const seen = covered[document];
        if (seen === 0) {
          touched[touchedCount++] = document;
        }
        covered[document] = seen | bit;
        scores[document] += (weight * frequency) / (frequency + norms[document]);
      }
    }
    return touchedCount;
  }

  /** Adds the best of a query word's terms (expansions[from..to)) to each document's score. */
  private scoreAlternatives(expansions: readonly Expansion[], from: number, to: number, touchedCount: number): number {
    const { scores, covered, touchedDocuments: touched, norms, bestOfWord, wordDocuments } = this;
    const bit = 1 << expansions[from].position;
    let wordCount = 0;
    for (let e = from; e < to; e++) {
      const { id, kind } = expansions[e];
      const weight = this.termWeight(id, kind);
      for (let part = 0; part < 2; part++) {
        const segment = part === 0 ? this.main : this.delta;
        const slot = segment.slotOf(id);
        if (slot < 0) {
          continue;
        }
        const postings = segment.postings;
        const end = segment.offsets[slot + 1];
        for (let i = segment.offsets[slot]; i < end; i++) {
          const posting = postings[i];
          const document = posting >>> frequencyBits;
          const frequency = posting & maxFrequency;
          const seen = covered[document];
          const score = (weight * frequency) / (frequency + norms[document]);
          if ((seen & bit) === 0) {
            if (seen === 0) {
              touched[touchedCount++] = document;
            }
            covered[document] = seen | bit;
            wordDocuments[wordCount++] = document;
            bestOfWord[document] = score;
          } else if (score > bestOfWord[document]) {
            bestOfWord[document] = score;
          }
        }
      }
    }
    for (let i = 0; i < wordCount; i++) {
      const document = wordDocuments[i];
      scores[document] += bestOfWord[document];
      bestOfWord[document] = 0;
    }
    return touchedCount;
  }

  /** Score buffers for every document, and BM25 length norms for the current average length. */
  private prepareScratch(): void {
    if (this.scores.length < this.documents) {
      const length = Math.max(this.documents, this.scores.length * 2);
      this.scores = new Float64Array(length);
      this.covered = new Int32Array(length);
      this.touchedDocuments = new Int32Array(length);
      this.bestOfWord = new Float64Array(length);
      this.wordDocuments = new Int32Array(length);
    }
    const average = this.totalLength / Math.max(1, this.liveDocuments);
    if (average !== this.normsAverage || this.normsDocuments !== this.documents) {
      if (this.norms.length < this.documents) {
        this.norms = new Float64Array(this.scores.length);
      }
      for (let document = 0; document < this.documents; document++) {
        this.norms[document] = k1 * (1 - b + (b * this.documentLengths[document]) / average);
      }
      this.normsAverage = average;
      this.normsDocuments = this.documents;
    }
  }

  /** How many documents hold the term (removed ones included until the next pack()). */
  private documentFrequency(id: number): number {
    return this.main.sizeOf(id) + this.delta.sizeOf(id);
  }

  private termText(id: number): string {
    const key = this.termKeys[id];
    return key >= 0 ? hanKeyText(key) : this.latinWords[~key];
  }

  /** Whether the term's postings hold the document (postings are in document order). */
  private contains(id: number, document: number): boolean {
    return this.main.contains(id, document) || this.delta.contains(id, document);
  }

  /** The id of an indexed Latin word given as text, or -1. */
  private latinId(word: string): number {
    const hash = latinHash(word);
    const table = this.latinTable;
    const mask = (table.length >> 1) - 1;
    for (let slot = slotOf(hash, mask); table[2 * slot + 1] !== emptySlot; slot = (slot + 1) & mask) {
      const latinIndex = table[2 * slot + 1] - 1;
      if (table[2 * slot] === hash && this.latinWords[latinIndex] === word) {
        return this.latinTermIds[latinIndex];
      }
    }
    return -1;
  }

  private hanId(key: number): number {
    const table = this.hanTable;
    const mask = (table.length >> 1) - 1;
    for (let slot = slotOf(key, mask); table[2 * slot + 1] !== emptySlot; slot = (slot + 1) & mask) {
      if (table[2 * slot] === key) {
        return table[2 * slot + 1] - 1;
      }
    }
    return -1;
  }

  /** The index terms a query term stands for: itself, words it begins, and near misses. */
  private expand(queryTerm: string, position: number, prefixes: boolean, into: Expansion[]): void {
    if (isHan(queryTerm)) {
      const key = hanKeyOf(queryTerm)!;
      const exact = this.hanId(key);
      if (exact >= 0) {
        into.push({ id: exact, kind: 'exact', position });
      }
      if (queryTerm.length === 1) {
        // One Chinese character (wherever it is in the query: it cannot be matched otherwise).
        this.hanBigramsOf(key, position, into);
      }
      return;
    }
    const exact = this.latinId(queryTerm);
    const first = into.length;
    if (exact >= 0) {
      into.push({ id: exact, kind: 'exact', position });
    }
    if (prefixes && queryTerm.length >= minPrefixLength) {
      this.latinPrefixes(queryTerm, exact, position, into);
    }
    if (queryTerm.length >= 4 && (exact < 0 || this.documentFrequency(exact) < typoBelowDocuments)) {
      const seen = new Set<number>();
      for (let i = first; i < into.length; i++) {
        seen.add(into[i].id);
      }
      this.typos(queryTerm, position, seen, into);
    }
  }

  private latinPrefixes(prefix: string, exact: number, position: number, into: Expansion[]): void {
    const sorted = this.sortedLatinWords;
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (sorted[middle] < prefix) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    let found = 0;
    let budget = this.prefixBudget();
    for (let i = low; i < sorted.length && found < maxPrefixExpansions && sorted[i].startsWith(prefix); i++) {
      const id = this.sortedLatinIds[i];
      const size = this.documentFrequency(id);
      if (size === 0) {
        continue; // every document with the word was removed
      }
      found++;
      if (id !== exact && size <= budget) {
        into.push({ id, kind: 'prefix', position });
        budget -= size;
      }
    }
  }

  /**
   * How many postings one query term's prefix matches may add: a quarter of the documents
   * (a prefix of common words would otherwise cost more than the rest of the query).
   */
  private prefixBudget(): number {
    return Math.max(1 << 14, this.liveDocuments >> 2);
  }

  /**
   * The bigrams that hold a lone character, as 'prefix' matches: those it starts and those it
   * ends, half the budget each (a character at the end of a run, 锁 in 死锁, is only ever
   * the second of a bigram).
   */
  private hanBigramsOf(lone: number, position: number, into: Expansion[]): void {
    const character = (lone / hanKeysPerCharacter) | 0;
    const budget = this.prefixBudget() >> 1;
    this.hanList(this.startHeads[character], this.startNext, lone, budget, position, into);
    this.hanList(this.endHeads[character], this.endNext, lone, budget, position, into);
  }

  private hanList(head: number, next: Int32Array, lone: number, budget: number, position: number, into: Expansion[]): void {
    let found = 0;
    for (let entry = head; entry !== emptySlot && found < maxPrefixExpansions; entry = next[entry - 1]) {
      const id = entry - 1;
      const size = this.documentFrequency(id);
      if (this.termKeys[id] !== lone && size > 0 && size <= budget) {
        into.push({ id, kind: 'prefix', position });
        budget -= size;
        found++;
      }
    }
  }

  /** Terms within one edit (insert, delete, substitute, swap neighbours) of the query term. */
  private typos(queryTerm: string, position: number, seen: Set<number>, into: Expansion[]): void {
    const table = this.typoTable;
    const mask = (table.length >> 1) - 1;
    for (let skip = -1; skip < queryTerm.length; skip++) {
      const hash = latinHashWithout(queryTerm, skip);
      for (let slot = slotOf(hash, mask); table[2 * slot + 1] !== emptySlot; slot = (slot + 1) & mask) {
        const id = table[2 * slot + 1] - 1;
        if (table[2 * slot] !== hash || seen.has(id)) {
          continue;
        }
        seen.add(id);
        const word = this.latinWords[~this.termKeys[id]];
        if (word !== queryTerm && withinOneEdit(queryTerm, word)) {
          into.push({ id, kind: 'fuzzy', position });
        }
      }
    }
  }

  /** Merges the Latin words added since the last query into the sorted list for prefix lookups. */
  private sortPending(): void {
    if (this.sortedTerms === this.terms) {
      return;
    }
    const pendingLatin: string[] = [];
    for (let id = this.sortedTerms; id < this.terms; id++) {
      const key = this.termKeys[id];
      if (key < 0) {
        pendingLatin.push(this.latinWords[~key]);
      }
    }
    this.sortedTerms = this.terms;
    if (pendingLatin.length > 0) {
      const pending = pendingLatin.sort();
      const words = this.sortedLatinWords;
      const mergedWords: string[] = new Array<string>(words.length + pending.length);
      const mergedIds = new Int32Array(mergedWords.length);
      for (let i = 0, j = 0, k = 0; k < mergedWords.length; k++) {
        if (j >= pending.length || (i < words.length && words[i] < pending[j])) {
          mergedWords[k] = words[i];
          mergedIds[k] = this.sortedLatinIds[i++];
        } else {
          mergedWords[k] = pending[j];
          mergedIds[k] = this.latinId(pending[j++]);
        }
      }
      this.sortedLatinWords = mergedWords;
      this.sortedLatinIds = mergedIds;
    }
  }
}

/**
 * Postings lists end to end in one Int32Array, each in document order: the list in `slot` is
 * postings[offsets[slot] .. offsets[slot + 1]). Dense (slot = term id) for main; sparse for
 * the delta, whose slots are found in its sorted term ids.
 */
class Segment {
  constructor(
    readonly postings: Int32Array,
    readonly offsets: Int32Array,
    private readonly ids?: Int32Array,
    /** The first document the segment may hold (documents are numbered in order). */
    readonly firstDocument = 0,
  ) {}

  /** How many lists the segment holds. */
  get terms(): number {
    return this.offsets.length - 1;
  }

  idAt(slot: number): number {
    return this.ids ? this.ids[slot] : slot;
  }

  /** The slot of a term's list, or -1. */
  slotOf(id: number): number {
    const ids = this.ids;
    if (!ids) {
      return id < this.offsets.length - 1 ? id : -1;
    }
    let low = 0;
    let high = ids.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (ids[middle] < id) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low < ids.length && ids[low] === id ? low : -1;
  }

  sizeOf(id: number): number {
    const slot = this.slotOf(id);
    return slot < 0 ? 0 : this.offsets[slot + 1] - this.offsets[slot];
  }

  /** The list's length without removed documents (counted only when `check`). */
  liveSize(slot: number, deleted: Uint8Array, check: boolean): number {
    const start = this.offsets[slot];
    const end = this.offsets[slot + 1];
    if (!check) {
      return end - start;
    }
    let size = 0;
    for (let i = start; i < end; i++) {
      size += 1 - deleted[this.postings[i] >>> frequencyBits];
    }
    return size;
  }

  /** Copies the list's postings of live documents to `into` from `at`; returns where it stopped. */
  copyLive(slot: number, into: Int32Array, at: number, deleted: Uint8Array): number {
    const postings = this.postings;
    const end = this.offsets[slot + 1];
    for (let i = this.offsets[slot]; i < end; i++) {
      const posting = postings[i];
      if (deleted[posting >>> frequencyBits] === 0) {
        into[at++] = posting;
      }
    }
    return at;
  }

  contains(id: number, document: number): boolean {
    const slot = this.slotOf(id);
    if (slot < 0) {
      return false;
    }
    const postings = this.postings;
    let low = this.offsets[slot];
    let high = this.offsets[slot + 1];
    while (low < high) {
      const middle = (low + high) >>> 1;
      const value = postings[middle] >>> frequencyBits;
      if (value < document) {
        low = middle + 1;
      } else if (value > document) {
        high = middle;
      } else {
        return true;
      }
    }
    return false;
  }
}

/** The `limit` best documents seen so far: a binary heap with the weakest at the top. */
class TopDocuments {
  private readonly documents: Int32Array;
  private readonly scores: Float64Array;
  private readonly bits: Int32Array;
  private size = 0;

  constructor(private readonly limit: number) {
    this.documents = new Int32Array(limit);
    this.scores = new Float64Array(limit);
    this.bits = new Int32Array(limit);
  }

  /** Whether the document would be kept: ties go to the lower document number. */
  accepts(document: number, score: number): boolean {
    return this.size < this.limit || weaker(this.scores[0], this.documents[0], score, document);
  }

  add(document: number, score: number, bits: number): void {
    let at: number;
    if (this.size < this.limit) {
      at = this.size++;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (!weaker(score, document, this.scores[parent], this.documents[parent])) {
          break;
        }
        this.move(parent, at);
        at = parent;
      }
    } else {
      at = 0;
      for (;;) {
        let child = 2 * at + 1;
        if (child >= this.size) {
          break;
        }
        if (child + 1 < this.size && weaker(this.scores[child + 1], this.documents[child + 1], this.scores[child], this.documents[child])) {
          child++;
        }
        if (!weaker(this.scores[child], this.documents[child], score, document)) {
          break;
        }
        this.move(child, at);
        at = child;
      }
    }
    this.documents[at] = document;
    this.scores[at] = score;
    this.bits[at] = bits;
  }

  private move(from: number, to: number): void {
    this.documents[to] = this.documents[from];
    this.scores[to] = this.scores[from];
    this.bits[to] = this.bits[from];
  }

  sorted(): { document: number; score: number; bits: number }[] {
    const entries: { document: number; score: number; bits: number }[] = [];
    for (let i = 0; i < this.size; i++) {
      entries.push({ document: this.documents[i], score: this.scores[i], bits: this.bits[i] });
    }
    return entries.sort((x, y) => y.score - x.score || x.document - y.document);
  }
}

/** Whether (score a, document a) ranks below (score b, document b). */
function weaker(scoreA: number, documentA: number, scoreB: number, documentB: number): boolean {
  return scoreA < scoreB || (scoreA === scoreB && documentA > documentB);
}

/** The home slot of a hash or key: a multiplicative hash, high bits folded down. */
function slotOf(hash: number, mask: number): number {
  const mixed = Math.imul(hash, 0x9e3779b1);
  return (mixed ^ (mixed >>> 15)) & mask;
}

/** Whether the word equals text.slice(start, end) with ASCII capitals lowered. */
function spanEquals(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) {
    return false;
  }
  for (let i = 0; i < word.length; i++) {
    let code = text.charCodeAt(start + i);
    if (code <= 90 && code >= 65) {
      code |= 0x20;
    }
    if (code !== word.charCodeAt(i)) {
      return false;
    }
  }
  return true;
}


/** Damerau-Levenshtein distance of at most one. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) {
    return true;
  }
  if (Math.abs(a.length - b.length) > 1) {
    return false;
  }
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) {
    start++;
  }
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const restA = endA - start;
  const restB = endB - start;
  if (restA <= 1 && restB <= 1) {
    return true; // one substitution, insertion or deletion
  }
  return restA === 2 && restB === 2 && a[start] === b[start + 1] && a[start + 1] === b[start];
}

function bitCount(value: number): number {
  let count = 0;
  for (let rest = value; rest !== 0; rest &= rest - 1) {
    count++;
  }
  return count;
}

function growInt32(array: Int32Array, needed: number): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(Math.max(needed, array.length * 2));
  grown.set(array);
  return grown;
}

function growUint8(array: Uint8Array, needed: number): Uint8Array<ArrayBuffer> {
  const grown = new Uint8Array(Math.max(needed, array.length * 2));
  grown.set(array);
  return grown;
}

