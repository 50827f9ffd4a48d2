// The checks over the bundled snippet library (snippets/*.json). Every snippet is expanded the
// way VS Code inserts it with all placeholders at their defaults (and once per alternative of
// each choice), then handed to the real tool for its language: nginx -t, python3, javac + java,
// go, tsc, node, docker-compose, dockerfile-utils, node-sql-parser, the official Kubernetes
// schemas, bash -n + shellcheck, systemd-analyze verify, and Debian's python3 for the snippets
// that need its packages (confluent-kafka, pika, argon2-cffi). A missing tool fails the check
// with the package to install; nothing is skipped.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import { parse as parseYaml } from 'yaml';
import { noteLanguages } from '../../src/core/notes/note';
import { parseNote } from '../../src/core/notes/noteParser';
import { parseSnippetFile, type Snippet } from '../../src/core/snippets/snippet';
import { expandSnippetBody } from '../../src/core/snippets/snippetBody';
import { checkKubernetesManifests } from '../support/kubernetesManifests';
import {
  checkBash,
  checkCompose,
  checkDockerfiles,
  checkJavaScript,
  checkNginx,
  checkShellcheck,
  checkSystemdUnits,
  compilePython,
  debianPython,
  missingTool,
  parseSql,
  runPython as runDebianPython,
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

/** The value at a dotted path (`spec.containers.0.name`) of parsed YAML, or undefined. */
const field = (value: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), value);

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

/**
 * A script for Debian's python3 -I (one file, nothing else on the path): it loads the snippet
 * as the module `m`, so its `if __name__ == "__main__":` block does not run, then runs `checks`.
 */
const withSnippetModule = (code: string, checks: string) => `import types

m = types.ModuleType("snippet")
exec(compile(${JSON.stringify(code)}, "snippet.py", "exec"), m.__dict__)

${checks}`;

/** Port 1 on the loopback: the Kafka clients below stay offline even where a broker listens on 9092. */
const noBroker = '{**m.CONF, "bootstrap.servers": "127.0.0.1:1"}';

/** Stand-ins for confluent-kafka's Message and Consumer: which offsets does consume() commit? */
const kafkaConsumerChecks = `from confluent_kafka import Consumer, KafkaError, KafkaException

assert m.CONF["enable.auto.commit"] is False, "offsets must be committed by the code"

# The real client, offline: polls return None and there is nothing to commit.
real = Consumer(${noBroker})
m.consume(real, m.handle, max_idle_polls=1)
real.close()


class FakeMessage:
    def __init__(self, partition, offset, value, error=None):
        self._p, self._o, self._v, self._e = partition, offset, value, error

    def error(self):
        return self._e

    def topic(self):
        return "orders"

    def partition(self):
        return self._p

    def offset(self):
        return self._o

    def key(self):
        return None

    def value(self):
        return self._v


class FakeConsumer:
    def __init__(self, messages):
        self.messages, self.committed = list(messages), []

    def poll(self, timeout):
        return self.messages.pop(0) if self.messages else None

    def commit(self, offsets, asynchronous):
        assert asynchronous is False
        self.committed.append(sorted((tp.partition, tp.offset) for tp in offsets))


eof = FakeMessage(0, 0, None, KafkaError(KafkaError._PARTITION_EOF))
fake = FakeConsumer([FakeMessage(0, 41, b"a"), eof, FakeMessage(1, 7, b"b"), FakeMessage(0, 42, b"c")])
handled = []
m.consume(fake, lambda key, value: handled.append(value), max_idle_polls=1)
assert handled == [b"a", b"b", b"c"], handled
assert fake.committed == [[(0, 43), (1, 8)]], fake.committed  # the next offset: offset + 1

fake = FakeConsumer([FakeMessage(0, 1, b"a"), FakeMessage(0, 2, b"b")])
m.consume(fake, lambda key, value: None, commit_every=1, max_idle_polls=1)
assert fake.committed == [[(0, 2)], [(0, 3)]], fake.committed


def failing(key, value):
    if value == b"boom":
        raise RuntimeError("handler failed")


fake = FakeConsumer([FakeMessage(0, 10, b"ok"), FakeMessage(0, 11, b"boom"), FakeMessage(0, 12, b"ok")])
try:
    m.consume(fake, failing, max_idle_polls=1)
    raise AssertionError("the handler's error was swallowed")
except RuntimeError:
    pass
assert fake.committed == [[(0, 11)]], fake.committed  # 11 is not committed: read again

fake = FakeConsumer([FakeMessage(0, 5, None, KafkaError(KafkaError._ALL_BROKERS_DOWN))])
try:
    m.consume(fake, failing, max_idle_polls=1)
    raise AssertionError("a consumer error was ignored")
except KafkaException:
    pass
print("consumer ok")
`;

