// micromdm's Go SCEP server (Debian package `scep`) as the reference, and its
// scepclient for a smoke check of both servers.
import {
  ChildProcess,
  execFile,
  execFileSync,
  spawn,
} from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort, requireCommand, waitForPort } from '@internal/test-harness';
import { onCleanup } from './cleanup';

export interface RunningScepserver {
  /** http://127.0.0.1:PORT/scep */
  url: string;
  pid: number;
  /** Why it refused to issue, from its log ("failed to sign CSR"), with counts. */
  signFailures(): Map<string, number>;
  stop(): Promise<void>;
}

/**
 * `scepserver ca -init` (RSA-2048, like our CA) in a temp depot, then
 * `scepserver -depot … -port … -challenge …`. scepserver 2.1.0 has no
 * listen-address flag (it listens on ":PORT"); it is reached on 127.0.0.1.
 */
export async function startScepserver(
  challenge: string,
): Promise<RunningScepserver> {
  const bin = requireCommand('scepserver', 'scep');
  const dir = mkdtempSync(join(tmpdir(), 'scepserver-'));
  const depot = join(dir, 'depot');
  execFileSync(
    bin,
    [
      'ca',
      '-init',
      '-depot',
      depot,
      '-keySize',
      '2048',
      '-organization',
      'Bench',
    ],
    { stdio: 'pipe' },
  );
  const port = await freePort();
  const child: ChildProcess = spawn(
    bin,
    ['-depot', depot, '-port', String(port), '-challenge', challenge],
    // It logs every request, as ours does; kept for errors only.
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let output = '';
  let partial = '';
  const signFailures = new Map<string, number>();
  child.stderr!.on('data', d => {
    output = (output + d).slice(-10_000);
    const lines = (partial + d).split('\n');
    partial = lines.pop()!;
    for (const line of lines) {
      const failed = /msg="failed to sign CSR" err="(.*)"$/.exec(line);
      if (!failed) continue;
      const reason = failed[1].split(dir).join('…');
      signFailures.set(reason, (signFailures.get(reason) ?? 0) + 1);
    }
  });
  const stop = onCleanup(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise(r => child.once('exit', r));
      child.kill('SIGINT');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });
  try {
    await waitForPort(port, 10_000);
  } catch (error) {
    await stop();
    throw new Error(`scepserver did not start: ${error}\n${output}`);
  }
  return {
    url: `http://127.0.0.1:${port}/scep`,
    pid: child.pid!,
    signFailures: () => signFailures,
    stop,
  };
}

/**
 * micromdm's scepclient, once: it makes its key, asks for a certificate
 * and saves it. Resolves to "OK" or the reason it failed.
 */
export async function scepclientSmoke(
  url: string,
  challenge: string,
): Promise<string> {
  const bin = requireCommand('scepclient', 'scep');
  const dir = mkdtempSync(join(tmpdir(), 'scepclient-'));
  try {
    await promisify(execFile)(bin, [
      '-server-url',
      url,
      '-challenge',
      challenge,
      '-private-key',
      join(dir, 'key.pem'),
      '-certificate',
      join(dir, 'cert.pem'),
      '-cn',
      'scepclient smoke',
      '-organization',
      'Bench',
    ]);
    const subject = execFileSync('openssl', [
      'x509',
      '-in',
      join(dir, 'cert.pem'),
      '-noout',
      '-subject',
    ])
      .toString()
      .trim();
    return `OK (${subject})`;
  } catch (error) {
    return `FAILED: ${String((error as { stderr?: string }).stderr ?? error)
      .trim()
      .slice(0, 300)}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
