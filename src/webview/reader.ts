// The reader's script inside the webview. It owns no data: the host renders the note and
// passes state and strings in a data attribute; links and inserts go back as messages.

interface ReaderData {
  /** A fresh id for every page the host renders: the same id again means the same page shown again. */
  readonly page: string;
  readonly noteId: string;
  readonly language: string;
  readonly sectionId?: string;
  readonly scrollY?: number;
  readonly keepScroll: boolean;
  /** Words a search matched, to mark in the section it opened. */
  readonly highlight: readonly string[];
  readonly hideAnswers: boolean;
  readonly history: { readonly canGoBack: boolean; readonly canGoForward: boolean };
  readonly fonts: { readonly family: string; readonly size: number; readonly lineHeight: number };
  readonly strings: { readonly copy: string; readonly insert: string; readonly copied: string; readonly showAnswer: string; readonly hideAnswer: string; readonly back: string; readonly forward: string };
}

interface SavedState {
  readonly page?: string;
  readonly noteId: string;
  readonly language: string;
  readonly sectionId?: string;
  readonly scrollY: number;
  readonly hideAnswers?: boolean;
  /** The setting "hide answers" was when the user last chose: a change of the setting wins over the choice. */
  readonly hideAnswersSetting?: boolean;
}

declare function acquireVsCodeApi(): {
  postMessage(message: unknown): void;
  getState(): SavedState | undefined;
  setState(state: SavedState): void;
};

const vscode = acquireVsCodeApi();
const dataElement = document.getElementById('reader-data');
const data = JSON.parse(dataElement?.dataset.reader ?? '{}') as ReaderData;

function headingElements(): HTMLElement[] {
  return Array.from(document.querySelectorAll<HTMLElement>('main h2[id], main h3[id]'));
}

function scrollToSection(sectionId: string): void {
  const target = document.getElementById(sectionId);
  if (target) {
    target.scrollIntoView({ block: 'start' });
    target.classList.add('flash');
    window.setTimeout(() => target.classList.remove('flash'), 1200);
  }
}

/** The elements of a section: its heading and what follows, up to the next h2 or h3. */
function sectionElements(sectionId: string): Element[] {
  const heading = document.getElementById(sectionId);
  if (!heading) {
    return [];
  }
  const elements: Element[] = [heading];
  for (let next = heading.nextElementSibling; next && !/^H[23]$/.test(next.tagName); next = next.nextElementSibling) {
    elements.push(next);
  }
  return elements;
}

/** Wraps each occurrence of the words in a <mark>, inside the given section only. */
function markWords(sectionId: string, words: readonly string[]): void {
  document.querySelectorAll('mark.search-match').forEach((mark) => mark.replaceWith(...Array.from(mark.childNodes)));
  const wanted = words.filter((word) => word.length > 0).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (wanted.length === 0) {
    return;
  }
  const pattern = new RegExp(`(${wanted.sort((a, b) => b.length - a.length).join('|')})`, 'gi');
  for (const element of sectionElements(sectionId)) {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    const textNodes: Text[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      textNodes.push(node as Text);
    }
    for (const node of textNodes) {
      const text = node.data;
      pattern.lastIndex = 0;
      if (!pattern.test(text)) {
        continue;
      }
      const fragment = document.createDocumentFragment();
      let last = 0;
      for (const match of text.matchAll(pattern)) {
        fragment.append(text.slice(last, match.index));
        const mark = document.createElement('mark');
        mark.className = 'search-match';
        mark.textContent = match[0];
        fragment.append(mark);
        last = (match.index ?? 0) + match[0].length;
      }
      fragment.append(text.slice(last));
      node.replaceWith(fragment);
    }
  }
}

function topVisibleSection(): string | undefined {
  let current: string | undefined;
  for (const heading of headingElements()) {
    if (heading.getBoundingClientRect().top > 80) {
      break;
    }
    current = heading.id;
  }
  return current;
}

function saveState(): void {
  vscode.setState({
    page: data.page,
    noteId: data.noteId,
    language: data.language,
    sectionId: topVisibleSection(),
    scrollY: window.scrollY,
    hideAnswers: document.body.classList.contains('hide-answers'),
    hideAnswersSetting: data.hideAnswers,
  });
}