/** The real Producer, offline: messages stay queued, purge() reports each to the callback. */
const kafkaProducerChecks = `from confluent_kafka import KafkaError, KafkaException, Producer

assert m.CONF["enable.idempotence"] is True and m.CONF["acks"] == "all"
producer = Producer(${noBroker})
for key in ("o-1", "o-2", "o-1"):
    m.send(producer, "orders", key, {"order": key})
assert len(producer) == 3, len(producer)  # no broker: still queued
assert producer.flush(0) == 3
producer.purge()
producer.poll(0)  # runs the delivery callbacks of the purged messages
assert [key for key, err in m.failed] == [b"o-1", b"o-2", b"o-1"], m.failed
assert all(err.code() == KafkaError._PURGE_QUEUE for key, err in m.failed), m.failed

# librdkafka refuses settings that would break idempotence.
for bad in ({"acks": "1"}, {"max.in.flight.requests.per.connection": 10}):
    try:
        Producer({**m.CONF, **bad})
    except KafkaException as exc:
        assert exc.args[0].code() == KafkaError._INVALID_ARG, exc
    else:
        raise AssertionError(f"accepted {bad}")
print("producer ok")
`;

/** A channel that checks every call against pika's BlockingChannel, and a connection that hands it out. */
const pikaFakes = `import inspect
import json

import pika
from pika import spec
from pika.adapters.blocking_connection import BlockingChannel
from pika.exceptions import UnroutableError


class CheckedChannel:
    """Records calls after checking them against pika's real BlockingChannel signatures."""

    def __init__(self):
        self.calls = []

    def __getattr__(self, name):
        signature = inspect.signature(getattr(BlockingChannel, name))

        def call(*args, **kwargs):
            signature.bind(self, *args, **kwargs)  # TypeError if pika would reject the call
            self.calls.append((name, kwargs))

        return call


class FakeConnection:
    channel_class = CheckedChannel

    def __init__(self, params):
        assert isinstance(params, pika.URLParameters)
        self.channel_ = self.channel_class()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def channel(self):
        return self.channel_


connections = []
pika.BlockingConnection = lambda params: connections.append(FakeConnection(params)) or connections[-1]
`;

/** The consumer's topology and run() against the checked channel; real Basic.Deliver frames drive on_message. */
const rabbitConsumerChecks = `${pikaFakes}
m.run()
calls = connections[0].channel_.calls
names = [name for name, kwargs in calls]
assert names.index("basic_qos") < names.index("basic_consume") and names[-1] == "start_consuming", names
consume = dict(calls)["basic_consume"]
assert consume["auto_ack"] is False and consume["queue"] == m.QUEUE, consume
assert dict(calls)["basic_qos"]["prefetch_count"] > 0
queues = {kwargs["queue"]: kwargs for name, kwargs in calls if name == "queue_declare"}
assert queues[m.QUEUE]["arguments"]["x-dead-letter-exchange"] == m.DLX, queues
assert queues[m.QUEUE]["durable"] and queues[m.DLQ]["durable"], queues
assert {"queue": m.DLQ, "exchange": m.DLX} in [kwargs for name, kwargs in calls if name == "queue_bind"], calls


def process(message):
    if message.get("psp") == "down":
        raise m.TransientError("payment provider unavailable")
    if message.get("amount", 0) <= 0:
        raise ValueError("bad amount")


m.process = process
ch = CheckedChannel()
props = pika.BasicProperties(content_type="application/json")
bodies = [b'{"amount": 10}', b"not json", b'{"amount": 0}', b'{"amount": 5, "psp": "down"}']
for tag, body in enumerate(bodies, 1):
    deliver = spec.Basic.Deliver(consumer_tag="c1", delivery_tag=tag, redelivered=False,
                                 exchange=m.EXCHANGE, routing_key="order.created")
    m.on_message(ch, deliver, props, body)
outcomes = [(name, kwargs["delivery_tag"], kwargs.get("requeue")) for name, kwargs in ch.calls]
assert outcomes == [("basic_ack", 1, None), ("basic_reject", 2, False), ("basic_reject", 3, False),
                    ("basic_reject", 4, True)], outcomes
print("rabbitmq consumer ok")
`;

