import { strict as assert } from 'node:assert';
import { parseSnippetFile } from '../../src/core/snippets/snippet';
import { expandSnippetBody } from '../../src/core/snippets/snippetBody';

describe('snippet files', () => {
  it('reads VS Code snippet JSON with comments and trailing commas', () => {
    const text = `{
      // a comment
      "Exec form": {
        "id": "docker.entrypoint.exec",
        "prefix": ["entrypoint-exec", "ENTRYPOINT"],
        "body": ["ENTRYPOINT [\\"\${1:top}\\", \\"-b\\"]"],
        "description": "Exec form.",
        "note": "docker#cmd-entrypoint",
      },
    }`;
    const { snippets, problems } = parseSnippetFile(text, 'dockerfile.json', 'dockerfile');
    assert.deepEqual(problems, []);
    assert.equal(snippets.length, 1);
    assert.deepEqual(snippets[0].prefixes, ['entrypoint-exec', 'ENTRYPOINT']);
    assert.deepEqual(snippets[0].languages, ['dockerfile']);
    assert.deepEqual(snippets[0].note, { noteId: 'docker', sectionId: 'cmd-entrypoint' });
  });

  it('reports a syntax error with its line and loads nothing from that file', () => {
    const { snippets, problems } = parseSnippetFile('{\n  "a": {\n    "prefix": "x",\n    "body": "y"\n  \n', 'broken.json', 'python');
    assert.equal(snippets.length, 0);
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /not valid JSON/);
    assert.ok(problems[0].line >= 3, `line ${problems[0].line}`);
  });

  it('skips a bad entry, names it, and keeps the good ones', () => {
    const { snippets, problems } = parseSnippetFile('{"good": {"prefix": "g", "body": "x"}, "bad": {"prefix": 3, "body": "x"}}', 'f.json', 'go');
    assert.deepEqual(snippets.map((snippet) => snippet.name), ['good']);
    assert.match(problems[0].message, /snippet "bad": "prefix"/);
  });

  it('uses scope over the file name', () => {
    const { snippets } = parseSnippetFile('{"s": {"prefix": "s", "body": "x", "scope": "yaml, dockercompose"}}', 'compose.code-snippets');
    assert.deepEqual(snippets[0].languages, ['yaml', 'dockercompose']);
  });
});

describe('snippet expansion', () => {
  it('keeps defaults of placeholders and choices, drops tab stops, unescapes', () => {
    assert.equal(expandSnippetBody('a ${1:x ${2:nested}} $2 ${3|one,two|} \\$HOME ${4:{\\}} $0'), 'a x nested  one $HOME {} ');
  });

  it('reads placeholders nested past a hundred levels as text instead of exhausting the stack', () => {
    const hostile = '${1:'.repeat(20_000) + 'x' + '}'.repeat(20_000);
    const expanded = expandSnippetBody(hostile);
    assert.ok(expanded.includes('x'));
    assert.equal(expandSnippetBody('${1:'.repeat(50) + 'x' + '}'.repeat(50)), 'x', 'ordinary nesting still expands');
  });
});
