// The checks over the whole bundled library (issue: notes library). Each failure names the
// file and line, so a broken note is easy to find.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { noteLanguages, questionsOf, type Note, type NoteLanguage } from '../../src/core/notes/note';
import { isExample, noteContent, type CodeBlock } from '../../src/core/notes/noteContent';
import { parseNote } from '../../src/core/notes/noteParser';
import { isHighlightedLanguage } from '../../src/core/render/highlight';
import { classifyLink } from '../../src/core/render/noteRenderer';
import { parseSnippetFile } from '../../src/core/snippets/snippet';
import { checkKubernetesManifests } from '../support/kubernetesManifests';
import { checkBash, checkIni, checkJavaScript, checkNginx, checkShellcheck, checkSystemdUnits, compilePython, parseJsonSamples, parseSql, parseYamlSamples, runPython, type CodeSample } from '../support/validators';

const root = join(__dirname, '..', '..');
const sourceTopics = ['docker', 'nginx', 'database', 'python', 'redis', 'rest'];
// The topics every backend interview touches beyond the source notes' stack: their shell
// examples must pass shellcheck too.
const newTopics = ['network', 'linux', 'kubernetes', 'mq', 'system-design', 'security'];
const requiredTopics = [...sourceTopics, ...newTopics, 'celery', 'flask', 'cicd', 'observability', 'microservices', 'agile'];
/** Questions a topic needs at least: the six core topics cover the interview, the new topics nearly so. */
function minimumQuestions(noteId: string): number {
  return sourceTopics.includes(noteId) ? 40 : newTopics.includes(noteId) ? 25 : 12;
}
const followUpMarker: Record<NoteLanguage, RegExp> = { en: /(^|\n)Follow-up:/, 'zh-cn': /(^|\n)追问：/ };

interface LoadedFile {
  readonly path: string;
  readonly text: string;
  readonly note: Note;
  readonly codeBlocks: CodeBlock[];
  readonly links: { href: string; line: number }[];
}

const formatProblems: string[] = [];

function loadLibrary(): Map<string, LoadedFile> {
  const files = new Map<string, LoadedFile>();
  for (const language of noteLanguages) {
    for (const name of readdirSync(join(root, 'notes', language)).filter((file) => file.endsWith('.md'))) {
      const path = `notes/${language}/${name}`;
      const text = readFileSync(join(root, path), 'utf8');
      const parsed = parseNote(text, { expectedId: name.slice(0, -3), language, requireVerified: true });
      formatProblems.push(...parsed.problems.map((problem) => `${path}:${(problem.line ?? 0) + 1}: ${problem.message}`));
      if (!parsed.note) {
        continue;
      }
      const content = noteContent(parsed.note.body);
      files.set(`${language}/${parsed.note.id}`, { path, text, note: parsed.note, ...content });
    }
  }
  return files;
}

const library = loadLibrary();
const notes = [...library.values()];
const at = (file: LoadedFile, line: number) => `${file.path}:${file.note.bodyLineOffset + line + 1}`;

/** The checked blocks of a language, optionally only those of some notes or with a fence option (`python run`). */
function samples(language: string, only: { option?: string; topics?: readonly string[] } = {}): (CodeSample & { unitName?: string })[] {
  const optionValue = (options: readonly string[], name: string) => options.find((option) => option.startsWith(`${name}=`))?.slice(name.length + 1);
  return notes
    .filter((file) => !only.topics || only.topics.includes(file.note.id))
    .flatMap((file) =>
      file.codeBlocks
        .filter((block) => block.language === language && !block.options.includes('nocheck'))
        .filter((block) => !only.option || block.options.some((option) => option === only.option || option.startsWith(`${only.option}=`)))
        .map((block) => ({ where: at(file, block.line), code: block.code, context: optionValue(block.options, 'context'), unitName: optionValue(block.options, 'systemd') })),
    );
}

