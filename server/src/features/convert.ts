/**
 * The conversion commands' server side: each request hands text to the engine
 * and answers with the result or a failure that lists the places at fault.
 * Nothing is written here; the client writes files whole.
 */
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import type { ServerContext } from '../context';
import { CancelledError, ConvertError, convertSwagger2, prepareForRewst, prepareReport, readForReduce, reduceReport, reduceSpec, reduceSummary, tagsOf, yamlToJson } from '../engine/convert';
import { collectOperations } from '../engine/spec-index';
import { ConvertSwagger2Request, PrepareRequest, ReduceChoicesRequest, ReduceRequest, YamlToJsonRequest, type ConvertFailure } from '../protocol';

export function registerConvert(ctx: ServerContext): void {
  const { connection } = ctx;
  connection.onRequest(ConvertSwagger2Request, (p) =>
    answer(async () => {
      const r = await convertSwagger2(p.text, p.format);
      return { ok: true, text: r.text, from: r.from, to: r.to, warnings: r.warnings, patches: r.patches };
    }),
  );
  connection.onRequest(YamlToJsonRequest, (p) => answer(async () => ({ ok: true, text: yamlToJson(p.text).text })));
  connection.onRequest(PrepareRequest, (p, token) =>
    answer(async () => {
      const r = await prepareForRewst(p.text, { format: p.format, isCancelled: () => token.isCancellationRequested });
      return { ok: true, text: r.text, report: prepareReport(r, p.source, p.output), errorsLeft: r.remaining.filter((f) => f.severity === 'error').length, changes: r.changes.length };
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
