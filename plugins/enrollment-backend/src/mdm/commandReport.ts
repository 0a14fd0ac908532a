import { InputError } from '@backstage/errors';
import { parsePlistXml } from './plistXml';

/**
 * Reads what a Mac PUTs to ServerURL: a plist dictionary with `Status`,
 * `UDID` and, for an answer, `CommandUUID` and the command's result keys
 * (PROTOCOL-NOTES §3). MdmService reads the keys it needs from it. The
 * parser refuses lists nested past 64 levels, which plist.build (storing the
 * report) would otherwise recurse through until its stack overflowed.
 *
 * @throws InputError when the body is not a property list dictionary
 */
export function parseCommandReport(body: Buffer): Record<string, unknown> {
  let report: unknown;
  try {
    report = parsePlistXml(body.toString('utf8'));
  } catch (error) {
    throw new InputError(
      `The report is not a property list: ${(error as Error).message}`,
    );
  }
  if (!report || typeof report !== 'object' || Array.isArray(report)) {
    throw new InputError('The report is not a dictionary');
  }
  return report as Record<string, unknown>;
}
