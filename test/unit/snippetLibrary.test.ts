// The checks over the bundled snippet library (snippets/*.json). Every snippet is expanded the
// way VS Code inserts it with all placeholders at their defaults (and once per alternative of
// each choice), then handed to the real tool for its language: nginx -t, python3, javac + java,
// go, tsc, node, docker-compose, dockerfile-utils, node-sql-parser. A missing tool fails the
// check with the package to install; nothing is skipped.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import { noteLanguages } from '../../src/core/notes/note';
import { parseNote } from '../../src/core/notes/noteParser';
import { parseSnippetFile, type Snippet } from '../../src/core/snippets/snippet';
import { expandSnippetBody } from '../../src/core/snippets/snippetBody';
import {
  checkCompose,
  checkDockerfiles,
  checkJavaScript,
  checkNginx,
  compilePython,
  missingTool,
  parseSql,
  runTool,
  writeTempFiles,
  type CodeSample,
  type Failure,
} from '../support/validators';

const root = join(__dirname, '..', '..');
const snippetsDir = join(root, 'snippets');

interface LibrarySnippet extends Snippet {
  /** The entry as written, for fields the extension does not read (nginxContext). */
  readonly raw: Record<string, unknown>;
  /** The inserted text with every placeholder and choice at its default. */
  readonly code: string;
  /** `code`, then one text per non-default alternative of each choice. */
  readonly variants: readonly string[];
}

const loadProblems: string[] = [];

function loadSnippets(): LibrarySnippet[] {
  const result: LibrarySnippet[] = [];
  for (const name of readdirSync(snippetsDir).filter((file) => file.endsWith('.json')).sort()) {
    const text = readFileSync(join(snippetsDir, name), 'utf8');
    const parsed = parseSnippetFile(text, `snippets/${name}`, name.slice(0, -'.json'.length));
    loadProblems.push(...parsed.problems.map((problem) => `${problem.file}:${problem.line + 1}: ${problem.message}`));
    const raw = (parseJsonc(text, [], { allowTrailingComma: true }) ?? {}) as Record<string, Record<string, unknown>>;
    for (const snippet of parsed.snippets) {
      result.push({ ...snippet, raw: raw[snippet.name] ?? {}, code: expandSnippetBody(snippet.body), variants: choiceVariants(snippet.body) });
    }
  }
  return result;
}

/** The default expansion, plus one expansion per non-default option of every choice. */
function choiceVariants(body: string): string[] {
  const variants = [expandSnippetBody(body)];
  const choicePattern = /\$\{\d+\|((?:[^|\\]|\\.)*)\|\}/g;
  const choices = new Set([...body.matchAll(choicePattern)].map((match) => match[0]));
  for (const choice of choices) {
    const options = choice.slice(choice.indexOf('|') + 1, -2).split(/(?<!\\),/).map((option) => option.replace(/\\([,|\\])/g, '$1'));
    for (const option of options.slice(1)) {
      // Insert the option as literal snippet text, so `$` in it is not read as a variable.
      variants.push(expandSnippetBody(body.split(choice).join(option.replace(/[\\$}]/g, '\\$&'))));
    }
  }
  return variants;
}

/** Snippet variables (`$NAME`, `${NAME}`) left in a body: VS Code would replace them. */
function unescapedVariables(body: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '\\' && '$}\\'.includes(body[i + 1] ?? '')) {
      i++;
    } else if (body[i] === '$') {
      const match = /^\{?([A-Za-z_]\w*)/.exec(body.slice(i + 1));
      if (match) {
        found.push(`$${match[1]}`);
      }
    }
  }
  return found;
}

const library = loadSnippets();
const inLanguage = (language: string) => library.filter((snippet) => snippet.languages.includes(language));
const byId = (id: string) => {
  const snippet = library.find((candidate) => candidate.id === id);
  assert.ok(snippet, `snippet ${id} is missing`);
  return snippet;
};
const samplesOf = (snippets: readonly LibrarySnippet[], context?: (snippet: LibrarySnippet) => string): CodeSample[] =>
  snippets.flatMap((snippet) =>
    snippet.variants.map((code, index) => ({ where: `${snippet.file} ${snippet.id}${index === 0 ? '' : ` (choice variant ${index})`}`, code, context: context?.(snippet) })),
  );

