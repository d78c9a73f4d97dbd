/**
 * Lines the extension logs to its "Rewst OpenAPI" output channel, read from the channel's log files in
 * code-server's logs folder: `PREFIX key=value key=value uri=URI`, as server/src/open-timing.ts writes them
 * (the stages of a document's opening; a request slower than the client's threshold).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const CHANNEL = /Rewst OpenAPI\.log$/;

export interface LoggedLine {
  uri: string;
  values: Record<string, number>;
}

export function channelLines(logsDir: string, prefix: string): LoggedLine[] {
  const found: LoggedLine[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (CHANNEL.test(e.name)) {
        for (const line of readFileSync(p, 'utf8').split('\n')) {
          const at = line.indexOf(prefix);
          if (at < 0) continue;
          const [fields, uri] = line.slice(at + prefix.length).split(' uri=');
          const values: Record<string, number> = {};
          for (const f of fields.trim().split(' ')) {
            const [k, v] = f.split('=');
            values[k] = Number(v);
          }
          found.push({ uri: (uri ?? '').trim(), values });
        }
      }
    }
  };
  walk(logsDir);
  return found;
}
