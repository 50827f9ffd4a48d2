import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { parseNote } from '../../src/core/notes/noteParser';
import { chatParticipantId, chatToolNames, commands, dashboardViewType, practiceViewType, readerViewType } from '../../src/host/commandIds';
import { settings } from '../../src/host/settings';

const root = join(__dirname, '..', '..');
const readJson = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8')) as Record<string, unknown>;

interface WalkthroughStep {
  id: string;
  title: string;
  description: string;
  media: { image?: string | Record<string, string>; markdown?: string; altText?: string };
}

const manifest = readJson('package.json') as {
  contributes: { walkthroughs: { steps: WalkthroughStep[] }[]; commands: { command: string }[]; configuration: { properties: Record<string, unknown> } };
  capabilities: { untrustedWorkspaces: { restrictedConfigurations: string[] }; virtualWorkspaces: unknown };
  galleryBanner?: unknown;
};
const hasChinese = (text: string) => /[\u4e00-\u9fff]/.test(text);

/** The files a step shows, in the language of the given package.nls file. */
function mediaFiles(step: WalkthroughStep, nls: string): string[] {
  const { image, markdown } = step.media;
  if (typeof image === 'object') {
    return Object.values(image);
  }
  const path = image ?? markdown ?? '';
  return [path.startsWith('%') ? String(readJson(nls)[path.slice(1, -1)]) : path];
}

const vscodeignore = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n');

