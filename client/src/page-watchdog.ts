/**
 * Loads a webview's page again when its script never says it is ready. Seen in
 * code-server right after a window reload, about one time in six: a restored
 * form shows its HTML but its script (served through the webview's service
 * worker) never runs, so the form looks right and does nothing. The page says
 * "ready" once per load; a hidden panel's page is discarded and loads again
 * when shown, so the watch starts whenever the panel becomes visible.
 */
import type * as vscode from 'vscode';

export class PageWatchdog implements vscode.Disposable {
  private ready = false;
  private timer: NodeJS.Timeout | undefined;
  private reloads = 0;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly panel: vscode.WebviewPanel,
    /** Sets the page's HTML again (with a new nonce, so it is a new page). */
    private readonly reload: () => void,
    private readonly log: (message: string) => void,
    private readonly waitMs = 8000,
    private readonly maxReloads = 3,
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
    this.reloads = 0;
    clearTimeout(this.timer);
  }

  private arm(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.check(), this.waitMs);
  }

  private check(): void {
    if (this.ready || !this.panel.visible) return;
    if (this.reloads >= this.maxReloads) return this.log(`the "${this.panel.title}" page did not start after ${this.reloads} reloads; close and open it again`);
    this.reloads++;
    this.log(`the "${this.panel.title}" page did not start within ${this.waitMs / 1000} s; loading it again (${this.reloads} of ${this.maxReloads})`);
    this.reload();
    this.arm();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.subscription.dispose();
  }
}
