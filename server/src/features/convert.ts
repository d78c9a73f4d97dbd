/**
 * The conversion commands' server side: each request hands text to the engine
 * and answers with the result or a failure that lists the places at fault.
 * Nothing is written here; the client writes files whole.
 */
import { basename } from 'node:path';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import type { ServerContext } from '../context';
import {
  CancelledError,
  ConvertError,
  convertSwagger2,
  prepareForRewst,
  prepareReport,
  prepareVerdict,
  readForReduce,
  reduceReport,
  reduceSpec,
  reduceSummary,
  tagsOf,
  yamlToJson,
} from '../engine/convert';
import { carrySettings, type OperationIdChange } from '../engine/settings';
import { collectOperations } from '../engine/spec-index';
import { settingsNameFor, settingsTextFor, type FileAccess } from '../engine/spec-files';
import {
  ConvertSwagger2Request,
  PrepareRequest,
  ReduceChoicesRequest,
  ReduceRequest,
  YamlToJsonRequest,
  type ConvertFailure,
  type PrepareSettings,
} from '../../../common/protocol';
import { structuralCheck } from '../spectral/structural';
import { bundlingOf, openFiles } from './open-files';
import type { UrlRefsFeature } from './url-refs';

export function registerConvert(ctx: ServerContext, urlRefs?: UrlRefsFeature): void {
  const { connection } = ctx;
  connection.onRequest(ConvertSwagger2Request, (p) =>
    answer(async () => {
      const r = await convertSwagger2(p.text, p.format);
      return { ok: true, text: r.text, from: r.from, to: r.to, warnings: r.warnings, patches: r.patches };
    }),
  );
  connection.onRequest(YamlToJsonRequest, (p) => answer(async () => ({ ok: true, text: yamlToJson(p.text).text })));
  const files = openFiles(ctx.documents);
  connection.onRequest(PrepareRequest, (p, token) =>
    answer(async () => {
      // A saved spec's relative $refs are bundled from its folder (an open editor's text wins over the disk).
      const { file, ...bundling } = bundlingOf(ctx.documents, p.uri);
      const isCancelled = () => token.isCancellationRequested;
      const budgetKB = p.budgetKB ?? (await ctx.configuration.get('uploadBudgetKB'));
      const r = await prepareForRewst(p.text, {
        format: p.format,
        isCancelled,
        ...bundling,
        structural: (t, rewst) => structuralCheck(t, rewst, isCancelled),
        slim: p.slim === true,
        budgetKB: budgetKB > 0 ? budgetKB : undefined,
        foldBasePath: p.foldBasePath ?? (await ctx.configuration.get('foldBasePath')),
        urls: await urlRefs?.prepareOptions(),
      });
      return {
        ok: true,
        text: r.text,
        report: prepareReport(r, p.source, p.output),
        settings: file ? carriedSettings(files, file, p.output, r.operationIds) : undefined,
        errorsLeft: r.blocking.errors,
        referencesLeft: r.blocking.references,
        structuralLeft: r.blocking.structural,
        ready: r.ready,
        verdict: prepareVerdict(r),
        changes: r.changes.length,
        bytes: r.bytes,
        budget: r.budget && { kb: r.budget.kb, fits: r.budget.fits },
        basePath: r.basePath && { path: r.basePath.basePath, folded: r.basePath.folded, prefixed: r.basePath.prefixed, missing: r.basePath.missing },
      };
    }),
  );
  connection.onRequest(ReduceChoicesRequest, (p) =>
    answer(async () => {
      const { value } = readForReduce(p.text, p.format);
      const ops = collectOperations(value);
      const methods = new Map<string, number>();
      for (const { method } of ops) methods.set(method, (methods.get(method) ?? 0) + 1);
      return {
        ok: true,
        operations: ops.length,
        tags: [...tagsOf(value)].map(([name, n]) => ({ name, operations: n })),
        methods: [...methods].map(([method, n]) => ({ method, operations: n })),
      };
    }),
  );
  connection.onRequest(ReduceRequest, (p) =>
    answer(async () => {
      const r = reduceSpec(p.text, { tags: p.tags, paths: p.paths, methods: p.methods }, { format: p.format });
      return { ok: true, text: r.text, summary: reduceSummary(r), report: reduceReport(r, p.source, p.output, p.selection) };
    }),
  );
}

/**
 * The settings file beside a saved spec (found by the one locator; an open editor's text wins), carried over
 * for the prepared file `output`, which the client writes beside the original: paths relative to the spec stay.
 */
function carriedSettings(files: FileAccess, file: string, output: string, operations: OperationIdChange[]): PrepareSettings | undefined {
  const settings = settingsTextFor(files, file);
  if (!settings) return undefined;
  const carried = carrySettings(settings.text, operations, { spec: output });
  return { from: basename(settings.file), name: settingsNameFor(output), text: carried.text, changes: carried.changes };
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
