import { BackendFeature, ServiceFactory } from '@backstage/backend-plugin-api';
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  requireCommand,
  RunningSlapd,
  startSlapd,
} from '@internal/test-harness';
import plist from 'plist';
import request from 'supertest';
import { enrollmentPlugin } from '../plugin';
import { SAFARI_14 } from './portalHtml';

// The real tools a Mac's part is played with; missing ones fail the test.
export const openssl = requireCommand('openssl', 'openssl');
export const scepclient = requireCommand('scepclient', 'scep');
export const python = requireCommand('python3', 'python3');

export const TOPIC =
  'com.apple.mgmt.External.11111111-2222-3333-4444-555555555555';
export { SAFARI_14 };
export const SAFARI_1012 =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_12_6) AppleWebKit/603.3.8 (KHTML, like Gecko) Version/10.1.2 Safari/603.3.8';

/** A supertest parser that keeps a binary body as one Buffer. */
export const binary = (res: any, done: any) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

/** The plugin with an APNs topic and LDAP login against a fresh slapd. */
export async function startEnrollmentBackend(
  enrollment: Record<string, unknown> = {},
  options: {
    permissions?: ServiceFactory;
    /** More plugins, modules or services beside the enrollment plugin. */
    features?: Array<BackendFeature | Promise<{ default: BackendFeature }>>;
    /** More root config beside `enrollment`. */
    config?: Record<string, unknown>;
    /** Read each directory user's groups (`enrollment.ldap.groups`). */
    ldapGroups?: boolean;
  } = {},
): Promise<{ server: any; slapd: RunningSlapd }> {
  const slapd = await startSlapd();
  const backend = await startTestBackend({
    features: [
      enrollmentPlugin,
      ...(options.features ?? []),
      options.permissions ?? mockServices.permissions.factory(),
      mockServices.rootConfig.factory({
        data: {
          ...options.config,
          enrollment: {
            organization: 'Acme',
            topic: TOPIC,
            // The test backend is plain http.
            allowInsecureUrls: true,
            ldap: {
              url: slapd.url,
              bindDn: slapd.bindDn,
              bindPassword: slapd.bindPassword,
              users: { baseDn: slapd.baseDn },
              ...(options.ldapGroups
                ? { groups: { baseDn: `ou=groups,${slapd.baseDn}` } }
                : {}),
            },
            ...enrollment,
          },
        },
      }),
    ],
  });
  return { server: backend.server, slapd };
}

/** An admin creates a single-use invitation that requires login. */
export async function createInvitation(
  server: any,
): Promise<{ id: string; url: string }> {
  const res = await request(server)
    .post('/api/enrollment/invitations')
    .set('Authorization', mockCredentials.user.header('user:default/admin'))
    .send({
      recipients: [],
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      requireLogin: true,
      multipleUses: false,
    });
  return res.body;
}

/**
 * Safari opens the invitation link, logs in and reaches the download step;
 * returns the browser and the download step's page.
 */
export async function loginAtPortal(
  server: any,
  options: {
    userAgent: string;
    invitationUrl: string;
    username: string;
    password: string;
    /** For a local account: the directory person the Mac is for. */
    assignUser?: string;
  },
) {
  const agent = request.agent(server);
  const get = (path: string) =>
    agent.get(path).set('User-Agent', options.userAgent);
  const link = new URL(options.invitationUrl);
  await get(`/api/enrollment${link.pathname}${link.search}`);
  const loginPage = await get('/api/enrollment/enroll');
  const csrf = /name="csrf" value="([^"]+)"/.exec(loginPage.text)![1];
  await agent
    .post('/api/enrollment/enroll/login')
    .set('User-Agent', options.userAgent)
    .type('form')
    .send({ csrf, username: options.username, password: options.password });
  if (options.assignUser) {
    const choosePage = await get(
      `/api/enrollment/enroll?q=${encodeURIComponent(options.assignUser)}`,
    );
    await agent
      .post('/api/enrollment/enroll/assign')
      .set('User-Agent', options.userAgent)
      .type('form')
      .send({
        csrf: /name="csrf" value="([^"]+)"/.exec(choosePage.text)![1],
        username: options.assignUser,
      });
  }
  const downloads = await get('/api/enrollment/enroll');
  return {
    get,
    downloads: downloads.text,
    /** The href of the download link with this id. */
    href: (id: string) =>
      new RegExp(`id="${id}" href="([^"]+)"`)
        .exec(downloads.text)![1]
        .replace(/&amp;/g, '&'),
    /** Downloads a file the way Safari does, as bytes. */
    download: (path: string) => get(path).buffer(true).parse(binary),
  };
}

/**
 * The CA as `dir/ca.pem`, from SCEP's GetCACert: with default settings the
 * portal offers no certificate step (the CA travels in the profile).
 */
export async function writeCaPem(server: any, dir: string): Promise<string> {
  const res = await request(server)
    .get('/api/enrollment/scep?operation=GetCACert')
    .buffer(true)
    .parse(binary);
  writeFileSync(join(dir, 'ca.der'), res.body);
  derToPem(join(dir, 'ca.der'), join(dir, 'ca.pem'));
  return join(dir, 'ca.pem');
}

/** DER certificate file → PEM file, by openssl. */
export function derToPem(derFile: string, pemFile: string): void {
  execFileSync(openssl, [
    'x509',
    '-inform',
    'DER',
    '-in',
    derFile,
    '-out',
    pemFile,
  ]);
}

/**
 * Verifies a signed profile with `openssl cms -verify` against the CA and
 * parses its plist with Python's plistlib (a parser other than ours).
 */
