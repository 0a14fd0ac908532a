import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireCommand } from '@internal/test-harness';
import { buildQuickAddPackage } from './quickAddPackage';

const bsdtar = requireCommand('bsdtar', 'libarchive-tools');
const python = requireCommand('python3', 'python3');
const unshare = requireCommand('unshare', 'util-linux');

/** Parses XML with Python's ElementTree (a parser other than ours) into JSON. */
function parseXml(xml: string): any {
  const script = `
import sys, json, xml.etree.ElementTree as ET
def conv(e):
    return {"tag": e.tag, "attrs": e.attrib, "text": (e.text or "").strip(), "children": [conv(c) for c in e]}
print(json.dumps(conv(ET.fromstring(sys.stdin.buffer.read()))))
`;
  return JSON.parse(
    execFileSync(python, ['-c', script], { input: xml }).toString(),
  );
}

function find(node: any, tag: string): any[] {
  const found = node.tag === tag ? [node] : [];
  return found.concat(...node.children.map((c: any) => find(c, tag)));
}

/**
 * Runs the package's postinstall as Installer would (root, with the
 * package, install location and target volume as $1..$3), with a stand-in
 * for macOS's /usr/bin/profiles laid over /usr/bin in a private mount
 * namespace, so that nothing outside this test sees it.
 */
function runPostinstall(
  scriptsDir: string,
  targetVolume: string,
  profilesExitCode = 0,
) {
  if (process.getuid?.() !== 0) {
    throw new Error(
      'This test runs the postinstall script in a private mount namespace, which needs root (run npm test as root, as CI does).',
    );
  }
  const work = mkdtempSync(join(tmpdir(), 'postinstall-'));
  const upper = join(work, 'upper');
  mkdirSync(upper);
  mkdirSync(join(work, 'work'));
  const record = join(work, 'profiles-call');
  writeFileSync(
    join(upper, 'profiles'),
    `#!/bin/sh\nprintf '%s\\n' "$@" > '${record}'\ncp "$3" '${record}.profile'\nexit ${profilesExitCode}\n`,
  );
  chmodSync(join(upper, 'profiles'), 0o755);
  const run = spawnSync(unshare, [
    '--mount',
    '--',
    'sh',
    '-c',
    `mount -t overlay overlay -o lowerdir=/usr/bin,upperdir=${upper},workdir=${join(
      work,
      'work',
    )} /usr/bin && exec "$0" "$@"`,
    join(scriptsDir, 'postinstall'),
    '/tmp/QuickAdd.pkg',
    '/',
    targetVolume,
    '/',
  ]);
  const result = {
    status: run.status,
    stdout: run.stdout.toString(),
    stderr: run.stderr.toString(),
    args: existsSync(record)
      ? readFileSync(record, 'utf8').trim().split('\n')
      : undefined,
    profile: existsSync(`${record}.profile`)
      ? readFileSync(`${record}.profile`)
      : undefined,
  };
  rmSync(work, { recursive: true, force: true });
  return result;
}

describe('the QuickAdd package', () => {
  let dir: string;
  const profile = Buffer.from([0x30, 0x82, 0x01, 0x00, 0xde, 0xad, 0xbe, 0xef]);
  let pkgFile: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'quickadd-'));
    pkgFile = join(dir, 'QuickAdd.pkg');
    writeFileSync(
      pkgFile,
      buildQuickAddPackage({
        organization: `O'Brien & <Sons>`,
        identifier: 'com.example.enroll',
        profile,
      }),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const extract = (name: string) =>
    execFileSync(bsdtar, ['-xOf', pkgFile, name]);

  it('is a product archive with one scripts-only component package', () => {
    expect(
      execFileSync(bsdtar, ['-tf', pkgFile]).toString().split('\n'),
    ).toEqual([
      'Distribution',
      'base.pkg',
      'base.pkg/PackageInfo',
      'base.pkg/Scripts',
      '',
    ]);
  });

  it('has a Distribution Installer accepts: one hidden choice, startup disk, before macOS 10.13', () => {
    const distribution = parseXml(extract('Distribution').toString());
    expect(distribution.tag).toBe('installer-gui-script');
    expect(find(distribution, 'title')[0].text).toBe(
      `O'Brien & <Sons> Enrollment`,
    );
    expect(find(distribution, 'os-version')[0].attrs).toEqual({
      min: '10.7',
      before: '10.13',
    });
    expect(find(distribution, 'domains')[0].attrs.enable_localSystem).toBe(
      'true',
    );
    const refs = find(distribution, 'pkg-ref');
    expect(refs.every((r: any) => r.attrs.id === 'com.example.enroll')).toBe(
      true,
    );
    expect(refs.map((r: any) => r.text)).toContain('#base.pkg');
    const choices = find(distribution, 'choice');
    expect(choices.map((c: any) => c.attrs.id)).toEqual([
      'default',
      'com.example.enroll',
    ]);
  });

  it('has a PackageInfo that runs the postinstall as root on /', () => {
    const info = parseXml(extract('base.pkg/PackageInfo').toString());
    expect(info.attrs).toMatchObject({
      'format-version': '2',
      identifier: 'com.example.enroll',
      'install-location': '/',
      auth: 'root',
    });
    expect(find(info, 'postinstall')[0].attrs.file).toBe('./postinstall');
  });

  it('carries the postinstall (0755, root:admin) and the profile byte for byte', () => {
    const scripts = join(dir, 'scripts');
    mkdirSync(scripts);
    execFileSync(bsdtar, ['-xf', '-', '-C', scripts], {
      input: extract('base.pkg/Scripts'),
    });
    const listing = execFileSync(bsdtar, ['-tvf', '-'], {
      input: extract('base.pkg/Scripts'),
    }).toString();
    expect(listing).toMatch(/^-rwxr-xr-x +1 0 +80 .* \.\/postinstall$/m);
    expect(readFileSync(join(scripts, 'enrollment.mobileconfig'))).toEqual(
      profile,
    );
    expect(spawnSync('sh', ['-n', join(scripts, 'postinstall')]).status).toBe(
      0,
    );
  });

  describe('its postinstall', () => {
    let scripts: string;
    beforeAll(() => {
      scripts = join(dir, 'run');
      mkdirSync(scripts);
      execFileSync(bsdtar, ['-xf', '-', '-C', scripts], {
        input: extract('base.pkg/Scripts'),
      });
    });

    it('installs the profile next to it with profiles -I -F', () => {
      const run = runPostinstall(scripts, '/');
      expect(run.status).toBe(0);
      expect(run.args).toEqual([
        '-I',
        '-F',
        join(scripts, 'enrollment.mobileconfig'),
      ]);
      expect(run.profile).toEqual(profile);
      expect(run.stdout).toContain(`enrolled with O'Brien & <Sons>`);
    });

    it('fails, saying why, when macOS refuses the profile', () => {
      const run = runPostinstall(scripts, '/', 3);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('did not install the enrollment profile');
    });

    it('refuses a volume other than the startup disk', () => {
      const run = runPostinstall(scripts, '/Volumes/Backup');
      expect(run.status).toBe(1);
      expect(run.args).toBeUndefined();
      expect(run.stderr).toContain('only on the startup disk');
    });
  });
});
