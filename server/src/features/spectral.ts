/**
 * General OpenAPI lint with Spectral, beside the Rewst rules.
 *
 * Spectral runs in a worker thread (dist/spectral-worker.js), so it never
 * blocks typing or other requests. It is the scheduler's last subscriber, so
 * Rewst's diagnostics of the same version are published first; Spectral's are
 * merged in when they come. A newer edit cancels the run for the older
 * version, and a result for a version that is no longer current is dropped. Where Spectral and a Rewst
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
import { SpectralWorker } from '../spectral/worker-client';
import type { Subscriber, VersionRun } from '../scheduler';

export const SPECTRAL_SOURCE = 'spectral';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Returns what the server calls once initialized: the worker's warm-up, when Spectral is on. */
export function registerSpectral(ctx: ServerContext): { warm(): Promise<void> } {
  const feature = new SpectralFeature(ctx);
  ctx.scheduler.subscribe(feature.subscriber);
  return { warm: () => feature.warm() };
}

class SpectralFeature {
  private readonly worker = new SpectralWorker((reason) => this.ctx.connection.console.log(`rewst-openapi: the Spectral worker was restarted: ${reason}`));
  private readonly warned = new Set<string>();

  constructor(private readonly ctx: ServerContext) {}

  /** The scheduler's last subscriber: it starts after Rewst's diagnostics and the settings checks of the same version. */
  readonly subscriber: Subscriber = {
    name: 'spectral',
    run: (run) => this.lint(run),
  };

  /** Loads Spectral and its ruleset in the worker before the first document needs them (not for a workspace ruleset file: it loads per folder). */
  async warm(): Promise<void> {
    if (await this.ctx.configuration.get('spectral.enable')) this.worker.warm();
  }

  private async lint({ doc, analysis, token }: VersionRun): Promise<void> {
    const uri = doc.uri;
    const version = doc.version;
    const publish = (diagnostics: Diagnostic[]) => this.ctx.setExtraDiagnostics(uri, SPECTRAL_SOURCE, version, diagnostics);
    const format = formatOf(doc);
    // Not a spec, or does not parse (Rewst already says where): nothing for Spectral to add.
    if (!format || !analysis?.isSpec || analysis.findings.some((f) => f.ruleId === PARSE_ERROR) || !(await this.ctx.configuration.get('spectral.enable')))
      return publish([]);
    if (token.isCancellationRequested) return;

    const folder = this.folderOf(uri);
    const running = this.worker.lint({
      text: doc.getText(),
      format,
      source: uri.startsWith('file:') ? fileURLToPath(uri) : null,
      rulesetFile: folder ? findRulesetFile(folder) : undefined,
    });
    // A newer version, a close or a re-run: stop the worker's run at once.
    const stop = token.onCancellationRequested(() => running.cancel());
    const response = await running.response;
    stop.dispose();
    if (response.kind === 'cancelled' || token.isCancellationRequested) return; // stale: a newer run publishes

    if (response.kind === 'error') {
      const message = response.ruleset ? `Spectral is off for this file: ${response.message}` : `Spectral could not lint this file: ${response.message}`;
      if (!this.warned.has(message)) {
        this.warned.add(message);
        if (response.ruleset) void this.ctx.connection.window.showWarningMessage(message);
        else this.ctx.connection.console.error(`rewst-openapi: ${message} (${uri})`);
      }
      return publish([
        {
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          severity: DiagnosticSeverity.Warning,
          source: SPECTRAL_SOURCE,
          code: response.ruleset ? 'ruleset' : 'spectral-failed',
          message,
        },
      ]);
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