const sectionCache = new Map<string, Set<string> | undefined>();

function sectionIds(noteId: string, language: string): Set<string> | undefined {
  const key = `${language}/${noteId}`;
  if (!sectionCache.has(key)) {
    sectionCache.set(key, readSectionIds(noteId, language));
  }
  return sectionCache.get(key);
}

function readSectionIds(noteId: string, language: string): Set<string> | undefined {
  const path = join(root, 'notes', language, `${noteId}.md`);
  if (!existsSync(path)) {
    return undefined;
  }
  const parsed = parseNote(readFileSync(path, 'utf8'), { expectedId: noteId, language: language as (typeof noteLanguages)[number] });
  return new Set(parsed.note?.sections.map((section) => section.id) ?? []);
}

/** Runs python3 on a script in a fresh directory holding `files`; returns a failure or nothing. */
function runPython(where: string, files: Record<string, string>, script: string, expected?: RegExp): Failure[] {
  const dir = writeTempFiles('snippet-python-', { ...files, 'check_snippet.py': script });
  try {
    const result = runTool('python3', ['check_snippet.py'], { cwd: dir, timeoutMs: 60_000 });
    if (result.status !== 0) {
      return [`${where}: python3 exited with ${result.status}: ${result.summary}`];
    }
    return expected && !expected.test(result.stdout) ? [`${where}: unexpected output ${JSON.stringify(result.stdout.trim().slice(0, 300))}, expected ${expected}`] : [];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const threads = 32;

/**
 * The singleton check: in each of 20 rounds a fresh copy of the snippet is created from 32
 * threads released at once by a Barrier, then twice in a row; every call must return the same
 * object. A tracer sleeps briefly on every line of the snippet, which widens each
 * check-then-create window: a version without the lock fails nearly every round.
 */
const pythonSingletonCheck = (snippetFile: string, fresh: string) => `import importlib
import sys
import threading
import time

SNIPPET, ROUNDS, N = ${JSON.stringify(snippetFile)}, 20, ${threads}


def slow_lines(frame, event, arg):
    if event == "line":
        time.sleep(0.0002)
    return slow_lines


threading.settrace(lambda frame, event, arg: slow_lines if frame.f_code.co_filename.endswith(SNIPPET) else None)


def fresh():
    """A zero-argument callable that returns the singleton, from a fresh copy of the snippet."""
${fresh}


for round in range(ROUNDS):
    make = fresh()
    barrier = threading.Barrier(N)
    seen = [None] * N

    def create(i):
        barrier.wait()
        seen[i] = make()

    workers = [threading.Thread(target=create, args=(i,)) for i in range(N)]
    for t in workers:
        t.start()
    for t in workers:
        t.join()
    distinct = len({id(x) for x in seen})
    assert seen[0] is not None, "nothing was created"
    assert distinct == 1, f"round {round}: {distinct} different instances from {N} threads"
    first, second = make(), make()
    assert first is second, "two calls returned two instances"
    assert first is seen[0], "the threads' instance differs from a later one"
print("one instance")
`;

/** `fresh()` for a class-like singleton: run the snippet again and take the name it defines. */
const freshClass = (name: string) => `    namespace = {"__name__": "singleton_snippet"}
    with open(SNIPPET, encoding="utf-8") as source:
        exec(compile(source.read(), SNIPPET, "exec"), namespace)
    return namespace[${JSON.stringify(name)}]`;

/** An in-memory stand-in for redis-py: enough of get/set/delete/register_script for the snippets. */
const fakeRedis = `import re
import time


class Redis:
    def __init__(self):
        self.data = {}
        self.expires = {}
        self.ttl_seconds = {}

    @classmethod
    def from_url(cls, url, **kwargs):
        return cls()

    def _alive(self, key):
        deadline = self.expires.get(key)
        if deadline is not None and time.monotonic() >= deadline:
            self.data.pop(key, None)
            self.expires.pop(key, None)
        return key in self.data

    def get(self, key):
        return self.data[key] if self._alive(key) else None

    def set(self, key, value, ex=None, px=None, nx=False):
        if nx and self._alive(key):
            return None
        self.data[key] = value
        seconds = ex if ex is not None else (px / 1000 if px is not None else None)
        self.ttl_seconds[key] = seconds
        self.expires[key] = None if seconds is None else time.monotonic() + seconds
        return True

    def delete(self, *keys):
        removed = 0
        for key in keys:
            if self._alive(key):
                del self.data[key]
                removed += 1
        return removed

    def register_script(self, script):
        # The snippet's Lua must compare the token before deleting; the fake runs the same logic.
        assert re.search(r"redis\\.call\\('get', KEYS\\[1\\]\\) == ARGV\\[1\\]", script), script
        assert "redis.call('del', KEYS[1])" in script, script

        def run(keys, args):
            return self.delete(keys[0]) if self.get(keys[0]) == args[0] else 0

        return run
`;

/** How each Python snippet is exercised beyond compiling; every Python snippet must be listed. */
const pythonRuns: Record<string, { files?: (code: string) => Record<string, string>; script: (code: string) => string; expected?: RegExp } | { compileOnly: string }> = {
  'python.singleton.decorator': { files: (code) => ({ 'singleton_snippet.py': code }), script: () => pythonSingletonCheck('singleton_snippet.py', freshClass('Config')) },
  'python.singleton.metaclass': { files: (code) => ({ 'singleton_snippet.py': code }), script: () => pythonSingletonCheck('singleton_snippet.py', freshClass('Database')) },
  'python.singleton.new': { files: (code) => ({ 'singleton_snippet.py': code }), script: () => pythonSingletonCheck('singleton_snippet.py', freshClass('Cache')) },
  'python.singleton.module': {
    // a fresh import each round; 32 threads import it at once
    files: (code) => ({ 'config.py': code }),
    script: () => pythonSingletonCheck('config.py', '    sys.modules.pop("config", None)\n    return lambda: importlib.import_module("config").settings'),
  },
  'python.threading.lock': { script: (code) => code, expected: /^total 400000$/m },
  'python.threading.queue': { script: (code) => code, expected: /^\[0, 1, 4, 9, 16, 25, 36, 49, 64, 81\]$/m },
  'python.asyncio.gather-timeout': { script: (code) => code, expected: /^\['a done', 'b done'\]$/m },
  'python.multiprocessing.pool': { files: (code) => ({ 'pool_snippet.py': code }), script: () => 'import runpy\nrunpy.run_path("pool_snippet.py", run_name="__main__")\n', expected: /^\[\d+, \d+, \d+, \d+\]$/m },
  'python.multiprocessing.queue': { files: (code) => ({ 'queue_snippet.py': code }), script: () => 'import runpy\nrunpy.run_path("queue_snippet.py", run_name="__main__")\n', expected: /^\[0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34, 36, 38\]$/m },
  'python.gunicorn.gevent-config': {
    files: (code) => ({ 'gunicorn.conf.py': code }),
    script: () => `import runpy

settings = runpy.run_path("gunicorn.conf.py")
assert settings["worker_class"] == "gevent", settings["worker_class"]
assert settings["workers"] >= 1 and settings["worker_connections"] >= 1
assert ":" in settings["wsgi_app"] and ":" in settings["bind"]
assert callable(settings["post_worker_init"])
print("gunicorn settings ok")
`,
    expected: /gunicorn settings ok/,
  },
  'python.redis.cache-aside': {
    files: (code) => ({ 'redis.py': fakeRedis, 'cache_snippet.py': code }),
    script: () => `import cache_snippet as c

calls = []


def load():
    calls.append(1)
    return {"id": 7, "name": "Ada"}


assert c.cached("user:7", load) == {"id": 7, "name": "Ada"}
assert c.cached("user:7", load) == {"id": 7, "name": "Ada"}
assert len(calls) == 1, "the second read must come from Redis"
assert 300 <= c.r.ttl_seconds["user:7"] <= 330, c.r.ttl_seconds["user:7"]
assert c.cached("user:8", lambda: None) is None
assert c.cached("user:8", lambda: 1 / 0) is None, "a cached miss must not hit the database"
assert c.r.ttl_seconds["user:8"] == 60
c.invalidate("user:7")
assert c.r.get("user:7") is None
ttls = set()
for i in range(50):
    c.cached(f"k{i}", lambda: i)
    ttls.add(c.r.ttl_seconds[f"k{i}"])
assert len(ttls) > 1, "TTLs carry no jitter"
print("cache-aside ok")
`,
    expected: /cache-aside ok/,
  },
  'python.redis.lock': {
    files: (code) => ({ 'redis.py': fakeRedis, 'lock_snippet.py': code }),
    script: () => `import lock_snippet as m

with m.redis_lock("job", ttl_ms=10_000, wait_s=0.2):
    assert m.r.ttl_seconds["lock:job"] == 10, "the lock needs a lease (PX)"
    try:
        with m.redis_lock("job", wait_s=0.2):
            raise AssertionError("acquired a held lock")
    except TimeoutError:
        pass
assert m.r.get("lock:job") is None, "not released"

with m.redis_lock("job2", wait_s=0.2):
    m.r.data["lock:job2"] = "another-client"  # our lease expired and someone else took it
assert m.r.get("lock:job2") == "another-client", "released another client's lock"
print("lock ok")
`,
    expected: /lock ok/,
  },
  'python.celery.task-retry': { compileOnly: 'needs Celery and a broker' },
  'python.flask-restful.resource': { compileOnly: 'needs Flask-RESTful' },
};

describe('bundled snippets', () => {
  it('load from every snippets/*.json without a problem', () => {
    assert.deepEqual(loadProblems, []);
    assert.ok(library.length >= 50, `only ${library.length} snippets`);
  });

  it('keep the prefixes the extension and its tests rely on', () => {
    const expected: [string, string][] = [
      ['dockerfile', 'entrypoint-exec'],
      ['dockerfile', 'entrypoint-shell'],
      ['dockerfile', 'cmd-exec'],
      ['dockerfile', 'cmd-shell'],
      ['nginx', 'location-proxy'],
      ['python', 'singleton'],
    ];
    for (const [language, prefix] of expected) {
      assert.ok(inLanguage(language).some((snippet) => snippet.prefixes.includes(prefix)), `no ${language} snippet with prefix "${prefix}"`);
    }
  });

  it('each have a unique topic.name id, a description and no unescaped $ variable', () => {
    const seen = new Map<string, string>();
    for (const snippet of library) {
      assert.match(snippet.id, /^[a-z]+(\.[a-z0-9-]+)+$/, `${snippet.file}: "${snippet.name}" id "${snippet.id}" is not topic.name`);
      assert.ok(!seen.has(snippet.id), `${snippet.file}: id ${snippet.id} is also used in ${seen.get(snippet.id)}`);
      seen.set(snippet.id, snippet.file);
      assert.ok(snippet.description.trim().length >= 20, `${snippet.file} ${snippet.id}: description missing or too short`);
      assert.deepEqual(unescapedVariables(snippet.body), [], `${snippet.file} ${snippet.id}: write a literal $ as \\\\$`);
    }
  });

  it('each link to a note section that exists in English and Chinese', () => {
    const failures: string[] = [];
    for (const snippet of library) {
      if (!snippet.note?.sectionId) {
        failures.push(`${snippet.file} ${snippet.id}: "note" must name a section: "topic#section-id"`);
        continue;
      }
      for (const language of noteLanguages) {
        const ids = sectionIds(snippet.note.noteId, language);
        if (!ids) {
          failures.push(`${snippet.file} ${snippet.id}: notes/${language}/${snippet.note.noteId}.md does not exist`);
        } else if (!ids.has(snippet.note.sectionId)) {
          failures.push(`${snippet.file} ${snippet.id}: no section #${snippet.note.sectionId} in notes/${language}/${snippet.note.noteId}.md`);
        }
      }
    }
    assert.deepEqual(failures, []);
  }).timeout(30_000);

  it('nginx snippets pass nginx -t in the context they name', () => {
    const snippets = inLanguage('nginx');
    for (const snippet of snippets) {
      assert.ok(['main', 'http', 'server', 'location'].includes(String(snippet.raw.nginxContext)), `${snippet.file} ${snippet.id}: "nginxContext" must be main, http, server or location`);
    }
    assert.ok(snippets.length >= 8, `${snippets.length} nginx snippets`);
    assert.deepEqual(checkNginx(samplesOf(snippets, (snippet) => String(snippet.raw.nginxContext))), []);
  }).timeout(60_000);

  it('Dockerfile snippets parse and have no dockerfile-utils diagnostics', () => {
    const snippets = inLanguage('dockerfile');
    assert.ok(snippets.length >= 15, `${snippets.length} Dockerfile snippets`);
    const samples = samplesOf(snippets).map((sample) => (/^\s*FROM\s/im.test(sample.code) ? sample : { ...sample, code: `FROM python:3.12-slim\n${sample.code}` }));
    assert.deepEqual(checkDockerfiles(samples), []);
  });

  it('Compose snippets pass docker-compose config', () => {
    const snippets = inLanguage('dockercompose');
    assert.ok(snippets.length >= 2, `${snippets.length} Compose snippets`);
    const stack = byId('compose.stack.web-db-redis-worker').code;
    for (const service of ['web', 'db', 'redis', 'worker']) {
      assert.match(stack, new RegExp(`^  ${service}:$`, 'm'), `the stack has no ${service} service`);
    }
    assert.match(stack, /condition: service_healthy/);
    assert.deepEqual(checkCompose(samplesOf(snippets)), []);
  }).timeout(60_000);

  it('SQL snippets parse as MySQL', () => {
    const snippets = inLanguage('sql');
    assert.ok(snippets.length >= 4, `${snippets.length} SQL snippets`);
    assert.deepEqual(parseSql(samplesOf(snippets)), []);
  });

  it('Python snippets compile, every choice included', () => {
    const missing = missingTool('python3', ['--version'], 'apt-get install python3');
    assert.equal(missing, undefined, missing);
    const snippets = inLanguage('python');
    assert.ok(snippets.length >= 14, `${snippets.length} Python snippets`);
    assert.deepEqual(compilePython(samplesOf(snippets)), []);
  }).timeout(30_000);

  it('Python singletons return one instance, also from 32 threads at once', () => {
    const missing = missingTool('python3', ['--version'], 'apt-get install python3');
    assert.equal(missing, undefined, missing);
    const singletons = inLanguage('python').filter((snippet) => snippet.id.startsWith('python.singleton.'));
    assert.deepEqual(singletons.map((snippet) => snippet.id).sort(), ['python.singleton.decorator', 'python.singleton.metaclass', 'python.singleton.module', 'python.singleton.new']);
    const failures = singletons.flatMap((snippet) => {
      const run = pythonRuns[snippet.id];
      assert.ok(run && 'script' in run);
      return runPython(`${snippet.file} ${snippet.id}`, run.files?.(snippet.code) ?? {}, run.script(snippet.code), /one instance/);
    });
    assert.deepEqual(failures, []);
  }).timeout(120_000);

  it('the other Python snippets run and do what they say (Redis replaced by an in-memory fake)', () => {
    const missing = missingTool('python3', ['--version'], 'apt-get install python3');
    assert.equal(missing, undefined, missing);
    const failures: string[] = [];
    for (const snippet of inLanguage('python').filter((candidate) => !candidate.id.startsWith('python.singleton.'))) {
      const run = pythonRuns[snippet.id];
      if (!run) {
        failures.push(`${snippet.id}: add it to pythonRuns (a check, or compileOnly with the reason)`);
      } else if ('script' in run) {
        failures.push(...runPython(`${snippet.file} ${snippet.id}`, run.files?.(snippet.code) ?? {}, run.script(snippet.code), run.expected));
      }
    }
    assert.deepEqual(failures, []);
  }).timeout(120_000);

  it('the Java singletons compile and return one instance, also from 32 threads at once', () => {
    for (const [tool, args] of [['javac', ['-version']], ['java', ['-version']]] as const) {
      const missing = missingTool(tool, args, 'apt-get install default-jdk-headless');
      assert.equal(missing, undefined, missing);
    }
    const accessors: Record<string, string> = { 'java.singleton.double-checked': 'getInstance()', 'java.singleton.holder': 'getInstance()', 'java.singleton.enum': 'INSTANCE' };
    const snippets = inLanguage('java');
    assert.deepEqual(snippets.map((snippet) => snippet.id).sort(), Object.keys(accessors).sort());
    // No test run can show a missing volatile reliably; the memory model needs it for this idiom.
    assert.match(byId('java.singleton.double-checked').code, /private static volatile \w+ instance;/, 'double-checked locking needs a volatile field');
    const failures = snippets.flatMap((snippet) => {
      const className = /\b(?:class|enum)\s+(\w+)/.exec(snippet.code)?.[1];
      assert.ok(className, `${snippet.id}: no class name`);
      const get = `${className}.${accessors[snippet.id]}`;
      const check = `import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

public class SingletonCheck {
    public static void main(String[] args) throws Exception {
        int n = ${threads};
        CyclicBarrier barrier = new CyclicBarrier(n);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Future<Object>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            futures.add(pool.submit(() -> {
                barrier.await();
                return ${get};
            }));
        }
        Object first = futures.get(0).get();
        for (Future<Object> future : futures) {
            if (future.get() != first || first == null) {
                throw new AssertionError("different instances from " + n + " threads");
            }
        }
        pool.shutdown();
        if (${get} != ${get} || ${get} != first) {
            throw new AssertionError("two calls returned two instances");
        }
        System.out.println("one instance");
    }
}
`;
      const dir = writeTempFiles('snippet-java-', { [`${className}.java`]: snippet.code, 'SingletonCheck.java': check });
      try {
        const compiled = runTool('javac', ['-Xlint:all', '-Werror', '-d', 'classes', `${className}.java`, 'SingletonCheck.java'], { cwd: dir });
        if (compiled.status !== 0) {
          return [`${snippet.file} ${snippet.id}: javac: ${compiled.summary}`];
        }
        const ran = runTool('java', ['-cp', 'classes', 'SingletonCheck'], { cwd: dir });
        return ran.status === 0 && /one instance/.test(ran.stdout) ? [] : [`${snippet.file} ${snippet.id}: java: ${ran.summary}`];
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
    assert.deepEqual(failures, []);
  }).timeout(120_000);

  it('the Go singleton is gofmt-clean, compiles and returns one instance to 32 goroutines', () => {
    const missing = missingTool('go', ['version'], 'apt-get install golang-go');
    assert.equal(missing, undefined, missing);
    const snippets = inLanguage('go');
    assert.deepEqual(snippets.map((snippet) => snippet.id), ['go.singleton.once']);
    const [snippet] = snippets;
    const packageName = /^package (\w+)/m.exec(snippet.code)?.[1];
    const typeName = /^type (\w+) struct/m.exec(snippet.code)?.[1];
    assert.ok(packageName && typeName, 'the snippet must declare a package and a struct type');
    const main = `package main

import (
	"fmt"
	"os"
	"sync"

	"snippetcheck/${packageName}"
)

func main() {
	const n = ${threads}
	results := make([]*${packageName}.${typeName}, n)
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			<-start
			results[i] = ${packageName}.Instance()
		}(i)
	}
	close(start)
	wg.Wait()
	for _, r := range results {
		if r == nil || r != results[0] {
			fmt.Println("different instances from", n, "goroutines")
			os.Exit(1)
		}
	}
	if ${packageName}.Instance() != results[0] {
		fmt.Println("two calls returned two instances")
		os.Exit(1)
	}
	fmt.Println("one instance")
}
`;
    const dir = writeTempFiles('snippet-go-', { 'go.mod': 'module snippetcheck\n\ngo 1.19\n', 'main.go': main, [`${packageName}/${packageName}.go`]: snippet.code });
    try {
      // A build cache kept in the temp directory between runs (it is content-addressed, so never
      // stale) makes later runs fast; no network: GOPROXY=off, and the check imports only std.
      const env = { ...process.env, GOCACHE: join(tmpdir(), 'interview-notes-go-build-cache'), GOPATH: join(dir, '.gopath'), GOPROXY: 'off', GOFLAGS: '', GO111MODULE: 'on', GOTOOLCHAIN: 'local' };
      const unformatted = runTool('gofmt', ['-l', `${packageName}/${packageName}.go`], { cwd: dir, env });
      assert.equal(unformatted.status, 0, `gofmt: ${unformatted.summary}`);
      assert.equal(unformatted.stdout.trim(), '', `${snippet.id} is not gofmt-formatted`);
      const vet = runTool('go', ['vet', './...'], { cwd: dir, env });
      assert.equal(vet.status, 0, `go vet: ${vet.summary}`);
      // The race detector needs cgo and a C compiler; without them the check runs plain.
      const raced = runTool('go', ['run', '-race', '.'], { cwd: dir, env });
      const raceUnsupported = raced.status !== 0 && /-race requires cgo|C compiler|"gcc": executable file not found|race detector is not supported/.test(raced.summary);
      const result = raceUnsupported ? runTool('go', ['run', '.'], { cwd: dir, env }) : raced;
      assert.equal(result.status, 0, `go run: ${result.summary}`);
      assert.match(result.stdout, /one instance/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }).timeout(180_000);

  it('TypeScript singletons pass tsc --strict and run; the private constructor keeps `new` out', () => {
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    assert.ok(existsSync(tsc), 'typescript is not installed (npm ci)');
    assert.deepEqual(inLanguage('typescript').map((snippet) => snippet.id).sort(), ['typescript.singleton.class', 'typescript.singleton.module']);
    const check = `import { config } from './config';
import * as again from './config';
import { Config } from './configClass';

if (config !== again.config || config.get('missing', 'fallback') !== 'fallback') {
  throw new Error('the module instance is not shared');
}
if (Config.getInstance() !== Config.getInstance()) {
  throw new Error('getInstance() returned two instances');
}
console.log('one instance');
`;
    const files = { 'config.ts': byId('typescript.singleton.module').code, 'configClass.ts': byId('typescript.singleton.class').code, 'check.ts': check };
    const dir = writeTempFiles('snippet-ts-', { ...files, 'negative.ts': "import { Config } from './configClass';\nexport const second = new Config();\n" });
    try {
      const options = ['--strict', '--noUnusedLocals', '--target', 'ES2022', '--module', 'commonjs', '--outDir', 'js'];
      const compiled = runTool(process.execPath, [tsc, ...options, ...Object.keys(files)], { cwd: dir });
      assert.equal(compiled.status, 0, `tsc: ${compiled.summary}`);
      const ran = runTool(process.execPath, [join('js', 'check.js')], { cwd: dir });
      assert.equal(ran.status, 0, `node: ${ran.summary}`);
      assert.match(ran.stdout, /one instance/);
      const negative = runTool(process.execPath, [tsc, ...options, '--noEmit', 'negative.ts'], { cwd: dir });
      assert.match(negative.stdout, /TS2673/, `\`new Config()\` outside the class should not compile: ${negative.summary}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }).timeout(120_000);

  it('JavaScript singletons pass node --check and run as ES modules', () => {
    assert.deepEqual(inLanguage('javascript').map((snippet) => snippet.id).sort(), ['javascript.singleton.class', 'javascript.singleton.module']);
    assert.deepEqual(checkJavaScript(samplesOf(inLanguage('javascript'))), []);
    const check = `import { config } from './config.mjs';
import { Config } from './configClass.mjs';

const again = await import('./config.mjs');
if (config !== again.config || config.get('missing', 'fallback') !== 'fallback') {
  throw new Error('the module instance is not shared');
}
const first = Config.getInstance();
if (first !== Config.getInstance()) {
  throw new Error('getInstance() returned two instances');
}
let refused = false;
try {
  new Config();
} catch {
  refused = true;
}
if (!refused) {
  throw new Error('a second new Config() was allowed');
}
console.log('one instance');
`;
    const dir = writeTempFiles('snippet-js-', { 'config.mjs': byId('javascript.singleton.module').code, 'configClass.mjs': byId('javascript.singleton.class').code, 'check.mjs': check });
    try {
      const ran = runTool(process.execPath, ['check.mjs'], { cwd: dir });
      assert.equal(ran.status, 0, `node: ${ran.summary}`);
      assert.match(ran.stdout, /one instance/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
