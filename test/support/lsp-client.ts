/**
 * A small LSP client for protocol tests: it spawns a real language server
 * process and speaks JSON-RPC to it over stdio with Content-Length framing.
 * No mocks, no vscode-jsonrpc: the framing is written out here so a test
 * failure can be read against the wire format.
 *
 * Everything that waits has a timeout, so a broken server fails a test fast
 * instead of hanging it.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import type { InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

/** A method: its typed constant (common/protocol.ts's `*Request`, `*Notification`) or, for LSP's own, its name. */
export type Method = string | { readonly method: string };

function methodOf(type: Method): string {
  return typeof type === 'string' ? type : type.method;
}

export const DEFAULT_TIMEOUT_MS = 3000;

interface Message {
  jsonrpc: '2.0';
  id?: number | string | null;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
}

interface Pending {
  method: string;
  resolve(result: unknown): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

interface DiagnosticsWaiter {
  /** Whether the publish just received (the last of `all`) is the one awaited. */
  matches(params: PublishDiagnosticsParams, all: PublishDiagnosticsParams[]): boolean;
  /** A waitForDiagnostics: a publish goes to one of these only. */
  one: boolean;
  resolve(params: PublishDiagnosticsParams): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

export class LspClient {
  /** Every textDocument/publishDiagnostics received, in order of arrival. */
  readonly published: PublishDiagnosticsParams[] = [];
  /** Every other notification received from the server, in order. */
  readonly notifications: Array<{ method: string; params: unknown }> = [];
  /** Every request received from the server (window/showMessageRequest, say), in order. */
  readonly serverRequests: Array<{ method: string; params: unknown }> = [];
  /** The answer to a request from the server; undefined answers null. */
  answerServerRequest?: (method: string, params: unknown) => unknown;

  private readonly proc: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private waiters: DiagnosticsWaiter[] = [];
  /** waitForNotification's waiters: each checks every notification that arrives. */
  private notificationWaiters: Array<{ check(): void; fail(error: Error): void }> = [];
  private stderr = '';
  /** Set once the server has answered a request: a server that never did is killed without ceremony. */
  private answered = false;
  private exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  private readonly exitPromise: Promise<void>;

  constructor(command: string, args: string[], cwd?: string) {
    this.proc = spawn(command, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    this.proc.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    // Writing to a server that died would throw EPIPE asynchronously; the exit handler reports it instead.
    this.proc.stdin.on('error', () => undefined);
    this.exitPromise = new Promise((resolve) => {
      this.proc.on('exit', (code, signal) => {
        this.exited = { code, signal };
        this.failEverything(new Error(`server exited (code ${code}, signal ${signal})${this.stderrTail()}`));
        resolve();
      });
    });
  }

  /** Spawns `node <serverPath> --stdio`. */
  /** The server process's id (to look at its threads). */
  get pid(): number | undefined {
    return this.proc.pid;
  }

  static start(serverPath: string, cwd?: string): LspClient {
    return new LspClient(process.execPath, [serverPath, '--stdio'], cwd);
  }

  /** Sends `initialize` then `initialized`, and returns the server's capabilities. */
  async initialize(
    rootUri: string | null = null,
    initializationOptions?: unknown,
    extra: { workspace?: object; codeAction?: Record<string, unknown> } = {},
  ): Promise<InitializeResult> {
    const result = await this.request<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri,
      initializationOptions,
      capabilities: {
        workspace: extra.workspace,
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          codeAction: {
            dataSupport: true,
            isPreferredSupport: true,
            codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
            ...extra.codeAction,
          },
        },
      },
    });
    this.notify('initialized', {});
    return result;
  }

