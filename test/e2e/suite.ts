/**
 * The end-to-end suite: the packaged extension in a real VS Code
 * (code-server), driven through Debian's chromium. One shared session; each
 * file in scenarios/ is one test, run in name order. Run with
 * `npm run test:e2e`; some scenarios only: REWST_E2E_ONLY=regex (file name or title).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PENDING } from './pending';
import type { Scenario } from './scenario';
import { Session, type NamedScenario } from './session';

const SCENARIOS = path.join(__dirname, 'scenarios');

/** REWST_E2E_ONLY=regex runs only the scenarios whose file name or title matches; the others are listed as skipped. */
const only = process.env.REWST_E2E_ONLY ? new RegExp(process.env.REWST_E2E_ONLY, 'i') : undefined;
const chosen = (s: NamedScenario) => !only || only.test(s.id) || only.test(s.title);

const scenarios: NamedScenario[] = readdirSync(SCENARIOS)
  .filter((f) => f.endsWith('.js'))
  .sort()
  .map((f) => {
    // Scenarios are found on disk at run time, so they are loaded by path.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { scenario } = require(path.join(SCENARIOS, f)) as { scenario?: Scenario };
    if (!scenario) throw new Error(`${f} exports no "scenario"`);
    return { ...scenario, id: f.replace(/\.js$/, '') };
  });

describe('rewst-openapi in a real VS Code (code-server 4.100.3, chromium)', () => {
  let session: Session | undefined;

  // First run on a fresh machine installs Debian packages and code-server: minutes, not seconds.
  before(
    async () => {
      session = await Session.start(scenarios.filter(chosen));
    },
    { timeout: 20 * 60_000 },
  );

  after(
    async () => {
      await session?.stop();
    },
    { timeout: 60_000 },
  );

  for (const s of scenarios) {
    if (!chosen(s)) {
      it.skip(`${s.title} (not chosen by REWST_E2E_ONLY)`);
      continue;
    }
    it(s.title, { timeout: s.timeoutMs ?? 180_000 }, async () => {
      if (!session) throw new Error('the session did not start (see the set-up error above)');
      await session.run(s);
    });
  }

  for (const p of PENDING) it.todo(`${p.title} (waits for ${p.waitsFor})`);
});