/** Confirms on before the first publish, a persistent and mandatory message, and errors not swallowed. */
const rabbitPublisherChecks = `${pikaFakes}
m.run([("order.created", {"id": "o-1"}, "o-1")])
calls = connections[0].channel_.calls
names = [name for name, kwargs in calls]
assert "confirm_delivery" in names and names.index("confirm_delivery") < names.index("basic_publish"), names
published = dict(calls)["basic_publish"]
assert published["mandatory"] is True, published
assert published["properties"].delivery_mode == 2 and published["properties"].message_id == "o-1", published
assert json.loads(published["body"]) == {"id": "o-1"}


class RefusingChannel(CheckedChannel):
    def basic_publish(self, **kwargs):
        raise UnroutableError([])


FakeConnection.channel_class = RefusingChannel
try:
    m.run([("nowhere", {"id": "o-2"}, "o-2")])
    raise AssertionError("an unroutable message was ignored")
except UnroutableError:
    pass
print("rabbitmq publisher ok")
`;

const argon2Checks = `from argon2 import PasswordHasher

stored = m.hash_password("correct horse battery staple")
# OWASP's minimum for Argon2id: m=19456 KiB, t=2, p=1
assert stored.startswith("$argon2id$v=19$m=19456,t=2,p=1$"), stored
assert m.hash_password("correct horse battery staple") != stored, "no random salt"
assert m.verify_password(stored, "correct horse battery staple") == (True, None)
assert m.verify_password(stored, "Tr0ub4dor&3") == (False, None)
assert m.verify_password("not a hash", "correct horse battery staple") == (False, None)

# A hash made with weaker parameters still verifies and comes back rehashed.
old = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1).hash("hunter2")
ok, new = m.verify_password(old, "hunter2")
assert ok and new is not None and new.startswith("$argon2id$v=19$m=19456,t=2,p=1$"), new
assert m.verify_password(new, "hunter2") == (True, None)
print("argon2 ok")
`;

const parameterisedQueryChecks = `import sqlite3

conn = sqlite3.connect(":memory:")
conn.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT, email TEXT UNIQUE)")
for name in ("alice", "bob", "root"):
    m.add_user(conn, name, name + "@example.com")
assert m.find_users(conn, "bob") == [(2, "bob")]
assert m.find_users(conn, "nobody' OR '1'='1") == [], "the input was read as SQL"
assert m.find_users(conn, "alice", sort="name; DROP TABLE users") == [(1, "alice")]
assert m.find_users(conn, "alice", sort="newest", limit=1) == [(1, "alice")]
try:
    m.add_user(conn, "mallory", "alice@example.com")  # violates UNIQUE: rolled back
    raise AssertionError("the duplicate was inserted")
except sqlite3.IntegrityError:
    pass
assert not conn.in_transaction, "add_user left a transaction open"
assert conn.execute("SELECT count(*) FROM users").fetchone() == (3,)
print("parameterised query ok")
`;

/**
 * How each Python snippet is exercised beyond compiling; every Python snippet must be listed.
 * `debian`: the snippet needs Debian's packages (confluent-kafka, pika, argon2-cffi), so it runs
 * with Debian's python3 -I, as itself and under the script `debian` returns (see withSnippetModule).
 */
const pythonRuns: Record<
  string,
  { files?: (code: string) => Record<string, string>; script: (code: string) => string; expected?: RegExp } | { compileOnly: string } | { debian: (code: string) => string }
