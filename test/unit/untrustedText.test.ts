// Untrusted text reaches notifications, the status bar, tree items and hovers only as text.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { escapeMarkdown, plainUiText } from '../../src/core/text/untrustedText';

const root = join(__dirname, '..', '..');
/** VS Code's own link syntax for notifications (linkedText.ts): `[label](https:|command:|file:…)`. */
const notificationLink = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/gi;

function sourceFiles(folder: string): string[] {
  return readdirSync(join(root, folder), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(folder, entry.name)) : entry.name.endsWith('.ts') ? [join(folder, entry.name)] : [],
  );
}

describe('untrusted text', () => {
  it('leaves no link VS Code would render in a notification', () => {
    const heading = 'Note evil.md, line 12: heading "[Fix the note format now](command:workbench.action.files.newUntitledFile)" needs an id';
    const plain = plainUiText(heading);
    assert.equal(plain.match(notificationLink), null);
    assert.equal(plain.replaceAll('\u200b', ''), heading, 'the words stay as they were');
    fc.assert(
      fc.property(fc.string(), fc.string(), (label, target) => plainUiText(`[${label}](command:${target})`).match(notificationLink) === null),
    );
  });

  it('shows no icon syntax, no line breaks, and keeps to its length', () => {
    assert.doesNotMatch(plainUiText('$(zap) free'), /\$\(/);
    assert.equal(plainUiText('one\ntwo\r\nthree\u2028four'), 'one two three four');
    assert.equal(plainUiText('x'.repeat(600)).length, 500);
    assert.ok(plainUiText('x'.repeat(600)).endsWith('…'));
  });

  it('escapes every Markdown mark in hover text', () => {
    assert.equal(escapeMarkdown('[x](command:a) **b** $(zap) <img>'), '\\[x\\]\\(command\\:a\\) \\*\\*b\\*\\* \\$\\(zap\\) \\<img\\>');
  });

  it('is the only way to a notification: no code calls window.show*Message itself', () => {
    const direct = sourceFiles('src')
      .filter((file) => !file.endsWith(join('host', 'notify.ts')))
      .flatMap((file) => (/\bshow(?:Information|Warning|Error)Message\s*\(/.test(readFileSync(join(root, file), 'utf8')) ? [file] : []));
    assert.deepEqual(direct, [], 'use showInformation/showWarning/showError from src/host/notify.ts');
  });
});
