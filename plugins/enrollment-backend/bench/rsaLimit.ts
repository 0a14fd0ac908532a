// The machine's RSA-2048 signing rate, by OpenSSL itself.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/**
 * `openssl speed -seconds 3 rsa2048`: private-key operations (signatures) per
 * second on one core; OpenSSL 3.0 prints
 * `rsa 2048 bits 0.000251s 0.000015s   3982.5  65781.6` (sign s, verify s, sign/s, verify/s).
 */
export async function opensslRsa2048SignsPerSecond(): Promise<number> {
  const { stdout } = await promisify(execFile)('openssl', [
    'speed',
    '-seconds',
    '3',
    'rsa2048',
  ]);
  const match =
    /^rsa\s+2048 bits\s+[\d.]+s\s+[\d.]+s\s+([\d.]+)\s+([\d.]+)\s*$/m.exec(
      stdout,
    );
  if (!match) {
    throw new Error(`Unexpected openssl speed output:\n${stdout}`);
  }
  return Number(match[1]);
}