export function verifyAndParseProfile(
  dir: string,
  profileDerFile: string,
  caPemFile: string,
): any {
  const xml = join(dir, 'profile.xml');
  execFileSync(
    openssl,
    [
      'cms',
      '-verify',
      '-inform',
      'DER',
      '-in',
      profileDerFile,
      '-CAfile',
      caPemFile,
      '-out',
      xml,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return JSON.parse(
    execFileSync(python, [
      '-c',
      'import sys, json, plistlib\nd = plistlib.load(open(sys.argv[1], "rb"))\n' +
        'print(json.dumps(d, default=lambda o: o.hex() if isinstance(o, bytes) else str(o)))',
      xml,
    ]).toString(),
  );
}

/** The profile's payload of the given PayloadType. */
export const payloadOf = (profile: any, type: string) =>
  profile.PayloadContent.find((p: any) => p.PayloadType === type);

/**
 * Runs micromdm's scepclient with a profile's SCEP payload against this
 * server. Not execFileSync: the SCEP server runs in this process.
 */
export function runScepclient(
  server: any,
  scepPayload: any,
  files: { key: string; cert: string; cn: string },
) {
  const url = new URL(scepPayload.PayloadContent.URL);
  url.host = `127.0.0.1:${server.address().port}`;
  return promisify(execFile)(scepclient, [
    '-server-url',
    url.toString(),
    '-challenge',
    scepPayload.PayloadContent.Challenge,
    '-private-key',
    files.key,
    '-certificate',
    files.cert,
    '-cn',
    files.cn,
    '-organization',
    'Acme',
  ]);
}

/** `openssl verify` of a certificate against the CA: "<file>: OK" when it chains. */
export function verifyCertificate(caPemFile: string, certFile: string): string {
  return execFileSync(openssl, ['verify', '-CAfile', caPemFile, certFile])
    .toString()
    .trim();
}

/** The Mac: a key and certificate from scepclient, openssl to sign like macOS does. */
export class FakeMac {
  constructor(readonly dir: string) {}
  get key() {
    return join(this.dir, 'key.pem');
  }
  get cert() {
    return join(this.dir, 'cert.pem');
  }
  /** Mdm-Signature: base64 detached CMS over the raw body, as SignMessage=true makes macOS send. */
  sign(body: Buffer, cert = this.cert, key = this.key): string {
    const bodyFile = join(this.dir, 'body');
    writeFileSync(bodyFile, body);
    return execFileSync(openssl, [
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
  }
}

export const CHECKIN_TYPE = 'application/x-apple-aspen-mdm-checkin';

/**
 * A Mac enrolled the whole way: the portal (LDAP login), the signed profile,
 * SCEP by scepclient, then Authenticate and TokenUpdate signed like macOS
 * signs them. `send` signs and PUTs a plist to the check-in or command URL.
 */
export async function enrollMacAtPortal(
  server: any,
  options: {
    invitationUrl: string;
    username: string;
    password: string;
    assignUser?: string;
    udid: string;
    serialNumber?: string;
    token?: Buffer;
    pushMagic?: string;
    /** Runs once the Mac has its identity, before it authenticates. */
    beforeAuthenticate?: () => Promise<void>;
  },
) {
  const dir = mkdtempSync(join(tmpdir(), 'mac-'));
  const safari = await loginAtPortal(server, {
    userAgent: SAFARI_14,
    invitationUrl: options.invitationUrl,
    username: options.username,
    password: options.password,
    assignUser: options.assignUser,
  });
  await writeCaPem(server, dir);
  const profile = await safari.download(safari.href('download-profile'));
  writeFileSync(join(dir, 'profile.der'), profile.body);
  const parsed = verifyAndParseProfile(
    dir,
    join(dir, 'profile.der'),
    join(dir, 'ca.pem'),
  );
  const scepPayload = payloadOf(parsed, 'com.apple.security.scep');
  const mdmPayload = payloadOf(parsed, 'com.apple.mdm');
  const mac = new FakeMac(dir);
  await runScepclient(server, scepPayload, {
    key: mac.key,
    cert: mac.cert,
    cn: `${options.username} Mac`,
  });
  const checkinPath = new URL(mdmPayload.CheckInURL).pathname;
  const connectPath = new URL(mdmPayload.ServerURL).pathname;
  const send = (path: string, dict: object, signWith = mac) => {
    const body = Buffer.from(plist.build(dict as any));
    return request(server)
      .put(path)
      .set({
        'Content-Type': CHECKIN_TYPE,
        'Mdm-Signature': signWith.sign(body),
      })
      .send(body);
  };
  const token = options.token ?? Buffer.from(`token-${options.udid}`);
  const pushMagic = options.pushMagic ?? `magic-${options.udid}`;
  await options.beforeAuthenticate?.();
  const auth = await send(checkinPath, {
    MessageType: 'Authenticate',
    Topic: mdmPayload.Topic,
    UDID: options.udid,
    SerialNumber: options.serialNumber ?? 'C02TEST0000',
    DeviceName: `${options.username}'s Mac`,
    Model: 'Mac14,2',
    ModelName: 'MacBook Air',
    OSVersion: '14.4',
    BuildVersion: '23E214',
    ProductName: 'Mac14,2',
  });
  if (auth.status !== 200)
    throw new Error(`Authenticate: ${auth.status} ${auth.text}`);
  const update = await send(checkinPath, {
    MessageType: 'TokenUpdate',
    Topic: mdmPayload.Topic,
    UDID: options.udid,
    Token: token,
    PushMagic: pushMagic,
  });
  if (update.status !== 200)
    throw new Error(`TokenUpdate: ${update.status} ${update.text}`);
  return {
    dir,
    mac,
    send,
    checkinPath,
    connectPath,
    mdmPayload,
    token,
    pushMagic,
    profile: parsed,
  };
}
