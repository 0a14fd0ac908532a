/** The XML and script files of the QuickAdd package, as text. */
// &#39; for an apostrophe is as valid in XML as in HTML.
import { escapeHtml as escapeXml } from '../lib/markup';

export interface PackageIdentity {
  /** Reverse-DNS package identifier. */
  identifier: string;
  version: string;
  /** Shown as the installer window's title. */
  title: string;
}

/** The folder of the component package inside the product archive. */
export const COMPONENT_FOLDER = 'base.pkg';

/** The profile's file name next to the postinstall script. */
export const PROFILE_FILE = 'enrollment.mobileconfig';

/**
 * The product archive's Distribution: one hidden choice installing the
 * component package, on the startup disk only, on macOS before 10.13 (later
 * versions enroll with the profile from the portal, which macOS asks the
 * person to approve; installed by a script it would not be user approved).
 */
export function distributionXml(pkg: PackageIdentity): string {
  const id = escapeXml(pkg.identifier);
  return `<?xml version="1.0" encoding="utf-8"?>
<installer-gui-script minSpecVersion="1">
    <title>${escapeXml(pkg.title)}</title>
    <options customize="never" require-scripts="true" rootVolumeOnly="true"/>
    <domains enable_anywhere="false" enable_currentUserHome="false" enable_localSystem="true"/>
    <volume-check>
        <allowed-os-versions>
            <os-version min="10.7" before="10.13"/>
        </allowed-os-versions>
    </volume-check>
    <pkg-ref id="${id}"/>
    <choices-outline>
        <line choice="default">
            <line choice="${id}"/>
        </line>
    </choices-outline>
    <choice id="default"/>
    <choice id="${id}" visible="false">
        <pkg-ref id="${id}"/>
    </choice>
    <pkg-ref id="${id}" version="${escapeXml(
    pkg.version,
  )}" onConclusion="none">#${COMPONENT_FOLDER}</pkg-ref>
</installer-gui-script>
`;
}

/**
 * The component package's PackageInfo: scripts only, no payload (like
 * `pkgbuild --nopayload`), run as root on the startup disk.
 */
export function packageInfoXml(pkg: PackageIdentity): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<pkg-info format-version="2" identifier="${escapeXml(
    pkg.identifier,
  )}" version="${escapeXml(
    pkg.version,
  )}" install-location="/" auth="root" postinstall-action="none">
    <scripts>
        <postinstall file="./postinstall"/>
    </scripts>
</pkg-info>
`;
}

/**
 * Installs the enrollment profile next to it. Installer runs it as root
 * with $3 the target volume; macOS 10.12 and earlier let root install an
 * MDM profile with `profiles -I -F` without asking the person.
 */
export function postinstallScript(organization: string): string {
  // The organization is only ever printed, single-quoted for sh.
  const org = `'${organization.replace(/'/g, `'\\''`)}'`;
  return `#!/bin/sh
# Enrolls this Mac into device management by installing the profile.
ORGANIZATION=${org}
PROFILE="$(cd "$(dirname "$0")" && pwd)/${PROFILE_FILE}"
TARGET="\${3:-/}"

if [ "$TARGET" != "/" ]; then
  echo "Enrollment with $ORGANIZATION works only on the startup disk, not on $TARGET." >&2
  exit 1
fi
if [ ! -f "$PROFILE" ]; then
  echo "The enrollment profile is missing from this package." >&2
  exit 1
fi
if ! /usr/bin/profiles -I -F "$PROFILE"; then
  echo "macOS did not install the enrollment profile of $ORGANIZATION." >&2
  exit 1
fi
echo "This Mac is now enrolled with $ORGANIZATION."
exit 0
`;
}
