/**
 * The conversion commands' server side: each request hands text to the engine
 * and answers with the result or a failure that lists the places at fault.
 * Nothing is written here; the client writes files whole.
 */
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver/node';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ServerContext } from '../context';
import { bundleReaderWithin } from '../read-within';
import { structuralCheck } from '../spectral/structural';
import { CancelledError, ConvertError, convertSwagger2, prepareForRewst, prepareReport, prepareVerdict, readForReduce, reduceReport, reduceSpec, reduceSummary, tagsOf, yamlToJson } from '../engine/convert';
import { carrySettings, settingsNameFor, settingsNamesFor, type OperationIdChange } from '../engine/settings';
import { HTTP_METHODS, isObject } from '../engine/spec-index';
import {
  CONVERT_SWAGGER2_METHOD,
  PREPARE_METHOD,
  REDUCE_CHOICES_METHOD,
  REDUCE_METHOD,
  YAML_TO_JSON_METHOD,
  type ConvertFailure,
  type ConvertParams,
  type ConvertSwagger2Result,
  type PrepareParams,
  type PrepareResponse,
  type PrepareSettings,
  type ReduceChoicesResult,
  type ReduceParams,
  type ReduceResponse,
  type YamlToJsonResult,
} from './convert-protocol';

export function registerConvert(ctx: ServerContext): void {
  const { connection } = ctx;
  connection.onRequest(CONVERT_SWAGGER2_METHOD, (p: ConvertParams): Promise<ConvertSwagger2Result> =>
    answer(async () => {
      const r = await convertSwagger2(p.text, p.format);
      return { ok: true, text: r.text, from: r.from, to: r.to, warnings: r.warnings, patches: r.patches };
    }),
  );
  connection.onRequest(YAML_TO_JSON_METHOD, (p: ConvertParams): Promise<YamlToJsonResult> => answer(async () => ({ ok: true, text: yamlToJson(p.text).text })));
  connection.onRequest(PREPARE_METHOD, (p: PrepareParams, token: CancellationToken): Promise<PrepareResponse> =>
    answer(async () => {
      // A saved spec's relative $refs are bundled from its folder (an open editor's text wins over the disk).
      const file = p.uri?.startsWith('file:') ? fileURLToPath(p.uri) : undefined;
      const opened = (f: string) => ctx.documents.get(pathToFileURL(f).toString())?.getText();
      const bundling = file ? { entry: basename(file), read: bundleReaderWithin(dirname(file), opened) } : {};
      const isCancelled = () => token.isCancellationRequested;
      const r = await prepareForRewst(p.text, { format: p.format, isCancelled, ...bundling, structural: (t, rewst) => structuralCheck(t, rewst, isCancelled) });
      return {
        ok: true,
        text: r.text,
        report: prepareReport(r, p.source, p.output),
        settings: file ? carriedSettings(file, p.output, r.operationIds, opened) : undefined,
        errorsLeft: r.blocking.errors,
        referencesLeft: r.blocking.references,
        structuralLeft: r.blocking.structural,
        ready: r.ready,
        verdict: prepareVerdict(r),
        changes: r.changes.length,
      };
    }),
  );
  connection.onRequest(REDUCE_CHOICES_METHOD, (p: ConvertParams): Promise<ReduceChoicesResult> =>
    answer(async () => {
      const { value } = readForReduce(p.text, p.format);
      const methods = new Map<string, number>();
      let operations = 0;
      for (const item of Object.values(isObject(value.paths) ? value.paths : {})) {
        if (!isObject(item)) continue;
        for (const m of HTTP_METHODS) if (isObject(item[m])) (operations++, methods.set(m, (methods.get(m) ?? 0) + 1));
      }
      return {
        ok: true,
        operations,
        tags: [...tagsOf(value)].map(([name, n]) => ({ name, operations: n })),
        methods: [...methods].map(([method, n]) => ({ method, operations: n })),
      };
    }),
  );
  connection.onRequest(REDUCE_METHOD, (p: ReduceParams & { source: string; output: string; selection: string }): Promise<ReduceResponse> =>
    answer(async () => {
      const r = reduceSpec(p.text, { tags: p.tags, paths: p.paths, methods: p.methods }, { format: p.format });
      return { ok: true, text: r.text, summary: reduceSummary(r), report: reduceReport(r, p.source, p.output, p.selection) };
    }),
  );
}

/**
 * The settings file beside a saved spec (an open editor's text wins), carried over for the prepared file
 * `output`, which the client writes beside the original: paths relative to the spec stay as they are.
 */
function carriedSettings(file: string, output: string, operations: OperationIdChange[], opened: (f: string) => string | undefined): PrepareSettings | undefined {
  const dir = dirname(file);
  for (const name of settingsNamesFor(basename(file))) {
    const from = join(dir, name);
    let text = opened(from);
    if (text === undefined && existsSync(from)) text = readFileSync(from, 'utf8');
    if (text === undefined) continue;
    const carried = carrySettings(text, operations, { spec: output });
    return { from: name, name: settingsNameFor(output), text: carried.text, changes: carried.changes };
  }
  return undefined;
}

/** Engine refusals become answers; a cancellation becomes the LSP's own cancelled error. */
async function answer<T>(work: () => Promise<T>): Promise<T | ConvertFailure> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof ConvertError) return { ok: false, message: e.summary, problems: e.problems };
    if (e instanceof CancelledError) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
    return { ok: false, message: `rewst-openapi failed: ${e instanceof Error ? e.message : String(e)}`, problems: [] };
  }
}
