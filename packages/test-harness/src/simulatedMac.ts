import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { requireCommand } from './requireCommand';

// The real tools a Mac's part is played with; missing ones fail the test.
const openssl = requireCommand('openssl', 'openssl');
const scepclient = requireCommand('scepclient', 'scep');
const python = requireCommand('python3', 'python3');

export const SAFARI_14 =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15';
const CHECKIN_TYPE = 'application/x-apple-aspen-mdm-checkin';

/** A plist value: `{ $data: base64 }` stands for <data>. */
export type PlistValue =
  | string
  | number
  | boolean
  | { $data: string }
  | PlistValue[]
  | { [key: string]: PlistValue };

/**
 * Python's plistlib, a plist writer and parser other than the backend's:
 * JSON (with `{ $data }` for bytes) to an XML plist and back.
 */
const PLIST_PY = `
import base64, json, plistlib, sys
def to_plist(v):
    if isinstance(v, dict):
        if set(v) == {"$data"}:
            return base64.b64decode(v["$data"])
        return {k: to_plist(x) for k, x in v.items()}
    if isinstance(v, list):
        return [to_plist(x) for x in v]
    return v
if sys.argv[1] == "build":
    sys.stdout.buffer.write(plistlib.dumps(to_plist(json.load(sys.stdin))))
else:
    print(json.dumps(plistlib.loads(sys.stdin.buffer.read()),
        default=lambda o: {"$data": base64.b64encode(o).decode()} if isinstance(o, bytes) else str(o)))
`;

function buildPlist(value: PlistValue): Buffer {
  return execFileSync(python, ['-c', PLIST_PY, 'build'], {
    input: JSON.stringify(value),
  });
}

export function parsePlist(xml: Buffer | string): any {
  return JSON.parse(
    execFileSync(python, ['-c', PLIST_PY, 'parse'], { input: xml }).toString(),
  );
}

/** Safari with a cookie jar: the portal keeps its session in a cookie. */
class Safari {
  private readonly cookies = new Map<string, string>();
  constructor(private readonly base: string) {}

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const res = await fetch(new URL(path, this.base), {
      ...init,
      redirect: 'manual',
      headers: {
        'User-Agent': SAFARI_14,
        Cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(init.headers as Record<string, string>),
      },
    });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const eq = pair.indexOf('=');
      this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    return res;
  }
}

export interface SimulatedMac {
  udid: string;
  /** The profile's ServerURL, where the Mac fetches and answers commands. */
  serverUrl: string;
  /** Signs `dict` as macOS does (Mdm-Signature) and PUTs it to `url`. */
  send(url: string, dict: Record<string, PlistValue>): Promise<Response>;
  /** The profile's CheckInURL and Topic, for check-ins a test sends itself. */
  checkInUrl: string;
  topic: string;
  /** PUTs to the ServerURL; the parsed command, or undefined for an empty answer. */
  connect(dict: Record<string, PlistValue>): Promise<any>;
  remove(): void;
  /**
   * Every secret the enrollment handed out: the invitation code (when it
   * started from one), the download tokens and the SCEP challenge.
   */
  secrets: string[];
}

/**
 * A Mac enrolled the whole way against the running demo backend: the
 * portal's login with a local account in Safari, the signed profile, SCEP
 * by micromdm's scepclient, then Authenticate and TokenUpdate signed like
 * macOS signs them.
 */
