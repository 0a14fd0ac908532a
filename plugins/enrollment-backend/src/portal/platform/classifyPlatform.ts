/**
 * What the enrollment portal can offer the device behind a User-Agent.
 *
 * - `mac-modern`: macOS 10.13 or later → CA certificate + MDM profile.
 * - `mac-legacy`: macOS 10.12.6 or earlier → QuickAdd package.
 * - `unsupported`: anything else; `device` lets the page say why.
 */
export type Platform =
  | { kind: 'mac-modern'; osVersion: string; frozen: boolean }
  | { kind: 'mac-legacy'; osVersion: string }
  | {
      kind: 'unsupported';
      device:
        | 'iphone'
        | 'ipad'
        | 'android'
        | 'windows'
        | 'linux'
        | 'chromeos'
        | 'unknown';
    };

// Safari writes `Mac OS X 10_15_7`, Firefox `Mac OS X 10.15`, hence `[._]`.
const MAC_VERSION = /Mac OS X (\d+)[._](\d+)(?:[._](\d+))?/;

/**
 * Classifies a device from its User-Agent header, server-side.
 *
 * The version in a Mac UA is only trustworthy below 10.15: since macOS 11,
 * Safari and Chrome freeze it at `10_15_7` and Firefox caps it at `10.15`.
 * Such a UA means "10.15.7 or any newer macOS" and is reported with
 * `frozen: true`; it is modern either way, which is all the portal needs.
 */
export function classifyPlatform(userAgent: string | undefined): Platform {
  const ua = userAgent ?? '';

  // Non-Mac platforms first: iOS UAs also say "Mac OS X"
  // (`iPhone; CPU iPhone OS 17_4 like Mac OS X`), so the device token must
  // decide before any Mac matching. Android UAs contain "Linux", so Android
  // comes before Linux.
  if (ua.includes('iPhone')) return unsupported('iphone');
  // Only iPads up to iPadOS 12 (and iPadOS 13+ in mobile mode) say "iPad".
  // iPadOS 13+ Safari in desktop mode sends a plain Macintosh UA that cannot
  // be told apart server-side; the page adds a client-side
  // `navigator.maxTouchPoints > 1` hint for that case.
  if (ua.includes('iPad')) return unsupported('ipad');
  if (ua.includes('Android')) return unsupported('android');
  if (ua.includes('Windows NT')) return unsupported('windows');
  if (ua.includes('CrOS')) return unsupported('chromeos');
  if (ua.includes('Linux')) return unsupported('linux');

  const match = MAC_VERSION.exec(ua);
  if (!match) return unsupported('unknown');

  const major = Number(match[1]);
  const minor = Number(match[2]);
  const patch = match[3] === undefined ? undefined : Number(match[3]);
  const osVersion = [match[1], match[2], match[3]]
    .filter(part => part !== undefined)
    .join('.');

  if (major < 10 || (major === 10 && minor <= 12)) {
    return { kind: 'mac-legacy', osVersion };
  }
  // Exactly 10.15 (Firefox's cap) or 10.15.7 (Safari's and Chrome's freeze).
  const frozen =
    major === 10 && minor === 15 && (patch === undefined || patch === 7);
  return { kind: 'mac-modern', osVersion, frozen };
}

function unsupported(
  device: Extract<Platform, { kind: 'unsupported' }>['device'],
): Platform {
  return { kind: 'unsupported', device };
}
