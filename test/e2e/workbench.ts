/**
 * Drives VS Code's workbench in the browser the way a person would: Quick
 * Open, the command palette, Ctrl+., Ctrl+S, and reads back what the page
 * shows (Problems panel, status bar). Every wait is on something the page
 * shows, never a fixed sleep. Selectors are VS Code 1.100's.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

export type Severity = 'error' | 'warning' | 'info';

/** One row of the Problems panel. */
export interface Marker {
  /** Absolute path of the file the marker belongs to. */
  file: string;
  severity: Severity;
  message: string;
  source: string;
  code: string;
  line: number;
  column: number;
}

export interface StatusCounts {
  errors: number;
  warnings: number;
  infos: number;
}

/** A row of the Problems panel as the page renders it (the list is virtual: only visible rows exist). */
interface RawRow {
  index: number;
  last: boolean;
  kind: 'file' | 'marker' | 'other';
  path?: string;
  severity?: string;
  message?: string;
  source?: string;
  code?: string;
  position?: string;
  text?: string;
}

const QUICK_INPUT = '.quick-input-widget';
const QUICK_INPUT_BOX = `${QUICK_INPUT} input`;
const QUICK_ROW = '.quick-input-list .monaco-list-row';
const ACTION_ROW = '.action-widget .monaco-list-row.action';

export class Workbench {
  /** Absolute paths of the files opened since the last `closeAllEditors`. */
  readonly opened = new Set<string>();

  constructor(
    readonly page: Page,
    private readonly workspace: string,
    private readonly screenshotDir: string,
  ) {
    mkdirSync(screenshotDir, { recursive: true });
  }

