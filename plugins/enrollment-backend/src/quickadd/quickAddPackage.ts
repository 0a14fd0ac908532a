import { writeGzippedCpio } from './cpio';
import {
  COMPONENT_FOLDER,
  distributionXml,
  PackageIdentity,
  packageInfoXml,
  postinstallScript,
  PROFILE_FILE,
} from './packageFiles';
import { writeXar } from './xar';

/**
 * The QuickAdd package for macOS 10.12.6 and earlier: a flat product
 * archive (xar) whose component package carries no payload, only a
 * postinstall script and the signed enrollment profile it installs.
 * Unsigned: Gatekeeper asks the person to confirm (Control-click, Open).
 */
export function buildQuickAddPackage(options: {
  organization: string;
  identifier: string;
  version?: string;
  /** The signed .mobileconfig with this enrollment's SCEP challenge. */
  profile: Buffer;
  now?: Date;
}): Buffer {
  const pkg: PackageIdentity = {
    identifier: options.identifier,
    version: options.version ?? '1.0',
    title: `${options.organization} Enrollment`,
  };
  const scripts = writeGzippedCpio(
    [
      { path: '.', type: 'directory', mode: 0o755 },
      {
        path: './postinstall',
        type: 'file',
        mode: 0o755,
        data: Buffer.from(postinstallScript(options.organization), 'utf8'),
      },
      {
        path: `./${PROFILE_FILE}`,
        type: 'file',
        mode: 0o644,
        data: options.profile,
      },
    ],
    { mtime: options.now },
  );
  return writeXar(
    [
      {
        type: 'file',
        name: 'Distribution',
        data: Buffer.from(distributionXml(pkg), 'utf8'),
      },
      {
        type: 'directory',
        name: COMPONENT_FOLDER,
        entries: [
          {
            type: 'file',
            name: 'PackageInfo',
            data: Buffer.from(packageInfoXml(pkg), 'utf8'),
          },
          { type: 'file', name: 'Scripts', data: scripts },
        ],
      },
    ],
    { mtime: options.now },
  );
}
