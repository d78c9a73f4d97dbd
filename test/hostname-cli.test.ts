/**
 * Hostname and base path through the built CLI (dist/cli.js) on copies of real
 * specs: init's warnings at the hostname (intellifi.nl: a customer subdomain
 * and /api; ably.net: /v1), lint of a settings file whose hostname is still the
 * spec's placeholder, and prepare folding the base path (the default) or not (--keep-base-path).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { runCli, specFolder, type CliRun } from './support/cli';

function cli(cwd: string, ...args: string[]): CliRun {
  return runCli(args, { cwd });
}

const dir = specFolder('rewst-hostname-cli-', { 'intellifi.nl.json': 'intellifi.nl.json', 'ably-control.json': 'ably.net/control.json' });

const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('init: warnings at the hostname', () => {
  it('intellifi.nl: the placeholder and the base path, as warnings, and the settings check flags the written hostname', () => {
    const r = cli(dir(), 'init', 'intellifi.nl.json');
    assert.equal(r.code, 0, r.stderr);
    const file = 'intellifi.nl.rewst-integration.json';
    const text = readFileSync(path.join(dir(), file), 'utf8');
    assert.equal(JSON.parse(text).hostname, 'brain.intellifi.cloud');
    const lines = r.stderr.split('\n');
    assert.ok(
      lines.includes(
        `${file}: warning (hostname): The hostname brain.intellifi.cloud is a placeholder from the server URL {protocol}://{customer}.intellifi.{tld}/api: "brain" is the default of {customer} (Customer sub-domain assigned by Intellifi); "cloud" is the default of {tld} (one of nl, cloud). Replace them with your tenant's own.`,
      ),
      r.stderr,
    );
    assert.ok(
      lines.includes(
        `${file}: warning (hostname): The server URL {protocol}://{customer}.intellifi.{tld}/api has the base path /api, and Rewst's hostname takes no path: each action would call https://brain.intellifi.cloud/authinfo, not https://brain.intellifi.cloud/api/authinfo, unless the paths carry /api. Prepare for Rewst Upload writes /api in front of every path of the upload file (unless told to keep the paths: CLI prepare --keep-base-path, setting rewstOpenapi.foldBasePath off).`,
      ),
      r.stderr,
    );
    const at = lineOf(text, '"hostname"');
    assert.match(
      r.stderr,
      new RegExp(`${file.replace(/\./g, '\\.')}:${at}:\\d+: warning settings-hostname-placeholder: The hostname is still the spec's placeholder`),
    );
    assert.match(r.stderr, /note \(icon\)/, 'other notes stay notes');
  });

  it('ably.net control: the base path /v1 as a warning, no placeholder', () => {
    const r = cli(dir(), 'init', 'ably-control.json', '-o', '-');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).hostname, 'control.ably.net');
    assert.ok(
      r.stderr
        .split('\n')
        .includes(
          "stdout: warning (hostname): The server URL https://control.ably.net/v1 has the base path /v1, and Rewst's hostname takes no path: each action would call https://control.ably.net/accounts/{account_id}/apps, not https://control.ably.net/v1/accounts/{account_id}/apps, unless the paths carry /v1. Prepare for Rewst Upload writes /v1 in front of every path of the upload file (unless told to keep the paths: CLI prepare --keep-base-path, setting rewstOpenapi.foldBasePath off).",
        ),
      r.stderr,
    );
    // No placeholder hostname (the organization-mapping note's "placeholder action" is another thing).
    assert.doesNotMatch(r.stderr, /is a placeholder|settings-hostname-placeholder|spec's placeholder/);
  });
});

describe('lint of a settings file whose hostname is the placeholder', () => {
  it('warns at the hostname until the tenant replaces it', () => {
    const file = path.join(dir(), 'intellifi.nl.rewst-integration.json');
    const text = readFileSync(file, 'utf8');
    const r = cli(dir(), 'lint', 'intellifi.nl.rewst-integration.json');
    assert.match(
      r.stdout,
      new RegExp(
        `intellifi\\.nl\\.rewst-integration\\.json:${lineOf(text, '"hostname"')}:\\d+: warning settings-hostname-placeholder: The hostname is still the spec's placeholder \\(server URL \\{protocol\\}://\\{customer\\}\\.intellifi\\.\\{tld\\}/api\\): "brain" is the default of \\{customer\\}`,
      ),
    );
    writeFileSync(file, text.replace('"brain.intellifi.cloud"', '"acme.intellifi.cloud"'));
    assert.doesNotMatch(cli(dir(), 'lint', 'intellifi.nl.rewst-integration.json').stdout, /settings-hostname-placeholder/);
    writeFileSync(file, text.replace('"brain.intellifi.cloud"', '"{customer}.intellifi.cloud"'));
    const braces = cli(dir(), 'lint', 'intellifi.nl.rewst-integration.json');
    assert.match(
      braces.stdout,
      /error settings-hostname-placeholder: "\{customer\}\.intellifi\.cloud" is not a hostname: the server variable \{customer\} must be replaced/,
    );
    assert.equal(braces.code, 1);
  });
});

describe('prepare and the base path', () => {
  const pathsOf = (file: string) => Object.keys((JSON.parse(readFileSync(path.join(dir(), file), 'utf8')) as { paths: object }).paths);
  const operationsSaid = (stderr: string) => Number(/, (\d+) operation\(s\)\)/.exec(stderr)?.[1]);

  it('with --keep-base-path: the paths as they were, not ready (exit 1); the report says /v1 is NOT in them and what Rewst calls', () => {
    const r = cli(dir(), 'prepare', 'ably-control.json', '-o', 'plain.rewst.json', '--keep-base-path');
    assert.ok(existsSync(path.join(dir(), 'plain.rewst.json')), r.stderr);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /^Not ready: 13 paths without the base path \/v1, whose actions would call the wrong URL/m);
    // One line per path, at its key in the written file (the input is one line of JSON, kept as it is).
    const written = readFileSync(path.join(dir(), 'plain.rewst.json'), 'utf8');
    const at = /^plain\.rewst\.json:1:(\d+): still needs a person: the path \/me does not start with the base path \/v1$/m.exec(r.stderr);
    assert.ok(at, r.stderr);
    assert.equal(written.indexOf('"/me":'), Number(at[1]) - 1);
    const source = Object.keys((JSON.parse(readFileSync(path.join(dir(), 'ably-control.json'), 'utf8')) as { paths: object }).paths);
    assert.deepEqual(pathsOf('plain.rewst.json'), source);
    assert.ok(
      r.stderr
        .split('\n')
        .includes(
          "  warning: Base path /v1 is NOT in the paths (kept out, as asked: --keep-base-path or the setting rewstOpenapi.foldBasePath off): Rewst's hostname takes no path, so each action calls https://control.ably.net/accounts/{account_id}/apps, not https://control.ably.net/v1/accounts/{account_id}/apps. Prepare without --keep-base-path (the setting on, its default) to write /v1 in front of every path.",
        ),
      r.stderr,
    );
  });

  it('by default: every path prefixed once, the same operations, the server URL its origin, ready, and said', () => {
    const plain = cli(dir(), 'prepare', 'ably-control.json', '-o', 'plain.rewst.json', '--keep-base-path');
    const r = cli(dir(), 'prepare', 'ably-control.json', '-o', 'folded.rewst.json');
    assert.ok(existsSync(path.join(dir(), 'folded.rewst.json')), r.stderr);
    assert.equal(r.code, 0, r.stderr);
    // --fold-base-path, the old opt-in, is still taken and writes the same file.
    const flagged = cli(dir(), 'prepare', 'ably-control.json', '-o', 'flagged.rewst.json', '--fold-base-path');
    assert.equal(flagged.code, 0, flagged.stderr);
    assert.equal(readFileSync(path.join(dir(), 'flagged.rewst.json'), 'utf8'), readFileSync(path.join(dir(), 'folded.rewst.json'), 'utf8'));
    const before = pathsOf('plain.rewst.json');
    const folded = pathsOf('folded.rewst.json');
    assert.deepEqual(
      folded,
      before.map((k) => `/v1${k}`),
    );
    assert.ok(
      folded.every((k) => !k.startsWith('/v1/v1')),
      'never doubled',
    );
    assert.equal(operationsSaid(r.stderr), operationsSaid(plain.stderr));
    assert.ok(operationsSaid(r.stderr) > 0);
    assert.deepEqual((JSON.parse(readFileSync(path.join(dir(), 'folded.rewst.json'), 'utf8')) as { servers: unknown }).servers, [
      { url: 'https://control.ably.net' },
    ]);
    assert.match(
      r.stderr,
      /\n {2}changed: Base path \/v1 folded into 13 paths; the server URL https:\/\/control\.ably\.net\/v1 is now https:\/\/control\.ably\.net, so Rewst calls https:\/\/control\.ably\.net\/v1\/accounts\/\{account_id\}\/apps\. Done by default, since Rewst's hostname takes no path/,
    );
    assert.doesNotMatch(r.stderr, /is NOT in the paths/);
    // Prepared again, the folded file carries its paths: nothing is folded twice.
    const again = cli(dir(), 'prepare', 'folded.rewst.json', '-o', 'again.rewst.json');
    assert.deepEqual(pathsOf('again.rewst.json'), folded, again.stderr);
  });

  it('usage names the flag; the two flags together are a usage error', () => {
    assert.match(cli(dir(), 'help').stdout + cli(dir(), 'help').stderr, /--keep-base-path/);
    const both = cli(dir(), 'prepare', 'ably-control.json', '--keep-base-path', '--fold-base-path');
    assert.equal(both.code, 2);
    assert.match(both.stderr, /--fold-base-path and --keep-base-path say opposite things/);
  });
});
