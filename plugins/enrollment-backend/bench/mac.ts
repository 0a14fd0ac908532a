// One simulated Mac going the whole way against a running backend: the portal
// (local account) to the download step, the signed profile, SCEP, the signed
// Authenticate and TokenUpdate, and the first command on an Idle. Each step's
// time is its HTTP round trips only; the Mac's crypto is timed apart.
import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import forge from 'node-forge';
import plist from 'plist';
import { signCms, verifyCms } from '../src/pki/cms';
import {
  envelopeTo,
  makeCsr,
  Requester,
  signPkiMessage,
} from '../src/scep/__testUtils__/requester';
import { CHECKIN_TYPE, SAFARI_14 } from '../src/__testUtils__/macAtPortal';
import { Browser, HttpAnswer, httpRequest } from './http';
import { openCertRep } from './requesters';

export const STEPS = [
  'portal',
  'profile download',
  'SCEP GetCACert',
  'SCEP PKIOperation',
  'Authenticate',
  'TokenUpdate',
  'connect (Idle → 1st command)',
] as const;
export type Step = (typeof STEPS)[number];

export interface MacRun {
  steps: Record<Step, number>;
  /** The Mac's own crypto (CSR, envelope, signatures, CertRep, profile check). */
  clientCryptoMs: number;
  firstCommand: string;
}

function expectStatus(answer: HttpAnswer, status: number[], what: string) {
  if (!status.includes(answer.status)) {
    throw new Error(
      `${what}: HTTP ${answer.status} ${answer.body.toString().slice(0, 300)}`,
    );
  }
}

/**
 * How the Mac reaches the download step: a person logging in with a local
 * account (login page, login, download page), or a no-login invitation link
 * (the link, the download page).
 */
export type PortalEntry =
  | { kind: 'login'; username: string; password: string }
  | { kind: 'link'; url: string };

