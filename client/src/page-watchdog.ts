/**
 * Tells when a webview's page never starts, so the form can be opened again in
 * a new webview. Why it happens (code-server, VS Code in a browser): every
 * webview there shares one origin and so one service worker, yet each one
 * registers that worker under a URL of its own. When several webviews start
 * at once (a window reload restoring the forms, Reload Webviews), each
 * registration replaces the worker the others are using:
 * - a webview whose registration was overtaken waits for a `controllerchange`
 *   that never comes, and never writes its page at all (a blank editor);
 * - a page whose script was being fetched through the replaced worker keeps
 *   its HTML but never runs its script (a form that looks right and does nothing).
 * Setting the same panel's HTML again cannot help the first case (the webview
 * writes any new HTML only after that wait): only a new webview can.
 *
 * The page says "ready" once per load; a hidden panel's page is discarded and
 * loads again when shown, so the watch starts whenever the panel becomes visible.
 */
import type * as vscode from 'vscode';

export class PageWatchdog implements vscode.Disposable {
  private ready = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly panel: vscode.WebviewPanel,
    /** Called once, when the page has been visible for `waitMs` without saying it is ready. */
    private readonly stalled: () => void,
    private readonly waitMs = 8000,
  ) {
    this.subscription = panel.onDidChangeViewState(() => {
      if (!panel.visible) {
        this.ready = false;
        clearTimeout(this.timer);
      } else if (!this.ready) this.arm();
    });
    if (panel.visible) this.arm();
  }

  /** The page's script ran to its end and said so. */
  pageReady(): void {
    this.ready = true;
    clearTimeout(this.timer);
  }

  private arm(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (this.ready || !this.panel.visible) return;
      this.dispose();
      this.stalled();
    }, this.waitMs);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.subscription.dispose();
  }
}
