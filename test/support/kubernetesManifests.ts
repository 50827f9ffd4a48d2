// Validator for ```yaml k8s``` blocks: each YAML document must be a Kubernetes object whose
// apiVersion/kind the installed `kubernetes-models` package knows, must pass that model's
// validate() (the official OpenAPI schema, compiled to an ajv validator), and must not carry
// keys the schema does not define.
//
// The package ships only the compiled validators, not the JSON schema documents, and those
// validators accept any extra key (the OpenAPI schema has no `additionalProperties: false`),
// so `livenesProbe` would pass. The strict check therefore watches the official validator
// itself: the document is wrapped in proxies that record which keys the validator reads. A
// compiled validator reads every property its schema declares (`data.livenessProbe === undefined
// || ...`, following each `$ref` into the referenced definition's validator) and enumerates
// the keys of map-typed objects (labels, annotations, data); a key present in the manifest
// that it never reads is not in the schema. Objects the validator neither reads nor enumerates
// are free-form (`x-kubernetes-preserve-unknown-fields`) or were never reached, and are skipped.
import { createRequire } from 'node:module';
import { isMap, isScalar, isSeq, parseAllDocuments, type Document } from 'yaml';
import type { CodeSample, Failure } from './validators';

interface ModelClass {
  new (data: object): object;
  readonly apiVersion?: string;
  readonly kind?: string;
  readonly prototype: { validate(): void };
}

interface AjvError {
  readonly instancePath: string;
  readonly message?: string;
}

type PathSegment = string | number;

/** What the validator did with one object of the manifest. */
interface Visit {
  readonly path: readonly PathSegment[];
  readonly target: object;
  readonly read: Set<string>;
  enumerated: boolean;
}

const loadModule = createRequire(__filename);
const apiVersionPattern = /^(?:[a-z0-9.-]+\/)?v\d+(?:(?:alpha|beta)\d+)?$/;
const kindPattern = /^[A-Z][A-Za-z0-9]*$/;

