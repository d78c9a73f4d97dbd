/**
 * The extension's settings as the server reads them: `workspace/configuration`
 * when the client offers it, else `initializationOptions` (tests, other
 * editors). Read once and kept until the client says they changed.
 */
import type { Connection, InitializeParams } from 'vscode-languageserver/node';

/** Settings the server reads, by their name under `rewstOpenapi.` (contributed in package.json). */
export interface ServerSettings {
  'spectral.enable': boolean;
  'diagnostics.maxPerRule': number;
  /** Prepare's upload budget in KB; 0 means none. */
  uploadBudgetKB: number;
  /** Prepare writes the server URL's base path in front of every path (Rewst's hostname takes no path); on by default, false keeps the paths as written. */
  foldBasePath: boolean;
  /** URL prefix → folder relative to the spec's folder: Prepare reads references by URL from there (engine/bundle/url-refs.ts). */
  refMap: Record<string, string>;
  /** Prepare may fetch references by URL (https only, hosts confirmed first; see remote-refs.ts). */
  fetchRemoteRefs: boolean;
}

const DEFAULTS: ServerSettings = {
  'spectral.enable': true,
  'diagnostics.maxPerRule': 100,
  uploadBudgetKB: 0,
  foldBasePath: true,
  refMap: {},
  fetchRemoteRefs: false,
};

const valid: { [K in keyof ServerSettings]: (v: unknown) => v is ServerSettings[K] } = {
  'spectral.enable': (v): v is boolean => typeof v === 'boolean',
  'diagnostics.maxPerRule': (v): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1,
  uploadBudgetKB: (v): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0,
  foldBasePath: (v): v is boolean => typeof v === 'boolean',
  refMap: (v): v is Record<string, string> =>
    v !== null && typeof v === 'object' && !Array.isArray(v) && Object.values(v as object).every((d) => typeof d === 'string'),
  fetchRemoteRefs: (v): v is boolean => typeof v === 'boolean',
};

export class Configuration {
  private readonly cache = new Map<keyof ServerSettings, Promise<unknown>>();

  constructor(
    private readonly connection: Connection,
    private readonly initParams: () => InitializeParams | undefined,
  ) {}

  get<K extends keyof ServerSettings>(key: K): Promise<ServerSettings[K]> {
    let hit = this.cache.get(key);
    if (!hit) this.cache.set(key, (hit = this.read(key)));
    return hit as Promise<ServerSettings[K]>;
  }

  /** The client said a setting changed: read again on next use. */
  invalidate(): void {
    this.cache.clear();
  }

  private async read<K extends keyof ServerSettings>(key: K): Promise<ServerSettings[K]> {
    const params = this.initParams();
    if (params?.capabilities.workspace?.configuration) {
      try {
        const value: unknown = await this.connection.workspace.getConfiguration({ section: `rewstOpenapi.${key}` });
        if (valid[key](value)) return value;
      } catch {
        // fall back to the initialization options
      }
    }
    let option: unknown = params?.initializationOptions;
    for (const part of key.split('.')) option = option !== null && typeof option === 'object' ? (option as Record<string, unknown>)[part] : undefined;
    return valid[key](option) ? option : DEFAULTS[key];
  }
}