  /** `type`: a method's RequestType from common/protocol.ts (or LSP's), or the method's name for LSP's own. */
  request<R = unknown>(type: Method, params: unknown, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<R> {
    const method = methodOf(type);
    if (this.exited) return Promise.reject(new Error(`cannot send ${method}: server has exited${this.stderrTail()}`));
    const id = this.nextId++;
    return new Promise<R>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`no response to ${method} (id ${id}) within ${timeoutMs} ms${this.stderrTail()}`));
      }, timeoutMs);
      this.pending.set(id, { method, resolve: resolve as (r: unknown) => void, reject, timer });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  /**
   * Sends a request and its `$/cancelRequest` in one write, so the server reads both before it runs the
   * request (as when the cursor has moved on): resolves with what the server answered, or its error.
   */
  requestCancelledAtOnce(method: Method, params: unknown, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<unknown> {
    const id = this.nextId;
    this.proc.stdin.cork();
    const pending = this.request(method, params, timeoutMs);
    this.notify('$/cancelRequest', { id });
    this.proc.stdin.uncork();
    return pending;
  }

  notify(type: Method, params: unknown): void {
    const method = methodOf(type);
    if (this.exited) throw new Error(`cannot send ${method}: server has exited${this.stderrTail()}`);
    this.send({ jsonrpc: '2.0', method, params });
  }

  /**
   * Resolves with the next publishDiagnostics for `uri` that arrives after this
   * call (for `version` when given). Call it before awaiting anything else once
   * the triggering notification is sent, or the publish may already be gone by.
   */
  waitForDiagnostics(uri: string, options: { version?: number; timeoutMs?: number } = {}): Promise<PublishDiagnosticsParams> {
    const { version, timeoutMs = DEFAULT_TIMEOUT_MS } = options;
    return this.awaitPublish(
      true,
      (p) => p.uri === uri && (version === undefined || version === p.version),
      timeoutMs,
      () => {
        const seen = this.published.filter((p) => p.uri === uri).map((p) => p.version ?? 'none');
        return `no diagnostics for ${uri}${version === undefined ? '' : ` version ${version}`} within ${timeoutMs} ms (versions published so far: ${seen.join(', ') || 'none'})`;
      },
    );
  }

  /**
   * Resolves once every publish received so far, taken together, satisfies `ok`: checked now and again
   * at each publish (no polling). `what` names the wait in the timeout's message.
   */
  publishedUntil(ok: (all: PublishDiagnosticsParams[]) => boolean, what: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
    if (ok(this.published)) return Promise.resolve();
    return this.awaitPublish(
      false,
      (_p, all) => ok(all),
      timeoutMs,
      () => `timed out after ${timeoutMs} ms waiting for ${what}; published: ${this.published.map((p) => `v${p.version}:${p.diagnostics.length}`).join(' ')}`,
    ).then(() => undefined);
  }

  private awaitPublish(one: boolean, matches: DiagnosticsWaiter['matches'], timeoutMs: number, failure: () => string): Promise<PublishDiagnosticsParams> {
    if (this.exited) return Promise.reject(new Error(`server has exited${this.stderrTail()}`));
    return new Promise((resolve, reject) => {
      const waiter: DiagnosticsWaiter = {
        one,
        matches,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters = this.waiters.filter((w) => w !== waiter);
          reject(new Error(`${failure()}${this.stderrTail()}`));
        }, timeoutMs),
      };
      this.waiters.push(waiter);
    });
  }

  /**
   * Resolves with the params of the first notification `method` received from now on (or, with `since`, from
   * that index of `notifications`) that satisfies `ok`: checked at each arrival, no polling.
   */
  waitForNotification<T>(type: Method, ok: (params: T) => boolean, options: { since?: number; timeoutMs?: number } = {}): Promise<T> {
    const { since = this.notifications.length, timeoutMs = DEFAULT_TIMEOUT_MS } = options;
    const method = methodOf(type);
    if (this.exited) return Promise.reject(new Error(`server has exited${this.stderrTail()}`));
    return new Promise((resolve, reject) => {
      const matching = () => this.notifications.slice(since).filter((n) => n.method === method);
      const waiter = {
        check: () => {
          const hit = matching().find((n) => ok(n.params as T));
          if (hit) done(() => resolve(hit.params as T));
        },
        fail: (error: Error) => done(() => reject(error)),
      };
      const timer = setTimeout(
        () =>
          waiter.fail(
            new Error(`no ${method} as awaited within ${timeoutMs} ms; received: ${JSON.stringify(matching().map((n) => n.params))}${this.stderrTail()}`),
          ),
        timeoutMs,
      );
      const done = (settle: () => void) => {
        clearTimeout(timer);
        this.notificationWaiters = this.notificationWaiters.filter((w) => w !== waiter);
        settle();
      };
      this.notificationWaiters.push(waiter);
      waiter.check();
    });
  }

  /** Polite shutdown (shutdown request, exit notification); kills the process if it lingers. Returns the exit code. */
  async shutdown(timeoutMs = 1000): Promise<number | null> {
    if (!this.exited && !this.answered) {
      this.proc.kill('SIGKILL');
      await this.exitPromise;
    } else if (!this.exited) {
      try {
        await this.request('shutdown', null, timeoutMs);
        this.notify('exit', null);
      } catch {
        // fall through to the kill below
      }
      const lingering = setTimeout(() => this.proc.kill('SIGKILL'), timeoutMs);
      await this.exitPromise;
      clearTimeout(lingering);
    }
    return this.exited?.code ?? null;
  }

  /** The server's stderr so far (where the language server library reports crashes). */
  get stderrText(): string {
    return this.stderr;
  }

  // --- wire format ---

  private send(message: Message): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.proc.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd === -1) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const match = /^Content-Length: *(\d+)$/im.exec(header);
      if (!match) {
        this.failEverything(new Error(`server sent a message without Content-Length: ${JSON.stringify(header)}`));
        this.proc.kill('SIGKILL');
        return;
      }
      const length = Number(match[1]); // in bytes, not characters
      const start = headerEnd + 4;
      if (this.buffer.length < start + length) return;
      const body = this.buffer.subarray(start, start + length).toString('utf8');
      this.buffer = this.buffer.subarray(start + length);
      this.dispatch(JSON.parse(body) as Message);
    }
  }

  private dispatch(message: Message): void {
    if (message.method !== undefined && message.id !== undefined && message.id !== null) {
      // A request from the server (e.g. client/registerCapability): accept it with an empty result, or what the test answers.
      this.serverRequests.push({ method: message.method, params: message.params });
      this.send({ jsonrpc: '2.0', id: message.id, result: this.answerServerRequest?.(message.method, message.params) ?? null });
      return;
    }
    if (message.method !== undefined) {
      if (message.method === 'textDocument/publishDiagnostics') this.onDiagnostics(message.params as PublishDiagnosticsParams);
      else {
        this.notifications.push({ method: message.method, params: message.params });
        for (const w of [...this.notificationWaiters]) w.check();
      }
      return;
    }
    const pending = typeof message.id === 'number' ? this.pending.get(message.id) : undefined;
    if (!pending) return;
    this.pending.delete(message.id as number);
    clearTimeout(pending.timer);
    this.answered = true;
    if (message.error) pending.reject(new Error(`${pending.method} failed: ${message.error.message} (code ${message.error.code})`));
    else pending.resolve(message.result);
  }

  private onDiagnostics(params: PublishDiagnosticsParams): void {
    this.published.push(params);
    // A publish answers the earliest waitForDiagnostics that wants it (one only), and every publishedUntil it satisfies.
    let answered = false;
    for (const w of [...this.waiters]) {
      if ((w.one && answered) || !w.matches(params, this.published)) continue;
      answered ||= w.one;
      this.waiters = this.waiters.filter((x) => x !== w);
      clearTimeout(w.timer);
      w.resolve(params);
    }
  }

  private failEverything(error: Error): void {
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(error);
    }
    this.pending.clear();
    for (const w of this.waiters) {
      clearTimeout(w.timer);
      w.reject(error);
    }
    this.waiters = [];
    for (const w of [...this.notificationWaiters]) w.fail(error);
  }

  private stderrTail(): string {
    const tail = this.stderr.trim().split('\n').slice(-10).join('\n');
    return tail ? `\n--- server stderr ---\n${tail}` : '';
  }
}
