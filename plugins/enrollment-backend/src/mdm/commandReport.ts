import { InputError } from '@backstage/errors';
import { parsePlistQuietly } from './quietPlist';

/**
 * Reads what a Mac PUTs to ServerURL: a plist dictionary with `Status`,
 * `UDID` and, for an answer, `CommandUUID` and the command's result keys
 * (PROTOCOL-NOTES §3). MdmService reads the keys it needs from it.
 *
 * @throws InputError when the body is not a property list dictionary
 */
/** Far above the few levels of real reports (ProfileList, CertificateList). */
const MAX_DEPTH = 64;

/** How deep arrays and dictionaries nest in a parsed plist, without recursion. */
function nestingDepth(value: unknown): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length) {
    const [item, depth] = stack.pop()!;
    if (!item || typeof item !== 'object' || Buffer.isBuffer(item)) continue;
    if (item instanceof Date) continue;
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_DEPTH) break;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return deepest;
}

export function parseCommandReport(body: Buffer): Record<string, unknown> {
  let report: unknown;
  try {
    report = parsePlistQuietly(body.toString('utf8'));
  } catch {
    throw new InputError('The report is not a property list');
  }
  if (!report || typeof report !== 'object' || Array.isArray(report)) {
    throw new InputError('The report is not a dictionary');
  }
  if (nestingDepth(report) > MAX_DEPTH) {
    // plist.build, which stores the report, recurses: a report a few
    // thousand levels deep would overflow its stack (a 500, not a 400).
    throw new InputError('The report is nested too deeply');
  }
  return report as Record<string, unknown>;
}