describe('manifest', () => {
  it('has a walkthrough whose steps each have media in the package and a command link in both languages', () => {
    const [walkthrough] = manifest.contributes.walkthroughs;
    assert.deepEqual(walkthrough.steps.map((step) => step.id), ['openSidebar', 'openNote', 'insertSnippet', 'search', 'practice', 'ownNote', 'chat']);
    for (const nls of ['package.nls.json', 'package.nls.zh-cn.json']) {
      const strings = readJson(nls);
      for (const step of walkthrough.steps) {
        const description = strings[step.description.slice(1, -1)];
        assert.match(String(description), /\]\(command:interviewNotes\.|\]\(command:workbench\.view\.extension\.interviewNotes\)|\]\(command:workbench\.action\.chat\.open\?/, `${nls}: ${step.id} has a command link`);
        assert.ok(strings[step.title.slice(1, -1)], `${nls}: ${step.id} has a title`);
      }
    }
    for (const media of walkthrough.steps.flatMap((step) => mediaFiles(step, 'package.nls.json').concat(mediaFiles(step, 'package.nls.zh-cn.json')))) {
      assert.ok(existsSync(join(root, media)), `${media} exists`);
      assert.ok(vscodeignore.includes(`!${media}`) || vscodeignore.includes(`!${media.replace(/[^/]+$/, `*${extname(media)}`)}`), `${media} goes into the .vsix`);
    }
  });

  it('shows each walkthrough step in one language, with a light and a dark image, naming commands as the palette does', () => {
    const [walkthrough] = manifest.contributes.walkthroughs;
    for (const [nls, language] of [['package.nls.json', 'en'], ['package.nls.zh-cn.json', 'zh-cn']] as const) {
      const strings = readJson(nls);
      const category = String(strings['command.category']);
      const commandTitles = new Set(Object.entries(strings).filter(([key]) => key.startsWith('command.')).map(([, title]) => String(title)));
      for (const step of walkthrough.steps) {
        const { image, markdown } = step.media;
        if (image !== undefined) {
          assert.equal(typeof image, 'object', `${step.id}: the image follows the theme`);
          const themed = image as Record<string, string>;
          assert.notEqual(themed.light, themed.dark, `${step.id}: the light theme gets its own image`);
          assert.ok(themed.hc && themed.hcLight, `${step.id}: high-contrast themes get an image`);
          const altText = String(strings[String(step.media.altText).slice(1, -1)]);
          assert.equal(hasChinese(altText), language === 'zh-cn', `${nls}: ${step.id}'s alt text is in one language`);
        }
        const texts = [String(strings[step.title.slice(1, -1)]), String(strings[step.description.slice(1, -1)])];
        if (markdown !== undefined) {
          texts.push(readFileSync(join(root, String(strings[markdown.slice(1, -1)])), 'utf8').replace(/```[\s\S]*?```/g, ''));
        }
        for (const text of texts) {
          // Every line of prose (code and link targets aside): Chinese in the Chinese texts, none in the English ones.
          const prose = text.split('\n').map((line) => line.replace(/`[^`]*`|\]\([^)]*\)/g, '')).filter((line) => /[A-Za-z\u4e00-\u9fff]{2}/.test(line));
          for (const line of prose) {
            assert.equal(hasChinese(line), language === 'zh-cn', `${nls}: ${step.id}: "${line}" is in ${language}`);
          }
          // **Category: Title** and button links name a command by its title in the palette.
          for (const [, named] of text.matchAll(/\*\*([^*]+)\*\*/g)) {
            const title = named.startsWith(`${category}: `) ? named.slice(category.length + 2) : undefined;
            if (title !== undefined) {
              assert.ok(commandTitles.has(title), `${nls}: ${step.id} names the command "${named}", which does not exist`);
            }
          }
          for (const [, label, id] of text.matchAll(/\[([^\]]+)\]\(command:interviewNotes\.(\w+)\)/g)) {
            const title = String(strings[`command.${id}`] ?? '').replace(/\.\.\.$/, '');
            assert.equal(label, title, `${nls}: ${step.id}'s button names its command as the palette does`);
          }
        }
      }
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

  it('wakes the extension for the reader, practice and dashboard panels VS Code restores after a reload', () => {
    const events = (readJson('package.json') as { activationEvents: string[] }).activationEvents;
    for (const viewType of [readerViewType, practiceViewType, dashboardViewType]) {
      assert.ok(events.includes(`onWebviewPanel:${viewType}`), `onWebviewPanel:${viewType}`);
    }
  });

  it('settings.ts lists exactly the settings the manifest contributes', () => {
    assert.deepEqual(Object.values(settings).sort(), Object.keys(manifest.contributes.configuration.properties).sort());
  });
});

describe('the chat participant and the language model tools', () => {
  const contributes = (manifest as unknown as { contributes: { chatParticipants: { id: string; name: string; commands: { name: string; description: string }[] }[]; languageModelTools: { name: string; toolReferenceName: string; modelDescription: string; displayName: string; canBeReferencedInPrompt: boolean; inputSchema: { required?: string[]; properties: Record<string, unknown> } }[] } }).contributes;
  const strings = [readJson('package.nls.json'), readJson('package.nls.zh-cn.json')];

  it('declares @interview with /quiz, /explain and /search, described in both languages', () => {
    const [participant] = contributes.chatParticipants;
    assert.equal(participant.id, chatParticipantId);
    assert.equal(participant.name, 'interview');
    assert.deepEqual(participant.commands.map((command) => command.name), ['quiz', 'explain', 'search']);
    for (const command of participant.commands) {
      for (const nls of strings) {
        assert.ok(nls[command.description.slice(1, -1)], `${command.name} is described`);
      }
    }
  });

  it('declares exactly the tools the code registers, each with a model description, a reference name and a schema', () => {
    assert.deepEqual(contributes.languageModelTools.map((tool) => tool.name).sort(), Object.values(chatToolNames).sort());
    for (const tool of contributes.languageModelTools) {
      assert.ok(tool.modelDescription.length > 100, `${tool.name} says when to use it`);
      assert.ok(tool.canBeReferencedInPrompt && tool.toolReferenceName.startsWith('interviewNotes'), `${tool.name} can be referenced as #${tool.toolReferenceName}`);
      assert.ok(Object.keys(tool.inputSchema.properties).length > 0);
      for (const nls of strings) {
        assert.ok(nls[tool.displayName.slice(1, -1)], `${tool.name} has a display name`);
      }
    }
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

  it('puts Set Interview Date and Export Questions for Anki in the Topics view\'s ... menu, Anki beside the progress export', () => {
    const overflow = menus['view/title'].filter((item) => item.when?.includes('view == interviewNotes.topics') && !isIcon(item));
    const commandsInOrder = [...overflow].sort((a, b) => (a.group ?? '').localeCompare(b.group ?? '', 'en', { numeric: true })).map((item) => item.command);
    assert.ok(commandsInOrder.includes('interviewNotes.setInterviewDate'));
    assert.equal(commandsInOrder[commandsInOrder.indexOf('interviewNotes.exportProgress') + 1], 'interviewNotes.exportAnki');
  });

  it('gives the reader tab one toolbar action', () => {
    const reader = menus['editor/title'].filter((item) => item.when?.includes("'interviewNotes.reader'"));
    assert.equal(reader.filter(isIcon).length, 1);
  });
});
