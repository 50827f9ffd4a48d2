import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const readJson = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8')) as Record<string, unknown>;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Every string literal passed to vscode.l10n.t in the extension's code. */
function localizedStrings(): Set<string> {
  const strings = new Set<string>();
  for (const file of sourceFiles(join(root, 'src'))) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/l10n\.t\(\s*(['"`])((?:\\.|(?!\1).)*)\1/g)) {
      strings.add(match[2].replace(/\\(['"`\\])/g, '$1'));
    }
  }
  return strings;
}

describe('translations', () => {
  it('translates every vscode.l10n.t string into Chinese', () => {
    const bundle = readJson('l10n/bundle.l10n.zh-cn.json');
    const strings = localizedStrings();
    assert.ok(strings.size > 10, `found ${strings.size} strings`);
    const missing = [...strings].filter((text) => typeof bundle[text] !== 'string' || (bundle[text] as string).trim() === '');
    assert.deepEqual(missing, [], 'add these to l10n/bundle.l10n.zh-cn.json');
    const unused = Object.keys(bundle).filter((key) => !strings.has(key));
    assert.deepEqual(unused, [], 'remove these from l10n/bundle.l10n.zh-cn.json');
  });

  it('keeps the same placeholders in each translation', () => {
    const bundle = readJson('l10n/bundle.l10n.zh-cn.json');
    for (const [english, chinese] of Object.entries(bundle)) {
      const placeholders = (text: string) => (text.match(/\{\d+\}/g) ?? []).sort().join();
      assert.equal(placeholders(chinese as string), placeholders(english), english);
    }
  });

  it('defines every %key% of package.json in English and Chinese', () => {
    const manifest = readFileSync(join(root, 'package.json'), 'utf8');
    const keys = new Set([...manifest.matchAll(/"%([^%"]+)%"/g)].map((match) => match[1]));
    const english = readJson('package.nls.json');
    const chinese = readJson('package.nls.zh-cn.json');
    assert.ok(keys.size > 5);
    assert.deepEqual([...keys].filter((key) => !(key in english)), [], 'missing in package.nls.json');
    assert.deepEqual(Object.keys(english).filter((key) => !(key in chinese)), [], 'missing in package.nls.zh-cn.json');
    assert.deepEqual(Object.keys(chinese).filter((key) => !(key in english)), [], 'only in package.nls.zh-cn.json');
  });
});