/** The model class for apiVersion/kind, or undefined when kubernetes-models has none. */
export function kubernetesModel(apiVersion: string, kind: string): ModelClass | undefined {
  if (!apiVersionPattern.test(apiVersion) || !kindPattern.test(kind)) {
    return undefined;
  }
  let exports: Record<string, unknown>;
  try {
    exports = loadModule(`kubernetes-models/${apiVersion}/${kind}`) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const model = exports[kind] as ModelClass | undefined;
  // Nested types (DeploymentSpec, Container) are models too, but have no apiVersion/kind.
  return typeof model === 'function' && model.apiVersion === apiVersion && model.kind === kind ? model : undefined;
}

export function checkKubernetesManifests(samples: readonly CodeSample[]): Failure[] {
  return samples.flatMap((sample) => {
    const { file, line } = splitWhere(sample.where);
    const at = (offset: number | undefined) => `${file}:${line + 1 + lineOf(sample.code, offset ?? 0)}`;
    const failures: Failure[] = [];
    const documents = parseAllDocuments(sample.code);
    if (!Array.isArray(documents)) {
      return [`${sample.where}: YAML: not a YAML stream`];
    }
    let objects = 0;
    for (const document of documents) {
      if (document.errors.length > 0) {
        failures.push(`${at(document.errors[0].pos[0])}: YAML: ${document.errors[0].message.split('\n')[0]}`);
        continue;
      }
      if (document.contents === null) {
        continue;
      }
      objects += 1;
      failures.push(...checkDocument(document, at));
    }
    if (objects === 0 && failures.length === 0) {
      failures.push(`${sample.where}: no Kubernetes object in the block`);
    }
    return failures;
  });
}

function checkDocument(document: Document, at: (offset: number | undefined) => string): Failure[] {
  const data: unknown = document.toJS();
  const start = document.contents?.range?.[0];
  if (!isPlainObject(data) || typeof data.apiVersion !== 'string' || typeof data.kind !== 'string') {
    return [`${at(start)}: not a Kubernetes object (apiVersion and kind must be strings)`];
  }
  const { apiVersion, kind } = data;
  const model = kubernetesModel(apiVersion, kind);
  if (!model) {
    return [`${at(start)}: unknown apiVersion/kind "${apiVersion}" "${kind}" (not in kubernetes-models)`];
  }
  const metadata = isPlainObject(data.metadata) ? data.metadata : {};
  const label = `${apiVersion} ${kind}${typeof metadata.name === 'string' ? ` ${metadata.name}` : ''}`;
  const instance = new model(data);
  const visits = new Map<object, Visit>();
  const failures: Failure[] = [];
  try {
    model.prototype.validate.call(watch(instance, [], visits));
  } catch (error) {
    const errors = ((error as { errors?: AjvError[] }).errors ?? []).slice(0, 5);
    if (errors.length === 0) {
      failures.push(`${at(start)}: ${label}: ${String((error as Error).message)}`);
    }
    for (const ajvError of errors) {
      const path = ajvError.instancePath.split('/').slice(1).map(decodePointer);
      failures.push(`${at(offsetOf(document, path, 'value') ?? start)}: ${label}: ${formatPath(path) || '(root)'} ${ajvError.message ?? 'is invalid'}`);
    }
  }
  for (const visit of visits.values()) {
    if (Array.isArray(visit.target) || visit.enumerated || visit.read.size === 0) {
      continue;
    }
    for (const key of Object.keys(visit.target)) {
      if (!visit.read.has(key)) {
        const path = [...visit.path, key];
        failures.push(`${at(offsetOf(document, path, 'key') ?? start)}: ${label}: unknown key ${formatPath(path)} (the ${apiVersion} ${kind} schema does not define "${key}")`);
      }
    }
  }
  return failures;
}

/** Wraps an object tree in proxies that record, per object, the keys read and whether its keys were listed. */
function watch(target: object, path: readonly PathSegment[], visits: Map<object, Visit>): object {
  const visit: Visit = { path, target, read: new Set(), enumerated: false };
  visits.set(target, visit);
  const children = new Map<string, object>();
  return new Proxy(target, {
    get(object, property, receiver) {
      const value: unknown = Reflect.get(object, property, receiver);
      if (typeof property !== 'string') {
        return value;
      }
      visit.read.add(property);
      if (value === null || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(object, property)) {
        return value;
      }
      let child = children.get(property);
      if (!child) {
        const segment = Array.isArray(object) && /^\d+$/.test(property) ? Number(property) : property;
        child = watch(value, [...path, segment], visits);
        children.set(property, child);
      }
      return child;
    },
    ownKeys(object) {
      visit.enumerated = true;
      return Reflect.ownKeys(object);
    },
  });
}

/** Offset in the block of the key (or value) at path, following the YAML nodes. */
function offsetOf(document: Document, path: readonly PathSegment[], part: 'key' | 'value'): number | undefined {
  let node: unknown = document.contents;
  let keyOffset: number | undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) {
        return undefined;
      }
      keyOffset = isScalar(pair.key) ? pair.key.range?.[0] : undefined;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
      keyOffset = (node as { range?: [number, number, number] } | undefined)?.range?.[0];
    } else {
      return undefined;
    }
  }
  const valueOffset = (node as { range?: [number, number, number] } | null | undefined)?.range?.[0];
  return part === 'key' ? (keyOffset ?? valueOffset) : (valueOffset ?? keyOffset);
}

function splitWhere(where: string): { file: string; line: number } {
  const match = /^(.*):(\d+)$/.exec(where);
  return match ? { file: match[1], line: Number(match[2]) } : { file: where, line: 0 };
}

/** Zero-based line of an offset in the code. */
function lineOf(code: string, offset: number): number {
  return code.slice(0, offset).split('\n').length - 1;
}

function formatPath(path: readonly PathSegment[]): string {
  return path.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`)).join('');
}

function decodePointer(segment: string): PathSegment {
  const text = segment.replace(/~1/g, '/').replace(/~0/g, '~');
  return /^\d+$/.test(text) ? Number(text) : text;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