/** The download page's HTML, after the portal requests of `entry`. */
async function reachDownloads(
  safari: Browser,
  portal: string,
  entry: PortalEntry,
): Promise<{ page: HttpAnswer; elapsedMs: number }> {
  if (entry.kind === 'link') {
    // The mail's short link redirects to the portal with the code, which
    // trades it for a session and redirects to the download step.
    let elapsedMs = 0;
    let url = entry.url;
    for (let hops = 0; hops < 4; hops++) {
      const answer = await safari.request(url);
      elapsedMs += answer.elapsedMs;
      if (answer.status !== 302 && answer.status !== 303) {
        expectStatus(answer, [200], 'invitation link');
        return { page: answer, elapsedMs };
      }
      url = new URL(String(answer.headers.location), url).toString();
    }
    throw new Error(`The invitation link redirects more than 3 times`);
  }
  const loginPage = await safari.request(portal);
  const csrf = /name="csrf" value="([^"]+)"/.exec(loginPage.body.toString());
  if (!csrf) throw new Error(`No login form: ${loginPage.status}`);
  const login = await safari.request(`${portal}/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      csrf: csrf[1],
      username: entry.username,
      password: entry.password,
    }).toString(),
  });
  expectStatus(login, [302, 303], 'portal login');
  const page = await safari.request(portal);
  return {
    page,
    elapsedMs: loginPage.elapsedMs + login.elapsedMs + page.elapsedMs,
  };
}

export async function enrollMac(options: {
  base: string;
  requester: Requester;
  entry: PortalEntry;
  index: number;
}): Promise<MacRun> {
  const { base, requester } = options;
  const steps = {} as Record<Step, number>;
  let clientCryptoMs = 0;
  const crypto = <T>(fn: () => T): T => {
    const t0 = performance.now();
    try {
      return fn();
    } finally {
      clientCryptoMs += performance.now() - t0;
    }
  };

  // 1. The portal, to the download step.
  const safari = new Browser(SAFARI_14);
  const portal = `${base}/enroll`;
  const { page: downloads, elapsedMs } = await reachDownloads(
    safari,
    portal,
    options.entry,
  );
  const href = /id="download-profile" href="([^"]+)"/.exec(
    downloads.body.toString(),
  );
  if (!href) throw new Error(`No profile link: ${downloads.status}`);
  steps.portal = elapsedMs;

  // 2. The signed profile.
  const profile = await safari.request(
    new URL(href[1].replace(/&amp;/g, '&'), portal).toString(),
  );
  expectStatus(profile, [200], 'profile download');
  steps['profile download'] = profile.elapsedMs;
  const payloads = crypto(
    () =>
      (plist.parse(verifyCms(profile.body).content.toString('utf8')) as any)
        .PayloadContent as any[],
  );
  const scep = payloads.find(
    p => p.PayloadType === 'com.apple.security.scep',
  ).PayloadContent;
  const mdm = payloads.find(p => p.PayloadType === 'com.apple.mdm');

  // 3. SCEP, as the Mac does it: the CA certificate, then PKCSReq.
  const caCert = await httpRequest(`${scep.URL}?operation=GetCACert`);
  expectStatus(caCert, [200], 'GetCACert');
  steps['SCEP GetCACert'] = caCert.elapsedMs;
  const message = crypto(() => {
    const ca = forge.pki.certificateFromAsn1(
      forge.asn1.fromDer(caCert.body.toString('binary')),
    );
    const subject = (scep.Subject as string[][][]).map(
      ([[shortName, value]]) => ({
        shortName,
        value,
      }),
    );
    const csr = makeCsr(requester, { subject, challenge: scep.Challenge });
    return signPkiMessage(requester, envelopeTo(csr, ca));
  });
  const certRep = await httpRequest(`${scep.URL}?operation=PKIOperation`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-pki-message' },
    body: message,
  });
  expectStatus(certRep, [200], 'PKIOperation');
  steps['SCEP PKIOperation'] = certRep.elapsedMs;
  const { pkiStatus, failInfo, issued } = crypto(() =>
    openCertRep(certRep.body, requester),
  );
  if (!issued)
    throw new Error(
      `SCEP refused: pkiStatus ${pkiStatus} failInfo ${failInfo}`,
    );

  // 4. Check-ins and the command channel, each signed like macOS signs them.
  const send = (url: string, dict: Record<string, unknown>) => {
    const body = Buffer.from(plist.build(dict as plist.PlistValue));
    const signature = crypto(() =>
      signCms({
        content: body,
        signer: issued,
        key: requester.key,
        detached: true,
      }).toString('base64'),
    );
    return httpRequest(url, {
      method: 'PUT',
      headers: { 'Content-Type': CHECKIN_TYPE, 'Mdm-Signature': signature },
      body,
    });
  };
  const udid = randomUUID().toUpperCase();
  const auth = await send(mdm.CheckInURL, {
    MessageType: 'Authenticate',
    Topic: mdm.Topic,
    UDID: udid,
    SerialNumber: `BENCH${String(options.index).padStart(7, '0')}`,
    DeviceName: `Bench Mac ${options.index}`,
    Model: 'Mac14,2',
    ModelName: 'MacBook Air',
    OSVersion: '14.4',
    BuildVersion: '23E214',
    ProductName: 'Mac14,2',
  });
  expectStatus(auth, [200], 'Authenticate');
  steps.Authenticate = auth.elapsedMs;
  const update = await send(mdm.CheckInURL, {
    MessageType: 'TokenUpdate',
    Topic: mdm.Topic,
    UDID: udid,
    Token: randomBytes(32),
    PushMagic: `magic-${udid}`,
  });
  expectStatus(update, [200], 'TokenUpdate');
  steps.TokenUpdate = update.elapsedMs;
  const idle = await send(mdm.ServerURL, { Status: 'Idle', UDID: udid });
  expectStatus(idle, [200], 'connect');
  steps['connect (Idle → 1st command)'] = idle.elapsedMs;
  const command = (plist.parse(idle.body.toString('utf8')) as any)?.Command
    ?.RequestType;
  if (!command) throw new Error('The first Idle got no command');
  return { steps, clientCryptoMs, firstCommand: command };
}