export async function enrollSimulatedMac(options: {
  backendUrl: string;
  username: string;
  password: string;
  udid: string;
  deviceName: string;
  /** The mail's link (`<backend>/enroll?invitation=CODE`) to start from. */
  invitationUrl?: string;
  /** false: stop after SCEP; the test sends Authenticate and TokenUpdate. */
  checkIn?: boolean;
}): Promise<SimulatedMac> {
  const { backendUrl, udid } = options;
  const portal = `${backendUrl}/api/enrollment/enroll`;
  const safari = new Safari(backendUrl);
  const secrets: string[] = [];
  if (options.invitationUrl) {
    const link = new URL(options.invitationUrl);
    secrets.push(link.searchParams.get('invitation') ?? '');
    // The short link redirects to the portal, which trades the code for a session.
    let next: string | null = link.toString();
    for (let hops = 0; next && hops < 5; hops++) {
      const res = await safari.fetch(next);
      next =
        res.status >= 300 && res.status < 400
          ? res.headers.get('location')
          : null;
      if (next) next = new URL(next, backendUrl).toString();
    }
  }
  const loginPage = await (await safari.fetch(portal)).text();
  const csrf = /name="csrf" value="([^"]+)"/.exec(loginPage)?.[1];
  if (!csrf) throw new Error(`No login form at ${portal}:\n${loginPage}`);
  const login = await safari.fetch(`${portal}/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      csrf,
      username: options.username,
      password: options.password,
    }).toString(),
  });
  if (login.status !== 303 && login.status !== 302) {
    throw new Error(`Portal login: ${login.status} ${await login.text()}`);
  }
  const downloads = await (await safari.fetch(portal)).text();
  const href = /id="download-profile" href="([^"]+)"/.exec(downloads)?.[1];
  if (!href) throw new Error(`No profile download link:\n${downloads}`);
  for (const [, token] of downloads.matchAll(/[?&](?:amp;)?token=([^"&]+)/g)) {
    secrets.push(token);
  }
  const profileRes = await safari.fetch(
    new URL(href.replace(/&amp;/g, '&'), portal).toString(),
  );
  if (profileRes.status !== 200) {
    throw new Error(`Profile download: ${profileRes.status}`);
  }

  const mac = await installProfile({
    backendUrl,
    profile: Buffer.from(await profileRes.arrayBuffer()),
    udid,
    deviceName: options.deviceName,
    checkIn: options.checkIn,
  });
  secrets.push(mac.challenge);
  return { ...mac, secrets };
}

/**
 * What the Mac does with a downloaded profile once the person installs it:
 * SCEP by micromdm's scepclient with the profile's challenge, then
 * Authenticate and TokenUpdate signed like macOS signs them.
 */
export async function installProfile(options: {
  backendUrl: string;
  /** The signed .mobileconfig, DER, as downloaded. */
  profile: Buffer;
  udid: string;
  deviceName: string;
  /** false: stop after SCEP; the test sends Authenticate and TokenUpdate. */
  checkIn?: boolean;
}): Promise<Omit<SimulatedMac, 'secrets'> & { challenge: string }> {
  const { backendUrl, udid } = options;
  const dir = mkdtempSync(join(tmpdir(), 'e2e-mac-'));
  writeFileSync(join(dir, 'profile.der'), options.profile);
  // The signature's chain is the demo CA's; only the content is read here.
  const xml = execFileSync(
    openssl,
    [
      'cms',
      '-verify',
      '-noverify',
      '-inform',
      'DER',
      '-in',
      join(dir, 'profile.der'),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const profile = parsePlist(xml);
  const payloadOf = (type: string) =>
    profile.PayloadContent.find((p: any) => p.PayloadType === type);
  const scep = payloadOf('com.apple.security.scep').PayloadContent;
  const mdm = payloadOf('com.apple.mdm');

  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  const scepUrl = new URL(scep.URL);
  scepUrl.host = new URL(backendUrl).host;
  await promisify(execFile)(scepclient, [
    '-server-url',
    scepUrl.toString(),
    '-challenge',
    scep.Challenge,
    '-private-key',
    key,
    '-certificate',
    cert,
    '-cn',
    options.deviceName,
    '-organization',
    'Example Corp',
  ]);

  const send = async (url: string, dict: Record<string, PlistValue>) => {
    const body = buildPlist(dict);
    const bodyFile = join(dir, 'body');
    writeFileSync(bodyFile, body);
    const signature = execFileSync(openssl, [
      'cms',
      '-sign',
      '-binary',
      '-outform',
      'DER',
      '-in',
      bodyFile,
      '-signer',
      cert,
      '-inkey',
      key,
    ]).toString('base64');
    return fetch(url, {
      method: 'PUT',
      headers: { 'Content-Type': CHECKIN_TYPE, 'Mdm-Signature': signature },
      body,
    });
  };
  const checkIn = async (dict: Record<string, PlistValue>) => {
    const res = await send(mdm.CheckInURL, dict);
    if (res.status !== 200) {
      throw new Error(`${dict.MessageType}: ${res.status} ${await res.text()}`);
    }
  };
  if (options.checkIn !== false) {
    await checkIn(authenticateMessage(mdm.Topic, udid, options.deviceName));
    await checkIn(tokenUpdateMessage(mdm.Topic, udid));
  }

  return {
    udid,
    serverUrl: mdm.ServerURL,
    checkInUrl: mdm.CheckInURL,
    topic: mdm.Topic,
    send,
    async connect(dict) {
      const res = await send(mdm.ServerURL, { UDID: udid, ...dict });
      const text = await res.text();
      if (res.status !== 200) {
        throw new Error(`ServerURL: ${res.status} ${text}`);
      }
      return text === '' ? undefined : parsePlist(text);
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
    challenge: scep.Challenge,
  };
}

/** The Authenticate a MacBook Air on macOS 14 sends. */
export function authenticateMessage(
  topic: string,
  udid: string,
  deviceName: string,
): Record<string, PlistValue> {
  return {
    MessageType: 'Authenticate',
    Topic: topic,
    UDID: udid,
    SerialNumber: `SN-${udid.slice(0, 8)}`,
    DeviceName: deviceName,
    Model: 'Mac14,2',
    ModelName: 'MacBook Air',
    OSVersion: '14.4',
    BuildVersion: '23E214',
    ProductName: 'Mac14,2',
  };
}

/** The TokenUpdate that completes an enrollment: the push token is `token-<udid>`. */
export function tokenUpdateMessage(
  topic: string,
  udid: string,
): Record<string, PlistValue> {
  return {
    MessageType: 'TokenUpdate',
    Topic: topic,
    UDID: udid,
    Token: { $data: Buffer.from(`token-${udid}`).toString('base64') },
    PushMagic: `magic-${udid}`,
  };
}