/** Tells the host where the reader is, so that Back returns here and a re-render keeps the section. */
function reportPosition(): void {
  vscode.postMessage({ type: 'scrolled', sectionId: topVisibleSection(), scrollY: window.scrollY, page: data.page });
}

/** "Hide answers": every answer folds under its question until its button is clicked. */
function setUpAnswers(): void {
  const toggle = document.getElementById('hide-answers') as HTMLInputElement | null;
  for (const answer of Array.from(document.querySelectorAll<HTMLElement>('.answer'))) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'answer-toggle';
    button.textContent = data.strings.showAnswer;
    button.setAttribute('aria-expanded', 'false');
    button.addEventListener('click', () => {
      const revealed = answer.classList.toggle('revealed');
      button.textContent = revealed ? data.strings.hideAnswer : data.strings.showAnswer;
      button.setAttribute('aria-expanded', String(revealed));
    });
    answer.before(button);
  }
  const saved = vscode.getState();
  const keepChoice = saved?.noteId === data.noteId && typeof saved.hideAnswers === 'boolean' && saved.hideAnswersSetting === data.hideAnswers;
  const hidden = keepChoice ? saved.hideAnswers === true : data.hideAnswers;
  document.body.classList.toggle('hide-answers', hidden);
  if (toggle) {
    toggle.checked = hidden;
    toggle.addEventListener('change', () => {
      document.body.classList.toggle('hide-answers', toggle.checked);
      saveState();
    });
  }
}

/** The user's Markdown preview font settings, as VS Code's own preview uses them. */
function applyFonts(): void {
  const style = document.body.style;
  if (data.fonts.family) {
    style.setProperty('--markdown-font-family', data.fonts.family);
  }
  style.setProperty('--markdown-font-size', `${data.fonts.size}px`);
  style.setProperty('--markdown-line-height', String(data.fonts.lineHeight));
}

function restorePosition(): void {
  const saved = vscode.getState();
  const sameNote = saved?.noteId === data.noteId && saved.language === data.language;
  if (saved && saved.page === data.page) {
    // The same page again: its tab was hidden (VS Code drops a hidden webview) and is shown again.
    window.scrollTo(0, saved.scrollY);
  } else if (typeof data.scrollY === 'number') {
    window.scrollTo(0, data.scrollY);
  } else if (data.keepScroll && sameNote && saved) {
    window.scrollTo(0, saved.scrollY);
  } else if (data.sectionId) {
    scrollToSection(data.sectionId);
  }
  if (data.sectionId && data.highlight.length > 0) {
    markWords(data.sectionId, data.highlight);
  }
  saveState();
  reportPosition();
}

function addCodeButtons(): void {
  for (const block of Array.from(document.querySelectorAll<HTMLElement>('.code-block'))) {
    const code = block.querySelector('code');
    if (!code) {
      continue;
    }
    const toolbar = document.createElement('div');
    toolbar.className = 'code-actions';
    const copy = document.createElement('button');
    copy.type = 'button';
    copy.textContent = data.strings.copy;
    copy.dataset.action = 'copy';
    copy.addEventListener('click', () => {
      vscode.postMessage({ type: 'copyCode', code: code.textContent ?? '' });
      copy.textContent = data.strings.copied;
      window.setTimeout(() => (copy.textContent = data.strings.copy), 1200);
    });
    const insert = document.createElement('button');
    insert.type = 'button';
    insert.textContent = data.strings.insert;
    insert.dataset.action = 'insert';
    insert.addEventListener('click', () => vscode.postMessage({ type: 'insertCode', code: code.textContent ?? '' }));
    toolbar.append(copy, insert);
    block.prepend(toolbar);
  }
}

document.addEventListener('click', (event) => {
  const link = (event.target as Element | null)?.closest('a[href]');
  if (!link) {
    return;
  }
  event.preventDefault();
  const href = link.getAttribute('href') ?? '';
  if (link.closest('#outline')) {
    closeOutline();
  }
  if (href.startsWith('#')) {
    const sectionId = decodeURIComponent(href.slice(1));
    if (document.getElementById(sectionId)) {
      // A jump inside the note is a step Back can undo, as in a browser.
      vscode.postMessage({ type: 'jumped', sectionId, fromScrollY: window.scrollY, page: data.page });
      scrollToSection(sectionId);
      saveState();
    }
    return;
  }
  vscode.postMessage({ type: 'openLink', href, scrollY: window.scrollY, page: data.page });
});