  /** Polls `probe` until `ok` holds; the error says what was awaited and what was seen last. */
  async waitFor<T>(what: string, probe: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let last: T | undefined;
    let lastError: unknown;
    for (;;) {
      try {
        last = await probe();
        if (ok(last)) return last;
      } catch (e) {
        lastError = e;
      }
      if (Date.now() > deadline) {
        const seen = lastError && last === undefined ? `error: ${String(lastError)}` : JSON.stringify(last, null, 1)?.slice(0, 2000);
        throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${seen}`);
      }
      await new Promise((r) => setTimeout(r, 150));
    }
  }

  /** Saves a screenshot of the page, or of the smallest box holding the `parts` (selectors, e.g. ".part.editor"). */
  async screenshot(name: string, parts?: string[]): Promise<string> {
    const file = path.join(this.screenshotDir, `${name}.png`);
    let clip: { x: number; y: number; width: number; height: number } | undefined;
    for (const selector of parts ?? []) {
      const box = await this.page.locator(selector).first().boundingBox();
      if (!box) continue;
      const x = Math.min(box.x, clip?.x ?? Infinity);
      const y = Math.min(box.y, clip?.y ?? Infinity);
      const right = Math.max(box.x + box.width, clip ? clip.x + clip.width : -Infinity);
      const bottom = Math.max(box.y + box.height, clip ? clip.y + clip.height : -Infinity);
      clip = { x, y, width: right - x, height: bottom - y };
    }
    await this.page.screenshot({ path: file, clip });
    return file;
  }

  // --- opening things ---

  /**
   * Opens a workspace file through Quick Open (Ctrl+P), picking the row for
   * exactly that path; returns when its editor shows, with the time the row was chosen.
   */
  async open(relativePath: string): Promise<{ chosenAt: number }> {
    const name = path.posix.basename(relativePath);
    const folder = path.posix.dirname(relativePath);
    let chosenAt = 0;
    // Right after start-up the file search may not be ready: ask again until the row is there.
    await this.waitFor(
      `Quick Open to list ${relativePath}`,
      async () => {
        await this.quickInput('Control+P', relativePath);
        if ((await this.findQuickRow({ name, folder })) < 0) {
          await this.page.keyboard.press('Escape');
          return false;
        }
        chosenAt = Date.now();
        return this.clickQuickRow({ name, folder });
      },
      (found) => found,
    );
    await this.page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: 60_000 });
    await this.page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ timeout: 60_000 });
    this.opened.add(path.join(this.workspace, relativePath));
    return { chosenAt };
  }

  /** Runs a command from the palette (F1) by its exact title, e.g. "View: Close All Editors". */
  async command(title: string): Promise<void> {
    await this.waitFor(
      `the command palette to offer "${title}"`,
      async () => {
        await this.quickInput('F1', `>${title}`);
        if ((await this.findQuickRow({ name: title })) < 0) {
          await this.page.keyboard.press('Escape');
          return false;
        }
        return this.clickQuickRow({ name: title });
      },
      (found) => found,
      30_000,
    );
  }

  /**
   * Opens a quick input with `key` and types `text` into it. When the focus
   * is inside a webview (a form, a Markdown preview) the key may not reach
   * the workbench: then the focus is brought back to it and the key pressed again.
   */
  private async quickInput(key: string, text: string): Promise<void> {
    const box = this.page.locator(QUICK_INPUT_BOX);
    let failure: unknown;
    for (let attempt = 0; attempt < 4; attempt++) {
      if (attempt > 0) await this.focusWorkbench();
      await this.page.keyboard.press(key);
      try {
        await box.waitFor({ state: 'visible', timeout: 3000 });
        // A webview taking the focus back closes the quick input: then fill fails, and we try again.
        await box.fill(text, { timeout: 3000 });
        return;
      } catch (e) {
        failure = e;
      }
    }
    throw new Error(`the quick input did not open with ${key}: ${failure instanceof Error ? failure.message.split('\n')[0] : String(failure)}`);
  }

  /** The quick input's row for `match`, found by its content whenever it is used (the list re-renders as results arrive). */
  private quickRow(match: { name: string; folder?: string }) {
    const exact = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
    let row = this.page.locator(QUICK_ROW).filter({ has: this.page.locator('.label-name', { hasText: exact(match.name) }) });
    if (match.folder && match.folder !== '.') {
      const folder = match.folder.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      row = row.filter({ has: this.page.locator('.label-description', { hasText: new RegExp(`(^|/)${folder}$`) }) });
    }
    return row.first();
  }

  /** Clicks the row for `match`; false (and the quick input closed) when it went away before the click. */
  private async clickQuickRow(match: { name: string; folder?: string }): Promise<boolean> {
    try {
      await this.quickRow(match).click({ timeout: 5000 });
      return true;
    } catch {
      await this.page.keyboard.press('Escape');
      return false;
    }
  }

  /** Moves the keyboard focus out of any webview by clicking the empty middle of the status bar. */
  async focusWorkbench(): Promise<void> {
    const bar = await this.page.locator('.part.statusbar').boundingBox();
    if (!bar) return;
    const left = await this.page.locator('.part.statusbar .left-items').boundingBox();
    const right = await this.page.locator('.part.statusbar .right-items').boundingBox();
    const x = left && right && right.x > left.x + left.width ? (left.x + left.width + right.x) / 2 : bar.x + bar.width / 2;
    await this.page.mouse.click(x, bar.y + bar.height / 2);
  }

  /**
   * Waits (up to `timeoutMs`) for the quick input's list to hold a row for
   * which `match` holds, and returns its index or -1: the list fills
   * asynchronously, and may first show rows for an earlier query.
   */
  private async findQuickRow(match: { name: string; folder?: string }, timeoutMs = 5000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = await this.page.evaluate(
        ({ sel, name, folder }) =>
          [...document.querySelectorAll(sel)].findIndex((row) => {
            if (row.querySelector('.label-name')?.textContent?.trim() !== name) return false;
            if (folder === undefined) return true;
            const description = row.querySelector('.label-description')?.textContent?.trim() ?? '';
            return folder === '.' ? description === '' : description === folder || description.endsWith(`/${folder}`);
          }),
        { sel: QUICK_ROW, ...match },
      );
      if (index >= 0 || Date.now() > deadline) return index;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** In an open quick pick (a command's question), chooses the row whose label is `label`. */
  async pick(label: string): Promise<void> {
    await this.page.locator(QUICK_INPUT_BOX).waitFor({ state: 'visible' });
    const index = await this.findQuickRow({ name: label }, 10_000);
    if (index < 0) throw new Error(`the quick pick offers no "${label}"; it shows: ${JSON.stringify(await this.quickPickLabels())}`);
    await this.quickRow({ name: label }).click();
  }

  /** In an open multi-select quick pick, ticks the rows labelled `labels`, then accepts (Enter). */
  async pickMany(labels: string[]): Promise<void> {
    await this.page.locator(QUICK_INPUT_BOX).waitFor({ state: 'visible' });
    const title = await this.quickInputTitle();
    for (const label of labels) {
      const index = await this.findQuickRow({ name: label }, 10_000);
      if (index < 0) throw new Error(`the quick pick offers no "${label}"; it shows: ${JSON.stringify(await this.quickPickLabels())}`);
      const row = this.quickRow({ name: label });
      await row.locator('.monaco-checkbox').first().click();
      await this.waitFor(
        `"${label}" ticked`,
        () => row.getAttribute('aria-checked'),
        (v) => v === 'true',
        5000,
      );
    }
    await this.page.locator(QUICK_INPUT_BOX).press('Enter');
    await this.waitFor(
      'the quick pick to move on',
      () => this.quickInputTitle(),
      (t) => t !== title,
      10_000,
    );
  }

  /** Types into an open input box (a command's question) and accepts it. */
  async answer(text: string): Promise<void> {
    const box = this.page.locator(QUICK_INPUT_BOX);
    await box.waitFor({ state: 'visible' });
    const title = await this.quickInputTitle();
    await box.fill(text);
    await box.press('Enter');
    await this.waitFor(
      'the input box to move on',
      () => this.quickInputTitle(),
      (t) => t !== title,
      10_000,
    );
  }

  /** The title of the quick input on screen, or '' when none shows. */
  async quickInputTitle(): Promise<string> {
    const widget = this.page.locator(QUICK_INPUT);
    if (!(await widget.isVisible())) return '';
    return (
      await widget
        .locator('.quick-input-title')
        .innerText()
        .catch(() => '')
    ).trim();
  }

  async quickPickLabels(): Promise<string[]> {
    return this.page.locator(`${QUICK_ROW} .label-name`).allInnerTexts();
  }

  /** Waits for a file to exist on disk (written by a command) and returns its text. */
  async fileWritten(file: string, timeoutMs = 30_000): Promise<string> {
    return this.waitFor(
      `${file} to be written`,
      async () => readFileSync(file, 'utf8'),
      (text) => text.length > 0,
      timeoutMs,
    );
  }

  /** Waits for the active editor tab to be `name`. */
  async activeTab(name: string): Promise<void> {
    await this.page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: 30_000 });
  }

  // --- the editor ---

  /** Ctrl+G to a 1-based line and column of the active editor. */
  async goTo(line: number, column: number): Promise<void> {
    await this.page.keyboard.press('Control+G');
    const box = this.page.locator(QUICK_INPUT_BOX);
    await box.waitFor({ state: 'visible' });
    await box.fill(`:${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await box.waitFor({ state: 'hidden' });
    await this.waitFor(
      `the cursor at Ln ${line}, Col ${column}`,
      () => this.cursor(),
      (c) => c === `Ln ${line}, Col ${column}`,
      5000,
    );
  }

  /** The status bar's cursor position, e.g. "Ln 9, Col 3". */
  async cursor(): Promise<string> {
    return (await this.page.locator('[id="status.editor.selection"]').innerText()).trim();
  }

  /** Opens the lightbulb menu (Ctrl+.) and returns the titles it offers. */
  async quickFixMenu(): Promise<string[]> {
    await this.page.keyboard.press('Control+.');
    return this.actionTitles('the Quick Fix menu (Ctrl+.)');
  }

  /** Opens "Source Action..." from the palette and returns the titles it offers. */
  async sourceActionMenu(): Promise<string[]> {
    await this.command('Source Action...');
    return this.actionTitles('the Source Action menu');
  }

  private async actionTitles(what: string): Promise<string[]> {
    await this.page
      .locator(ACTION_ROW)
      .first()
      .waitFor({ timeout: 10_000 })
      .catch(() => {
        throw new Error(`${what} showed no actions`);
      });
    return this.page.locator(`${ACTION_ROW} .title`).allInnerTexts();
  }

  /**
   * Applies the open menu's action whose title matches, with the keyboard
   * (arrows, then Enter) as the menu expects: it blocks pointer events while it opens.
   */
  async chooseAction(title: string | RegExp): Promise<string> {
    const matches = (t: string) => (typeof title === 'string' ? t === title : title.test(t));
    const titles = await this.page.locator(`${ACTION_ROW} .title`).allInnerTexts();
    if (!titles.some(matches)) throw new Error(`no action matching ${title} among: ${JSON.stringify(titles)}`);
    const focused = () =>
      this.page
        .locator(`${ACTION_ROW}.focused .title`)
        .innerText({ timeout: 2000 })
        .catch(() => '');
    for (let i = 0; i <= titles.length; i++) {
      const current = await focused();
      if (matches(current)) {
        await this.page.keyboard.press('Enter');
        await this.page.locator('.action-widget').waitFor({ state: 'hidden' });
        return current;
      }
      await this.page.keyboard.press('ArrowDown');
    }
    throw new Error(`could not focus the action matching ${title} among: ${JSON.stringify(titles)}`);
  }

  /** Ctrl+S, then waits until the active tab is no longer dirty. */
  async save(): Promise<void> {
    await this.page.keyboard.press('Control+S');
    await this.page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached', timeout: 10_000 });
  }

  /** Whether the active editor has unsaved changes. */
  async isDirty(): Promise<boolean> {
    return (await this.page.locator('.tabs-container .tab.active.dirty').count()) > 0;
  }

  /**
   * Closes every editor, discarding unsaved changes, and waits until the
   * Problems panel has dropped the markers of the files that were open, so
   * the next scenario starts from nothing. (Markers a feature publishes for
   * files that were never opened, such as a settings file, may stay.)
   */
  async closeAllEditors(): Promise<void> {
    for (let i = 0; i < 3; i++) await this.page.keyboard.press('Escape');
    await this.command('View: Close All Editors');
    const dontSave = this.page.locator('.monaco-dialog-box .monaco-button', { hasText: "Don't Save" });
    // A dialog shows only when something is dirty; answer it if it comes.
    while (
      await dontSave
        .first()
        .isVisible({ timeout: 500 })
        .catch(() => false)
    )
      await dontSave.first().click();
    await this.page.locator('.tabs-container .tab').first().waitFor({ state: 'detached', timeout: 10_000 });
    const closed = new Set(this.opened);
    this.opened.clear();
    await this.waitFor(
      'the Problems panel to drop the markers of the closed files',
      async () => (await this.problems()).filter((m) => closed.has(m.file)),
      (left) => left.length === 0,
      15_000,
    );
  }

  // --- reading what the page shows ---

  /** The status bar's problem counts (the item showing errors, warnings and, when there are any, infos). */
  async status(): Promise<StatusCounts> {
    return this.page.locator('[id="status.problems"] a').evaluate((a) => {
      const counts = { errors: 0, warnings: 0, infos: 0 };
      let current: keyof typeof counts | undefined;
      for (const node of a.childNodes) {
        if (node instanceof HTMLElement && node.classList.contains('codicon')) {
          current = node.classList.contains('codicon-error')
            ? 'errors'
            : node.classList.contains('codicon-warning')
              ? 'warnings'
              : node.classList.contains('codicon-info')
                ? 'infos'
                : undefined;
        } else if (node.nodeType === Node.TEXT_NODE && current) {
          const n = Number.parseInt(node.textContent?.trim() ?? '', 10);
          if (!Number.isNaN(n)) counts[current] = n;
          current = undefined;
        }
      }
      return counts;
    });
  }

  /** Opens the Problems panel if it is not showing. */
  async showProblems(): Promise<void> {
    if (await this.page.locator('.markers-panel').isVisible()) return;
    await this.page.keyboard.press('Control+Shift+M');
    await this.page.locator('.markers-panel').waitFor({ state: 'visible' });
  }

  /**
   * Every marker in the Problems panel. The panel is a virtual list that
   * renders only the rows in view, so this scrolls it from top to bottom and
   * gathers rows by index.
   */
  async problems(): Promise<Marker[]> {
    await this.showProblems();
    const rows = await this.page.evaluate(async () => {
      const panel = document.querySelector('.markers-panel');
      const scrollable = panel?.querySelector('.monaco-list .monaco-scrollable-element');
      if (!panel || !scrollable) return [];
      const frame = () => new Promise((r) => setTimeout(r, 20));
      // VS Code reads Chrome's legacy wheelDeltaY (120 a notch) first; a synthetic event needs it set.
      const wheel = (notches: number) =>
        scrollable.dispatchEvent(
          new WheelEvent('wheel', { deltaY: notches * 100, wheelDeltaY: -notches * 120, deltaMode: 0, bubbles: true, cancelable: true } as WheelEventInit),
        );
      const text = (row: Element, sel: string) => row.querySelector(sel)?.textContent?.trim() ?? '';
      const seen = new Map<number, RawRow>();
      const read = () => {
        let sawLast = false;
        for (const row of panel.querySelectorAll('.monaco-list-row')) {
          const index = Number((row as HTMLElement).dataset.index);
          const last = (row as HTMLElement).dataset.lastElement === 'true';
          sawLast ||= last;
          if (seen.has(index)) continue;
          let entry: RawRow;
          if (row.querySelector('.monaco-count-badge')) {
            entry = { index, last, kind: 'file', path: row.querySelector('.monaco-icon-label')?.getAttribute('aria-label') ?? text(row, '.label-name') };
          } else if (row.querySelector('.marker-message')) {
            const icon = row.querySelector('.marker-icon');
            const severity = ['error', 'warning', 'info'].find((c) => icon?.classList.contains(c)) ?? 'unknown';
            entry = {
              index,
              last,
              kind: 'marker',
              severity,
              message: text(row, '.marker-message'),
              source: text(row, '.marker-source'),
              code: text(row, '.marker-code'),
              position: text(row, '.marker-line'),
            };
          } else {
            entry = { index, last, kind: 'other', text: (row as HTMLElement).innerText.replace(/\s+/g, ' ').trim() };
          }
          seen.set(index, entry);
        }
        return sawLast;
      };
      // Scroll down a few rows at a time until the last row has been seen, or the list stops moving (or is empty).
      const offset = () => panel.querySelector('.monaco-list-rows')?.getAttribute('style') ?? '';
      wheel(-1e5);
      await frame();
      for (let i = 0; i < 5000 && !read(); i++) {
        const before = offset();
        wheel(2);
        await frame();
        if (offset() === before) {
          read();
          break;
        }
      }
      wheel(-1e5);
      return [...seen.values()].sort((a, b) => a.index - b.index);
    });
    return toMarkers(rows as RawRow[]);
  }

  /** The Problems panel as text, for failure reports. */
  async problemsText(): Promise<string> {
    const markers = await this.problems();
    if (!markers.length) return '(no problems)';
    const byFile = new Map<string, Marker[]>();
    for (const m of markers) byFile.set(m.file, [...(byFile.get(m.file) ?? []), m]);
    return [...byFile]
      .map(([file, ms]) =>
        [
          path.relative(this.workspace, file) || file,
          ...ms.map((m) => `  ${m.severity} ${m.source}(${m.code}) [Ln ${m.line}, Col ${m.column}] ${m.message}`),
        ].join('\n'),
      )
      .join('\n');
  }

  /** Texts of the notification toasts on screen (errors from the extension show here). */
  async notifications(): Promise<string[]> {
    return this.page.locator('.notifications-toasts .notification-toast').allInnerTexts();
  }
}

function toMarkers(rows: RawRow[]): Marker[] {
  const markers: Marker[] = [];
  let file = '';
  for (const row of rows) {
    if (row.kind === 'file') file = row.path ?? '';
    if (row.kind !== 'marker') continue;
    const position = /Ln (\d+), Col (\d+)/.exec(row.position ?? '');
    markers.push({
      file,
      severity: row.severity as Severity,
      message: row.message ?? '',
      source: row.source ?? '',
      code: row.code ?? '',
      line: position ? Number(position[1]) : 0,
      column: position ? Number(position[2]) : 0,
    });
  }
  return markers;
}
