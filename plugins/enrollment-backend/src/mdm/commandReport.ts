import { InputError } from '@backstage/errors';
import plist from 'plist';

/**
 * Reads what a Mac PUTs to ServerURL: a plist dictionary with `Status`,
 * `UDID` and, for an answer, `CommandUUID` and the command's result keys
 * (PROTOCOL-NOTES §3). MdmService reads the keys it needs from it.
 *
 * @throws InputError when the body is not a property list dictionary
 */
export function parseCommandReport(body: Buffer): Record<string, unknown> {
  let report: unknown;
  try {
    report = plist.parse(body.toString('utf8'));
  } catch {
    throw new InputError('The report is not a property list');
  }
  if (!report || typeof report !== 'object' || Array.isArray(report)) {
    throw new InputError('The report is not a dictionary');
  }
  return report as Record<string, unknown>;
}