/** The toolbar's Back and Forward, and the mouse's own back and forward buttons. */
function setUpHistory(): (state: { canGoBack: boolean; canGoForward: boolean }) => void {
  const holder = document.getElementById('history-buttons');
  const button = (direction: 'back' | 'forward', glyph: string, label: string, enabled: boolean) => {
    const element = document.createElement('button');
    element.type = 'button';
    element.id = `go-${direction}`;
    element.className = 'toolbar-button';
    element.textContent = glyph;
    element.title = label;
    element.setAttribute('aria-label', label);
    element.disabled = !enabled;
    element.addEventListener('click', () => vscode.postMessage({ type: 'navigate', direction }));
    holder?.append(element);
    return element;
  };
  const back = button('back', '\u2190', data.strings.back, data.history.canGoBack);
  const forward = button('forward', '\u2192', data.strings.forward, data.history.canGoForward);
  window.addEventListener('mouseup', (event) => {
    if (event.button === 3 || event.button === 4) {
      event.preventDefault();
      vscode.postMessage({ type: 'navigate', direction: event.button === 3 ? 'back' : 'forward' });
    }
  });
  return (state) => {
    back.disabled = !state.canGoBack;
    forward.disabled = !state.canGoForward;
  };
}

/** The contents fold away again once used, or on Escape or a click elsewhere. */
function closeOutline(): void {
  const outline = document.getElementById('outline') as HTMLDetailsElement | null;
  if (outline) {
    outline.open = false;
  }
}

function setUpOutline(): void {
  const outline = document.getElementById('outline') as HTMLDetailsElement | null;
  if (!outline) {
    return;
  }
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && outline.open) {
      outline.open = false;
      outline.querySelector('summary')?.focus();
    }
  });
  document.addEventListener('click', (event) => {
    if (outline.open && !outline.contains(event.target as Node)) {
      outline.open = false;
    }
  });
}

/** Practice state badges beside question headings: new, learning, due, mastered. */
function showQuestionStates(states: unknown): void {
  if (!Array.isArray(states)) {
    return;
  }
  for (const entry of states as { sectionId?: unknown; state?: unknown; label?: unknown }[]) {
    if (typeof entry?.sectionId !== 'string' || typeof entry.label !== 'string' || typeof entry.state !== 'string' || !/^[a-z]+$/.test(entry.state)) {
      continue;
    }
    const heading = document.getElementById(entry.sectionId);
    if (!heading?.classList.contains('question')) {
      continue;
    }
    let badge = heading.querySelector<HTMLElement>('.question-state');
    if (!badge) {
      badge = document.createElement('span');
      heading.append(' ', badge);
    }
    badge.className = `question-state state-${entry.state}`;
    badge.textContent = entry.label;
  }
}

const showHistory = setUpHistory();

window.addEventListener('message', (event: MessageEvent<{ type?: string; sectionId?: string; scrollY?: unknown; highlight?: unknown; states?: unknown; canGoBack?: unknown; canGoForward?: unknown }>) => {
  const message = event.data;
  if (message?.type === 'questionStates') {
    showQuestionStates(message.states);
    return;
  }
  if (message?.type === 'history') {
    showHistory({ canGoBack: message.canGoBack === true, canGoForward: message.canGoForward === true });
    return;
  }
  if (message?.type === 'scrollTo') {
    if (typeof message.scrollY === 'number') {
      window.scrollTo(0, message.scrollY);
    } else if (typeof message.sectionId === 'string') {
      scrollToSection(message.sectionId);
      const words = Array.isArray(message.highlight) ? message.highlight.filter((word): word is string => typeof word === 'string') : [];
      markWords(message.sectionId, words);
    }
    saveState();
    reportPosition();
  }
});

let scrollTimer: number | undefined;
window.addEventListener('scroll', () => {
  window.clearTimeout(scrollTimer);
  scrollTimer = window.setTimeout(() => {
    saveState();
    reportPosition();
  }, 150);
});

applyFonts();
addCodeButtons();
setUpAnswers();
setUpOutline();
// Restore the place once the stylesheets are in: before that the page is too short to scroll.
if (document.readyState === 'complete') {
  restorePosition();
} else {
  window.addEventListener('load', restorePosition, { once: true });
}
vscode.postMessage({ type: 'ready' });
