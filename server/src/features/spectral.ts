/**
 * General OpenAPI lint with Spectral, beside the Rewst rules.
 *
 * Spectral runs in a worker thread (dist/spectral-worker.js), so it never
 * blocks typing or other requests. It starts no earlier than the Rewst lint
 * of the same version (same event, same pause, started after it), so Rewst's
 * diagnostics are published first; Spectral's are merged in when they come.
 * A newer edit cancels the run for the older version, and a result for a
 * version that is no longer current is dropped. Where Spectral and a Rewst
 * rule report the same problem at the same place, only Rewst's is shown.
 *
 * Settings: `rewstOpenapi.spectral.enable` (workspace/configuration when the
 * client offers it, else `initializationOptions.spectral.enable`). A
 * `.spectral.yaml`/`.yml`/`.json` at the workspace root replaces `spectral:oas`.
 */
import { fileURLToPath } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import { formatOf, type ServerContext } from '../context';
import { PARSE_ERROR, type Severity } from '../engine';
import { findRulesetFile } from '../spectral/ruleset-file';
import { spectralDuplicates } from '../spectral/dedup';
import type { SpectralFinding } from '../spectral/index';
import { SpectralWorker, type Run } from '../spectral/worker-client';
import { SPECTRAL_ENABLE_SETTING, SPECTRAL_REFRESH_NOTIFICATION } from './spectral-protocol';

export const SPECTRAL_SOURCE = 'spectral';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};


export function registerSpectral(ctx: ServerContext): void {
  new SpectralFeature(ctx);
}

class SpectralFeature {
  private readonly worker = new SpectralWorker((reason) => this.ctx.connection.console.log(`rewst-openapi: the Spectral worker was restarted: ${reason}`));
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly inFlight = new Map<string, Run>();
  private readonly justOpened = new Set<string>();
  private enabled: Promise<boolean> | undefined;
  private readonly warned = new Set<string>();

  constructor(private readonly ctx: ServerContext) {
    const { documents, connection } = ctx;
    documents.onDidOpen((e) => this.justOpened.add(e.document.uri));
    // Registered after the Rewst publisher's handler: for the same change, its timer fires first.
    documents.onDidChangeContent((e) => this.schedule(e.document.uri, this.justOpened.delete(e.document.uri) ? 0 : this.debounceMs()));
    documents.onDidClose((e) => {
      const uri = e.document.uri;
      this.justOpened.delete(uri);
      clearTimeout(this.timers.get(uri));
      this.timers.delete(uri);
      this.cancel(uri);
    });
    connection.onNotification(SPECTRAL_REFRESH_NOTIFICATION, () => {
      this.enabled = undefined;
      for (const doc of documents.all()) this.schedule(doc.uri, 0);
    });
  }

  private debounceMs(): number {
    const requested = (this.ctx.initParams?.initializationOptions as { debounceMs?: unknown } | undefined)?.debounceMs;
    return typeof requested === 'number' && requested >= 0 ? requested : 200;
  }

  private schedule(uri: string, delay: number): void {
    // The running lint is for an older version now: stop it at once.
    this.cancel(uri);
    clearTimeout(this.timers.get(uri));
    this.timers.set(uri, setTimeout(() => void this.lint(uri), delay));
  }

  private cancel(uri: string): void {
    this.inFlight.get(uri)?.cancel();
    this.inFlight.delete(uri);
  }

  private isEnabled(): Promise<boolean> {
    return (this.enabled ??= this.readSetting());
  }

  private async readSetting(): Promise<boolean> {
    const params = this.ctx.initParams;
    if (params?.capabilities.workspace?.configuration) {
      try {
        const value: unknown = await this.ctx.connection.workspace.getConfiguration({ section: SPECTRAL_ENABLE_SETTING });
        if (typeof value === 'boolean') return value;
      } catch {
        // fall back to the initialization options
      }
    }
    const option = (params?.initializationOptions as { spectral?: { enable?: unknown } } | undefined)?.spectral?.enable;
    return typeof option === 'boolean' ? option : true;
  }

  private async lint(uri: string): Promise<void> {
    this.timers.delete(uri);
    const doc = this.ctx.documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    const publish = (diagnostics: Diagnostic[]) => this.ctx.setExtraDiagnostics(uri, SPECTRAL_SOURCE, version, diagnostics);
    const format = formatOf(doc);
    const analysis = this.ctx.analysisOf(doc);
    // Not a spec, or does not parse (Rewst already says where): nothing for Spectral to add.
    if (!format || !analysis?.isSpec || analysis.findings.some((f) => f.ruleId === PARSE_ERROR) || !(await this.isEnabled())) return publish([]);
    if (this.ctx.documents.get(uri)?.version !== version) return;

    const folder = this.folderOf(uri);
    const running = this.worker.lint({
      text: doc.getText(),
      format,
      source: uri.startsWith('file:') ? fileURLToPath(uri) : null,
      rulesetFile: folder ? findRulesetFile(folder) : undefined,
    });
    this.inFlight.set(uri, running);
    const response = await running.response;
    if (this.inFlight.get(uri) === running) this.inFlight.delete(uri);
    if (response.kind === 'cancelled' || this.ctx.documents.get(uri)?.version !== version) return; // stale: a newer run publishes

    if (response.kind === 'error') {
      const message = response.ruleset ? `Spectral is off for this file: ${response.message}` : `Spectral could not lint this file: ${response.message}`;
      if (!this.warned.has(message)) {
        this.warned.add(message);
        if (response.ruleset) void this.ctx.connection.window.showWarningMessage(message);
        else this.ctx.connection.console.error(`rewst-openapi: ${message} (${uri})`);
      }
      return publish([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Warning, source: SPECTRAL_SOURCE, code: response.ruleset ? 'ruleset' : 'spectral-failed', message }]);
    }
    const findings = response.findings;
    const duplicates = spectralDuplicates(findings, analysis.findings);
    publish(findings.filter((_, i) => !duplicates.has(i)).map(toDiagnostic));
  }

  private folderOf(uri: string): string | undefined {
    const params = this.ctx.initParams;
    const folders = (params?.workspaceFolders ?? []).map((f) => f.uri);
    if (!folders.length && params?.rootUri) folders.push(params.rootUri);
    const owner = folders.filter((f) => uri.startsWith(f.endsWith('/') ? f : `${f}/`)).sort((a, b) => b.length - a.length)[0] ?? folders[0];
    return owner?.startsWith('file:') ? fileURLToPath(owner) : undefined;
  }
}

function toDiagnostic(f: SpectralFinding): Diagnostic {
  return {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.rule,
    codeDescription: f.documentationUrl ? { href: f.documentationUrl } : undefined,
    source: SPECTRAL_SOURCE,
    message: f.message,
  };
}
