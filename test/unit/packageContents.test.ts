// The .vsix is the product: every file the extension loads at run time must be in it. The
// package is listed the way `vsce package` chooses files (.vscodeignore included).
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles, PackageManager } from '@vscode/vsce';

const root = join(__dirname, '..', '..');

function sourceFiles(folder: string): string[] {
  return readdirSync(join(root, folder), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(folder, entry.name)) : entry.name.endsWith('.ts') ? [join(folder, entry.name)] : [],
  );
}

/** What the code and the manifest name: bundles, webview scripts and styles, icons, notes, snippets, translations. */
function filesLoadedAtRunTime(): string[] {
  const files = new Set<string>();
  // Every bundle the build writes (a new webview script is a new outfile).
  for (const match of readFileSync(join(root, 'scripts', 'build.mjs'), 'utf8').matchAll(/outfile: '(dist\/[^']+)'/g)) {
    files.add(match[1]);
  }
  // Paths the host code joins to the extension's folder: `media('dist', 'webview', 'reader.js')`, `joinPath(extensionUri, 'media', 'x.svg')`.
  for (const file of sourceFiles('src/host')) {
    const text = readFileSync(join(root, file), 'utf8');
    for (const match of text.matchAll(/(?:\bmedia\(|extensionUri, )((?:'[\w.-]+'(?:, )?)+)\)/g)) {
      const parts = [...match[1].matchAll(/'([\w.-]+)'/g)].map((part) => part[1]);
      if (parts.at(-1)?.includes('.')) {
        files.add(parts.join('/'));
      }
    }
  }
  // Paths in the manifest: main, browser, icon, walkthrough media, language configurations.
  const manifest = readFileSync(join(root, 'package.json'), 'utf8');
  for (const match of manifest.matchAll(/"(?:main|browser|icon|image|markdown|configuration|path)": "\.?\/?((?:dist|media|language-configuration|snippets)\/[^"]+)"/g)) {
    files.add(match[1]);
  }
  for (const folder of ['notes/en', 'notes/zh-cn', 'snippets', 'l10n']) {
    for (const name of readdirSync(join(root, folder))) {
      files.add(`${folder}/${name}`);
    }
  }
  for (const name of ['package.nls.json', 'package.nls.zh-cn.json', 'README.md', 'LICENSE']) {
    files.add(name);
  }
  return [...files].sort();
}

describe('the .vsix contents', function () {
  this.timeout(60_000);

  it('finds what the code loads: bundles, the practice script, styles, notes', () => {
    const loaded = filesLoadedAtRunTime();
    for (const expected of ['dist/node/extension.js', 'dist/web/extension.js', 'dist/webview/reader.js', 'dist/webview/practice.js', 'dist/webview/policyWatch.js', 'media/reader.css', 'media/practice.css', 'notes/en/docker.md', 'l10n/bundle.l10n.zh-cn.json']) {
      assert.ok(loaded.includes(expected), `${expected} not found among ${loaded.join(', ')}`);
    }
  });

  it('packages every file the extension loads at run time', async () => {
    assert.ok(existsSync(join(root, 'dist', 'webview', 'practice.js')), 'build first (npm test does)');
    const packaged = new Set((await listFiles({ cwd: root, packageManager: PackageManager.None })).map((file) => file.replace(/\\/g, '/')));
    const missing = filesLoadedAtRunTime().filter((file) => !packaged.has(file));
    assert.deepEqual(missing, [], '.vscodeignore leaves these out of the package');
  });

  it('packages no source, tests or development files', async () => {
    const packaged = (await listFiles({ cwd: root, packageManager: PackageManager.None })).map((file) => file.replace(/\\/g, '/'));
    const unwanted = packaged.filter((file) => /^(src|test|bench|scripts|node_modules|out|\.vscode-test)\//.test(file) || file.endsWith('.map') || file.endsWith('.ts'));
    assert.deepEqual(unwanted, []);
  });
});