describe('bundled notes library', () => {
  it('parses every note without a format problem', () => {
    assert.deepEqual(formatProblems, []);
  });

  it('has every required topic in English and Chinese', () => {
    for (const id of requiredTopics) {
      for (const language of noteLanguages) {
        assert.ok(library.has(`${language}/${id}`), `notes/${language}/${id}.md is missing`);
      }
    }
    for (const file of notes) {
      const other = file.note.language === 'en' ? 'zh-cn' : 'en';
      assert.ok(library.has(`${other}/${file.note.id}`), `${file.path} has no ${other} translation`);
    }
  });

  it('has the same sections and questions, with the same ids in the same order, in both languages', () => {
    for (const file of notes.filter((candidate) => candidate.note.language === 'en')) {
      const chinese = library.get(`zh-cn/${file.note.id}`)!;
      assert.deepEqual(chinese.note.sections.map((section) => `${section.kind}:${section.id}`), file.note.sections.map((section) => `${section.kind}:${section.id}`), `${file.note.id}: en and zh-cn differ`);
      assert.deepEqual(chinese.note.tags, file.note.tags, `${file.note.id}: tags differ`);
      assert.equal(chinese.note.order, file.note.order);
      assert.equal(chinese.note.icon, file.note.icon);
    }
  });

  it('has enough interview questions per topic, each with a follow-up', () => {
    for (const file of notes) {
      const questions = questionsOf(file.note);
      const minimum = minimumQuestions(file.note.id);
      assert.ok(questions.length >= minimum, `${file.path}: ${questions.length} questions, at least ${minimum} needed`);
      for (const question of questions) {
        assert.match(question.text, followUpMarker[file.note.language], `${file.path}:${question.line + 1}: "${question.title}" has no follow-up`);
      }
    }
  });

  it('has at least four validated examples per topic, five for the new topics', () => {
    for (const file of notes) {
      const examples = file.codeBlocks.filter(isExample).length;
      const minimum = newTopics.includes(file.note.id) ? 5 : 4;
      assert.ok(examples >= minimum, `${file.path}: ${examples} examples, at least ${minimum} needed`);
    }
  });

  it('names a highlighted language on every code block', () => {
    for (const file of notes) {
      for (const block of file.codeBlocks) {
        assert.ok(block.language && isHighlightedLanguage(block.language), `${at(file, block.line)}: fence language "${block.language}" is not highlighted`);
      }
    }
  });

  it('links only to notes, sections and snippets that exist, and to https pages', () => {
    const snippetIds = new Set(
      readdirSync(join(root, 'snippets')).flatMap((name) => parseSnippetFile(readFileSync(join(root, 'snippets', name), 'utf8'), name, name.replace(/\.json$/, '')).snippets.map((snippet) => snippet.id)),
    );
    const failures: string[] = [];
    for (const file of notes) {
      for (const { href, line } of file.links) {
        const link = classifyLink(href);
        const where = at(file, line);
        if (link.kind === 'refused') {
          failures.push(`${where}: link "${href}" is not allowed (${link.reason})`);
        } else if (link.kind === 'external' && !href.startsWith('https://')) {
          failures.push(`${where}: "${href}" should be https`);
        } else if (link.kind === 'snippet' && !snippetIds.has(link.snippetId)) {
          failures.push(`${where}: no snippet "${link.snippetId}"`);
        } else if (link.kind === 'note') {
          const target = link.noteId ? library.get(`${file.note.language}/${link.noteId}`) : file;
          if (!target) {
            failures.push(`${where}: no note "${link.noteId}"`);
          } else if (link.sectionId && !target.note.sections.some((section) => section.id === link.sectionId)) {
            failures.push(`${where}: no section "${link.sectionId}" in ${target.note.id}`);
          }
        }
      }
    }
    assert.deepEqual(failures, []);
  });

  it('maps the source notes to sections that exist (notes/CHANGES-FROM-SOURCE.md)', () => {
    const changes = readFileSync(join(root, 'notes', 'CHANGES-FROM-SOURCE.md'), 'utf8');
    for (const topic of ['Docker', 'Nginx', 'DataBase', 'Python', 'Redis', 'REST']) {
      assert.match(changes, new RegExp(`^## .*${topic}`, 'mi'), `no part for ${topic}`);
    }
    const references = [...changes.matchAll(/\b([a-z]+)(?:\.md)?#([a-z0-9-]+)/g)].filter((match) => requiredTopics.includes(match[1]));
    assert.ok(references.length > 150, `${references.length} references`);
    const broken = references.filter(([, noteId, sectionId]) => !library.get(`en/${noteId}`)?.note.sections.some((section) => section.id === sectionId)).map((match) => match[0]);
    assert.deepEqual([...new Set(broken)], []);
    assert.ok((changes.match(/https:\/\//g) ?? []).length > 40, 'corrections cite their primary sources');
  });

  it('lists primary sources as https URLs', () => {
    for (const file of notes) {
      for (const source of file.note.verified?.sources ?? []) {
        assert.match(source, /^https:\/\/\S+$/, `${file.path}: source "${source}"`);
      }
    }
  });

  it('contains no e-mail addresses or phone numbers', () => {
    for (const file of notes) {
      const emails = [...file.text.matchAll(/[\w.+-]+@[\w-]+\.[\w.-]+/g)].map((match) => match[0]).filter((email) => !/@(example\.(com|org|net)|localhost)$/.test(email) && !/^(git|noreply)@/.test(email));
      assert.deepEqual(emails, [], `${file.path} contains e-mail addresses`);
      // Mainland mobile numbers; placeholders such as 13800000000 are fine.
      const phones = [...file.text.matchAll(/(?<![\d.:-])1[3-9]\d{9}(?!\d)/g)].map((match) => match[0]).filter((number) => !/0{6}$/.test(number));
      assert.deepEqual(phones, [], `${file.path} contains what looks like a phone number`);
    }
  });
});

describe('bundled notes examples', function () {
  this.timeout(120_000);

  it('nginx examples pass nginx -t', () => assert.deepEqual(checkNginx(samples('nginx')), []));
  it('Python examples compile', () => assert.deepEqual(compilePython(samples('python')), []));
  it('SQL examples parse as MySQL', () => assert.deepEqual(parseSql(samples('sql')), []));
  it('YAML and JSON examples parse', () => assert.deepEqual([...parseYamlSamples(samples('yaml')), ...parseJsonSamples(samples('json'))], []));
  it('bash examples pass bash -n', () => assert.deepEqual(checkBash(samples('bash')), []));
  it('ini examples parse', () => assert.deepEqual(checkIni(samples('ini')), []));
  it('JavaScript examples pass node --check', () => assert.deepEqual(checkJavaScript(samples('javascript')), []));
  it('Kubernetes manifests match the official schemas, with no unknown keys', () => assert.deepEqual(checkKubernetesManifests(samples('yaml', { option: 'k8s' })), []));
  it('`python run` examples run to exit 0 with Debian python3 (Kafka, RabbitMQ and Argon2 clients)', () => assert.deepEqual(runPython(samples('python', { option: 'run' })), []));
  it('bash examples of the new topics pass shellcheck', () => assert.deepEqual(checkShellcheck(samples('bash', { topics: newTopics })), []));
  it('systemd units pass systemd-analyze verify', () => assert.deepEqual(checkSystemdUnits(samples('ini', { option: 'systemd' })), []));
  it('has the validators it needs on this machine', () => assert.ok(existsSync('/usr/bin/python3') && existsSync('/bin/bash')));
});
