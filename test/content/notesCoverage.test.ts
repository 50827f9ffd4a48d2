// notes/COVERAGE.md: every question the collections ask is mapped to a note question that
// exists in both languages, and every topic names the collections its list comes from.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { noteLanguages, questionsOf } from '../../src/core/notes/note';
import { parseNote } from '../../src/core/notes/noteParser';

const root = join(__dirname, '..', '..');
const coveredTopics = ['docker', 'nginx', 'database', 'python', 'redis', 'rest', 'network', 'linux', 'kubernetes', 'mq', 'system-design', 'security'];

interface CoverageRow {
  readonly line: number;
  readonly question: string;
  readonly ids: string[];
}

interface CoverageSection {
  readonly topic: string;
  readonly collections: string[];
  readonly rows: CoverageRow[];
}

/** Splits COVERAGE.md into `## topic` sections with their collection links and table rows. */
export function parseCoverage(text: string): CoverageSection[] {
  const sections: { topic: string; collections: string[]; rows: CoverageRow[] }[] = [];
  text.split('\n').forEach((line, index) => {
    const heading = /^## ([a-z][a-z0-9-]*)\s*$/.exec(line);
    if (heading) {
      sections.push({ topic: heading[1], collections: [], rows: [] });
      return;
    }
    const section = sections.at(-1);
    if (!section) {
      return;
    }
    const link = /^- \[[^\]]+\]\((https:\/\/[^)\s]+)\)/.exec(line);
    if (link) {
      section.collections.push(link[1]);
      return;
    }
    if (line.startsWith('|') && !/^\|\s*(Question|:?-)/.test(line)) {
      const cells = line.split('|').slice(1, -1).map((cell) => cell.trim());
      const ids = [...(cells[1] ?? '').matchAll(/`([a-z][a-z0-9-]*#q-[a-z0-9-]+)`/g)].map((match) => match[1]);
      section.rows.push({ line: index + 1, question: cells[0] ?? '', ids });
    }
  });
  return sections;
}

function questionIdsByLanguage(): Map<string, Set<string>> {
  const ids = new Map<string, Set<string>>();
  for (const language of noteLanguages) {
    const found = new Set<string>();
    for (const topic of coveredTopics.concat(['celery', 'flask', 'cicd', 'observability', 'microservices', 'agile'])) {
      let text: string;
      try {
        text = readFileSync(join(root, 'notes', language, `${topic}.md`), 'utf8');
      } catch {
        continue;
      }
      const note = parseNote(text, { expectedId: topic, language }).note;
      for (const question of note ? questionsOf(note) : []) {
        found.add(`${topic}#${question.id}`);
      }
    }
    ids.set(language, found);
  }
  return ids;
}

describe('notes/COVERAGE.md', () => {
  const sections = parseCoverage(readFileSync(join(root, 'notes', 'COVERAGE.md'), 'utf8'));
  const known = questionIdsByLanguage();

  it('reads a section, its collections and its rows', () => {
    const parsed = parseCoverage('## redis\n\n- [A](https://a.example/x)\n\n| Question | Answered by |\n| --- | --- |\n| Why? | `redis#q-a`, `rest#q-b` |\n| How? | |\n');
    assert.deepEqual(parsed, [{ topic: 'redis', collections: ['https://a.example/x'], rows: [{ line: 7, question: 'Why?', ids: ['redis#q-a', 'rest#q-b'] }, { line: 8, question: 'How?', ids: [] }] }]);
  });

  it('has a section for every covered topic, drawn from at least two collections', () => {
    assert.deepEqual(sections.map((section) => section.topic).sort(), [...coveredTopics].sort());
    for (const section of sections) {
      assert.ok(section.collections.length >= 2, `${section.topic}: ${section.collections.length} collections named, at least 2 needed`);
      assert.ok(section.rows.length >= 20, `${section.topic}: ${section.rows.length} questions listed`);
    }
  });

  it('maps every listed question to a note question that exists in both languages', () => {
    const problems: string[] = [];
    for (const section of sections) {
      for (const row of section.rows) {
        if (row.ids.length === 0) {
          problems.push(`notes/COVERAGE.md:${row.line}: "${row.question}" is not mapped to a question`);
        }
        for (const id of row.ids) {
          for (const language of noteLanguages) {
            if (!known.get(language)?.has(id)) {
              problems.push(`notes/COVERAGE.md:${row.line}: ${id} does not exist in notes/${language}`);
            }
          }
        }
      }
    }
    assert.deepEqual(problems, []);
  });
});