> = {
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
  'python.kafka.consumer': { debian: (code) => withSnippetModule(code, kafkaConsumerChecks) },
  'python.kafka.producer-idempotent': { debian: (code) => withSnippetModule(code, kafkaProducerChecks) },
  'python.rabbitmq.consumer': { debian: (code) => withSnippetModule(code, rabbitConsumerChecks) },
  'python.rabbitmq.publisher-confirms': { debian: (code) => withSnippetModule(code, rabbitPublisherChecks) },
  'python.security.argon2-password': { debian: (code) => withSnippetModule(code, argon2Checks) },
  'python.security.parameterised-query': { debian: (code) => withSnippetModule(code, parameterisedQueryChecks) },
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

  it('Kubernetes snippets pass the official schemas with no unknown key, every choice included, and fit together', () => {
    const snippets = inLanguage('kubernetes');
    assert.ok(snippets.length >= 8, `${snippets.length} Kubernetes snippets`);
    assert.deepEqual(checkKubernetesManifests(samplesOf(snippets)), []);
    // With their defaults the snippets describe one application: the objects find each other.
    const manifest = (id: string) => parseYaml(byId(id).code) as unknown;
    const deployment = manifest('kubernetes.deployment');
    const container = field(deployment, 'spec.template.spec.containers.0');
    for (const probe of ['startupProbe', 'readinessProbe', 'livenessProbe', 'resources.requests.cpu', 'resources.requests.memory', 'resources.limits.memory']) {
      assert.ok(field(container, probe) !== undefined, `the Deployment's container has no ${probe}`);
    }
    assert.equal(field(deployment, 'spec.strategy.type'), 'RollingUpdate');
    assert.ok(field(deployment, 'spec.strategy.rollingUpdate.maxSurge') !== undefined && field(deployment, 'spec.strategy.rollingUpdate.maxUnavailable') !== undefined);
    const podLabels = field(deployment, 'spec.template.metadata.labels');
    assert.deepEqual(field(deployment, 'spec.selector.matchLabels'), podLabels);
    const service = manifest('kubernetes.service');
    assert.deepEqual(field(service, 'spec.selector'), podLabels, 'the Service does not select the Deployment');
    assert.equal(field(service, 'spec.ports.0.targetPort'), field(container, 'ports.0.name'));
    const ingress = manifest('kubernetes.ingress');
    assert.equal(field(ingress, 'spec.rules.0.http.paths.0.backend.service.name'), field(service, 'metadata.name'));
    assert.equal(field(ingress, 'spec.rules.0.http.paths.0.backend.service.port.name'), field(service, 'spec.ports.0.name'));
    assert.deepEqual(field(ingress, 'spec.tls.0.hosts'), [field(ingress, 'spec.rules.0.host')]);
    const hpa = manifest('kubernetes.hpa');
    assert.equal(field(hpa, 'apiVersion'), 'autoscaling/v2');
    assert.deepEqual(field(hpa, 'spec.scaleTargetRef'), { apiVersion: 'apps/v1', kind: 'Deployment', name: field(deployment, 'metadata.name') });
    assert.deepEqual(field(manifest('kubernetes.pdb'), 'spec.selector.matchLabels'), podLabels, 'the PodDisruptionBudget does not select the Deployment');
    // The Pod reads the ConfigMap and the Secret both as environment variables and as volumes.
    const pod = manifest('kubernetes.pod.config-secret');
    const configMap = manifest('kubernetes.configmap');
    const secret = manifest('kubernetes.secret');
    const app = field(pod, 'spec.containers.0');
    assert.equal(field(app, 'envFrom.0.configMapRef.name'), field(configMap, 'metadata.name'));
    const secretRef = field(app, 'env.0.valueFrom.secretKeyRef');
    assert.equal(field(secretRef, 'name'), field(secret, 'metadata.name'));
    assert.ok(field(secret, `stringData.${String(field(secretRef, 'key'))}`) !== undefined, 'the Pod reads a key the Secret does not have');
    const volumes = field(pod, 'spec.volumes') as unknown[];
    assert.ok(volumes.some((volume) => field(volume, 'configMap.name') === field(configMap, 'metadata.name')), 'no ConfigMap volume');
    assert.ok(volumes.some((volume) => field(volume, 'secret.secretName') === field(secret, 'metadata.name')), 'no Secret volume');
    const mounted = (field(app, 'volumeMounts') as unknown[]).map((mount) => field(mount, 'name'));
    assert.deepEqual(mounted.sort(), volumes.map((volume) => field(volume, 'name')).sort(), 'every volume is mounted');
  });

  it('shell script snippets pass bash -n and shellcheck, and the strict-mode script fails loudly and cleans up', () => {
    const snippets = inLanguage('shellscript');
    assert.ok(snippets.length >= 1, `${snippets.length} shell script snippets`);
    const samples = samplesOf(snippets);
    assert.deepEqual([...checkBash(samples), ...checkShellcheck(samples)], []);
    const script = byId('shellscript.strict-mode').code;
    assert.match(script, /^#!\/usr\/bin\/env bash\n/);
    assert.match(script, /^set -E?euo pipefail$/m);
    assert.match(script, /^IFS=\$'\\n\\t'$/m);
    assert.match(script, /^trap cleanup EXIT\b/m);
    // Run it: help, argument errors, a good run, and a failing one that leaves nothing behind.
    const dir = writeTempFiles('snippet-bash-', { 'strict.sh': script, 'in/a.txt': 'a\n', 'in/b.txt': 'b\n', 'tmp/.keep': '' });
    try {
      const env = { ...process.env, TMPDIR: join(dir, 'tmp') };
      const run = (...args: string[]) => runTool('bash', ['strict.sh', ...args], { cwd: dir, env });
      const help = run('-h');
      assert.equal(help.status, 0, help.summary);
      assert.match(help.stdout, /^Usage: /);
      for (const args of [[], ['-o'], ['-o', 'out'], ['-x', '-o', 'out', 'in/a.txt']]) {
        const wrong = run(...args);
        assert.notEqual(wrong.status, 0, `strict.sh ${args.join(' ')} succeeded`);
        assert.match(wrong.stderr, /strict\.sh: /, `strict.sh ${args.join(' ')} did not say why`);
      }
      const good = run('-v', '-o', 'out', 'in/a.txt', 'in/b.txt');
      assert.equal(good.status, 0, good.summary);
      assert.deepEqual(readdirSync(join(dir, 'out')).sort(), ['a.txt.gz', 'b.txt.gz']);
      const failed = run('-o', 'out2', 'in/a.txt', 'in/missing.txt');
      assert.notEqual(failed.status, 0);
      assert.ok(!existsSync(join(dir, 'out2')), 'a failed run left partial results');
      assert.deepEqual(readdirSync(join(dir, 'tmp')), ['.keep'], 'the temporary directory was not removed');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }).timeout(60_000);

  it('systemd snippets pass systemd-analyze verify, restart on failure and run sandboxed', () => {
    const snippets = inLanguage('systemd');
    assert.ok(snippets.length >= 1, `${snippets.length} systemd snippets`);
    assert.deepEqual(checkSystemdUnits(samplesOf(snippets)), []);
    const unit = byId('systemd.service.hardened').code;
    const section = (name: string) => new RegExp(`^\\[${name}\\]\\n([^[]*)`, 'm').exec(unit)?.[1] ?? '';
    assert.match(section('Unit'), /^StartLimitIntervalSec=\S+$/m, 'the start limit belongs in [Unit]');
    assert.match(section('Unit'), /^StartLimitBurst=\d+$/m);
    for (const setting of ['Restart=on-failure', 'RestartSec=\\S+', 'NoNewPrivileges=yes', 'ProtectSystem=strict', 'ProtectHome=yes', 'PrivateTmp=yes', 'CapabilityBoundingSet=$']) {
      assert.match(section('Service'), new RegExp(`^${setting}`, 'm'), `[Service] has no ${setting}`);
    }
  }).timeout(60_000);

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

  it('the Kafka, RabbitMQ, Argon2 and SQL snippets run with Debian\'s python3 -I, clients offline, and do what they say', () => {
    const missing = missingTool(debianPython, ['-I', '-c', 'import confluent_kafka, pika, argon2'], 'apt-get install python3-confluent-kafka python3-pika python3-argon2');
    assert.equal(missing, undefined, missing);
    const snippets = inLanguage('python').filter((snippet) => 'debian' in (pythonRuns[snippet.id] ?? {}));
    assert.deepEqual(snippets.map((snippet) => snippet.id).sort(), [
      'python.kafka.consumer',
      'python.kafka.producer-idempotent',
      'python.rabbitmq.consumer',
      'python.rabbitmq.publisher-confirms',
      'python.security.argon2-password',
      'python.security.parameterised-query',
    ]);
    const failures = snippets.flatMap((snippet) => {
      const run = pythonRuns[snippet.id] as { debian: (code: string) => string };
      return [
        // The snippet as a script, every choice: its __main__ block needs no broker.
        ...runDebianPython(samplesOf([snippet])),
        ...runDebianPython([{ where: `${snippet.file} ${snippet.id} (behaviour check)`, code: run.debian(snippet.code) }]),
      ];
    });
    assert.deepEqual(failures, []);
  }).timeout(180_000);

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
