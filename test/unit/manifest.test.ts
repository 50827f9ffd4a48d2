import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseNote } from '../../src/core/notes/noteParser';
import { commands, dashboardViewType, readerViewType } from '../../src/host/commandIds';
import { settings } from '../../src/host/settings';

const root = join(__dirname, '..', '..');
const readJson = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8')) as Record<string, unknown>;

interface WalkthroughStep {
  id: string;
  title: string;
  description: string;
  media: { image?: string; markdown?: string; altText?: string };
}

const manifest = readJson('package.json') as {
  contributes: { walkthroughs: { steps: WalkthroughStep[] }[]; commands: { command: string }[]; configuration: { properties: Record<string, unknown> } };
  capabilities: { untrustedWorkspaces: { restrictedConfigurations: string[] }; virtualWorkspaces: unknown };
  galleryBanner?: unknown;
};
const vscodeignore = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n');

describe('manifest', () => {
  it('has a walkthrough whose steps each have media in the package and a command link in both languages', () => {
    const [walkthrough] = manifest.contributes.walkthroughs;
    assert.deepEqual(walkthrough.steps.map((step) => step.id), ['openSidebar', 'openNote', 'insertSnippet', 'search', 'practice', 'ownNote']);
    for (const nls of ['package.nls.json', 'package.nls.zh-cn.json']) {
      const strings = readJson(nls);
      for (const step of walkthrough.steps) {
        const description = strings[step.description.slice(1, -1)];
        assert.match(String(description), /\]\(command:interviewNotes\.|\]\(command:workbench\.view\.extension\.interviewNotes\)/, `${nls}: ${step.id} has a command link`);
        assert.ok(strings[step.title.slice(1, -1)], `${nls}: ${step.id} has a title`);
      }
    }
    for (const step of walkthrough.steps) {
      const media = step.media.image ?? step.media.markdown;
      assert.ok(media && existsSync(join(root, media)), `${step.id}: ${media} exists`);
      assert.ok(vscodeignore.includes(`!${media}`) || vscodeignore.includes(`!${media.replace(/[^/]+$/, '*.md')}`), `${step.id}: ${media} goes into the .vsix`);
    }
  });

  it('declares the user-note commands and settings, and restricts folder settings in untrusted workspaces', () => {
    const commands = manifest.contributes.commands.map((command) => command.command);
    for (const command of ['interviewNotes.newNote', 'interviewNotes.customizeNote', 'interviewNotes.editNote']) {
      assert.ok(commands.includes(command), command);
    }
    assert.ok('interviewNotes.notesFolders' in manifest.contributes.configuration.properties);
    assert.ok('interviewNotes.maxNoteSizeMB' in manifest.contributes.configuration.properties);
    // A workspace must not lift the note size limit: it is a setting of the user's.
    assert.deepEqual(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations.sort(), ['interviewNotes.maxNoteSizeMB', 'interviewNotes.notesFolders', 'interviewNotes.snippetFolders']);
    assert.equal(manifest.capabilities.virtualWorkspaces, true);
    assert.ok(manifest.galleryBanner);
  });

  it('documents every command and setting in the README, and its example note parses', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    for (const setting of Object.keys(manifest.contributes.configuration.properties)) {
      assert.ok(readme.includes(`\`${setting}\``), `README mentions ${setting}`);
    }
    const example = /## The note format[\s\S]*?```markdown\n([\s\S]*?)```\n/.exec(readme)?.[1];
    assert.ok(example, 'the README has an example note');
    const parsed = parseNote(example, { expectedId: 'kafka-basics', language: 'en' });
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.note?.sections.filter((section) => section.kind === 'question').length, 1);
  });
});

describe('the command and setting tables', () => {
  it('commandIds.ts lists exactly the commands the manifest contributes', () => {
    assert.deepEqual(Object.values(commands).sort(), manifest.contributes.commands.map((command) => command.command).sort());
  });

  it('wakes the extension for the reader and the dashboard panels VS Code restores after a reload', () => {
    const events = (readJson('package.json') as { activationEvents: string[] }).activationEvents;
    for (const viewType of [readerViewType, dashboardViewType]) {
      assert.ok(events.includes(`onWebviewPanel:${viewType}`), `onWebviewPanel:${viewType}`);
    }
  });

  it('settings.ts lists exactly the settings the manifest contributes', () => {
    assert.deepEqual(Object.values(settings).sort(), Object.keys(manifest.contributes.configuration.properties).sort());
  });
});

describe('the Node bundle', () => {
  it('leaves markdown-it, the highlighter and the search index to the text engine bundle', () => {
    const bundle = readFileSync(join(root, 'dist', 'node', 'extension.js'), 'utf8');
    const engine = readFileSync(join(root, 'dist', 'node', 'textEngine.js'), 'utf8');
    for (const part of ['node_modules/markdown-it/', 'src/core/search/invertedIndex.ts', 'src/core/render/highlight.ts']) {
      assert.ok(engine.includes(part), `the text engine holds ${part} (esbuild's source comments; build without --production)`);
      assert.ok(!bundle.includes(part), `dist/node/extension.js must not hold ${part}`);
    }
  });
});

describe('toolbars', () => {
  const menus = (readJson('package.json') as { contributes: { menus: Record<string, { command: string; group?: string; when?: string }[]> } }).contributes.menus;
  const isIcon = (item: { group?: string }) => item.group?.startsWith('navigation') ?? false;

  it('keeps four actions on the Topics view\'s toolbar (the fourth, Practice Dashboard, answers "am I ready?" in one click, issue #19), and the rest, practice tools included, in its ... menu', () => {
    const viewTitle = menus['view/title'].filter((item) => item.when?.includes('view == interviewNotes.topics'));
    assert.deepEqual(viewTitle.filter(isIcon).map((item) => item.command), ['interviewNotes.search', 'interviewNotes.practice', 'interviewNotes.newNote', 'interviewNotes.openDashboard']);
    const overflow = viewTitle.filter((item) => !isIcon(item)).map((item) => item.command);
    for (const command of ['interviewNotes.mockInterview', 'interviewNotes.exportProgress', 'interviewNotes.importProgress', 'interviewNotes.switchLanguage', 'interviewNotes.refresh']) {
      assert.ok(overflow.includes(command), `${command} is in the ... menu`);
    }
  });

  it('gives the reader tab one toolbar action', () => {
    const reader = menus['editor/title'].filter((item) => item.when?.includes("'interviewNotes.reader'"));
    assert.equal(reader.filter(isIcon).length, 1);
  });
});
