/**
 * Every process the suite starts runs in a process group of its own, and is
 * stopped by that group: killing one pid would leave code-server's extension
 * host and our language server running.
 */
import { readdirSync, readFileSync } from 'node:fs';

const groups = new Set<number>();

/** Remembers a group to stop at exit, whatever happens to the suite. */
export function trackGroup(pgid: number): void {
  groups.add(pgid);
}

function alive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

function signal(pgid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(-pgid, sig);
  } catch {
    // already gone
  }
}

async function gone(pgid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (alive(pgid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  return !alive(pgid);
}

/** SIGTERM to the whole group, then SIGKILL to whatever is left after `graceMs`, and waits for it to go. */
export async function stopGroup(pgid: number, graceMs = 5000): Promise<void> {
  signal(pgid, 'SIGTERM');
  if (!(await gone(pgid, graceMs))) {
    signal(pgid, 'SIGKILL');
    await gone(pgid, 3000);
  }
  groups.delete(pgid);
}

/**
 * Processes whose command line mentions `marker` (the run's scratch folder,
 * which every process we start is given): what is left after a stop.
 */
export function processesMentioning(marker: string): Array<{ pid: number; pgid: number; cmd: string }> {
  const found: Array<{ pid: number; pgid: number; cmd: string }> = [];
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      if (!cmd.includes(marker)) continue;
      // Field 5 of /proc/PID/stat is the process group; the command name (field 2) may hold spaces.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const pgid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
      found.push({ pid, pgid, cmd });
    } catch {
      // exited while we looked
    }
  }
  return found;
}

/** Stops the groups of any process still mentioning `marker`; returns what it found. */
export async function sweep(marker: string): Promise<string[]> {
  const left = processesMentioning(marker);
  for (const pgid of new Set(left.map((p) => p.pgid))) await stopGroup(pgid, 2000);
  return left.map((p) => `${p.pid} (group ${p.pgid}): ${p.cmd.slice(0, 160)}`);
}

// Last resort when the suite is interrupted or crashes: no code-server left behind.
process.on('exit', () => {
  for (const pgid of groups) signal(pgid, 'SIGKILL');
});
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => {
    for (const pgid of groups) signal(pgid, 'SIGKILL');
    process.exit(130);
  });
}
