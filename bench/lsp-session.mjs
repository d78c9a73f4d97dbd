/**
 * A language-server session for benchmarks: the built dist/server.js over its
 * real stdio LSP connection (vscode-jsonrpc), sending what VS Code sends.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { require, root } from './lib.mjs';

const rpc = require('vscode-jsonrpc/node');

export async function startServer({ initializationOptions = {}, exposeGc = true, resolve = true } = {}) {
  const args = [...(exposeGc ? ['--expose-gc'] : []), join(root, 'dist/server.js'), '--stdio'];
  const proc = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  proc.stderr.on('data', () => undefined);
  proc.stdin.on('error', () => undefined);
  const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(proc.stdout), new rpc.StreamMessageWriter(proc.stdin));
  const diagnostics = new Map(); // uri -> [{ version, diagnostics, at }]
  const waiters = [];
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    const list = diagnostics.get(p.uri) ?? [];
    list.push({ ...p, at: performance.now() });
    diagnostics.set(p.uri, list);
    for (const w of waiters.splice(0)) if (!w(p)) waiters.push(w);
  });
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => null));
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onNotification(() => undefined);
  conn.listen();
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: {
      textDocument: {
        codeAction: {
          codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source', 'source.fixAll'] } },
          ...(resolve ? { resolveSupport: { properties: ['edit'] } } : {}),
          dataSupport: true,
        },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        publishDiagnostics: { relatedInformation: true, versionSupport: true },
      },
    },
    initializationOptions: { spectral: { enable: false }, ...initializationOptions },
  });
  conn.sendNotification('initialized', {});
  let version = 1;
  return {
    conn,
    proc,
    diagnostics,
    /** Resolves with the first publish for `uri` that `pred` accepts (checks those already received first). */
    waitForDiagnostics(uri, pred = () => true) {
      const seen = (diagnostics.get(uri) ?? []).find(pred);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve) => waiters.push((p) => (p.uri === uri && pred(p) ? (resolve(p), true) : false)));
    },
    open(file, text, languageId) {
      const uri = pathToFileURL(file).href;
      conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: version, text } });
      return uri;
    },
    change(uri, changes) {
      conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: changes });
      return version;
    },
    request(method, params, token) {
      return token ? conn.sendRequest(method, params, token) : params === undefined ? conn.sendRequest(method) : conn.sendRequest(method, params);
    },
    async stop() {
      const exited = new Promise((r) => proc.once('exit', r));
      try {
        await Promise.race([conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
        await conn.sendNotification('exit');
      } catch {}
      await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
      conn.dispose();
      proc.kill();
    },
  };
}

/** Times an async function in ms. */
export async function timeAsync(fn) {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}
