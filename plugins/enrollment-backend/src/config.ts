import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { PORTAL_PASSWORD_MIN_LENGTH } from '@macenroll/plugin-enrollment-common';
import { isPasswordHash } from './accounts/passwordHash';
import { PushCertificate, readPushCertificate } from './apns/pushCertificate';
import { DEFAULT_PUSH_SETTINGS, PushSettings } from './apns/PushService';
import { SmtpSettings } from './mail/createMailer';
import { DEFAULT_DELIVERY, DeliverySettings } from './mail/InvitationDelivery';

/** SMTP delivery settings, read from `enrollment.smtp`. */
/** The plugin's configuration, read once at start-up. */
export interface EnrollmentSettings {
  organization: string;
  topic?: string;
  ca?: { certificatePem: string; privateKeyPem: string };
  smtp?: SmtpSettings;
  outbox: { directory: string; from: string };
  /** Secret the invitation codes are derived from; see invitations/code.ts. */
  invitationCodeSecret?: string;
  delivery: DeliverySettings;
  /** Seconds between runs of the invitation mail task. */
  deliveryIntervalSeconds: number;
  /** MDM: the agent manifest for InstallEnterpriseApplication, certificate lifetime and renewal. */
  mdm: {
    agentManifestUrl?: string;
    certificateLifetimeDays: number;
    /** Days before a device identity expires that its renewal is queued. */
    renewalDays: number;
  };
  /** APNs: the push certificate from config (else an uploaded one) and how pushes go out. */
  apns: { certificate?: PushCertificate } & PushSettings;
  /** Hand out profiles whose MDM and SCEP URLs are http:// (the demo only). */
  allowInsecureUrls: boolean;
  /** The server's TLS chain (PEM certificates) for the profile when it is not publicly trusted. */
  tlsTrustPem: string[];
  /** The QuickAdd package for macOS 10.12.6 and earlier. */
  quickadd: { identifier: string };
  /** Days the activity log keeps an event. */
  eventRetentionDays: number;
  /** Local portal accounts from config, each with a password or an scrypt hash. */
  localAccounts: Array<{
    username: string;
    password?: string;
    passwordHash?: string;
  }>;
}

const DEFAULT_FROM = 'IT <it@example.com>';

/**
 * Reads `enrollment.*` into a typed object, refusing values the plugin
 * could only fail on later (a topic Apple would reject, half a CA).
 */
export function readEnrollmentSettings(config: Config): EnrollmentSettings {
  const root = config.getOptionalConfig('enrollment');
  const organization =
    root?.getOptionalString('organization') ??
    config.getOptionalString('organization.name') ??
    'Example Corp';

  const topic = root?.getOptionalString('topic');
  // Apple: the topic "must begin with the 'com.apple.mgmt.' prefix".
  if (topic !== undefined && !topic.startsWith('com.apple.mgmt.')) {
    throw new InputError(
      `enrollment.topic must begin with "com.apple.mgmt." (the APNs topic of your MDM push certificate); got "${topic}"`,
    );
  }

  const caConfig = root?.getOptionalConfig('ca');
  const ca = caConfig && {
    certificatePem: caConfig.getString('certificate'),
    privateKeyPem: caConfig.getString('privateKey'),
  };

  const smtpConfig = root?.getOptionalConfig('smtp');
  let smtp: SmtpSettings | undefined;
  if (smtpConfig) {
    const secure = smtpConfig.getOptionalBoolean('secure') ?? false;
    const authConfig = smtpConfig.getOptionalConfig('auth');
    smtp = {
      host: smtpConfig.getString('host'),
      port: smtpConfig.getOptionalNumber('port') ?? (secure ? 465 : 587),
      secure,
      requireTLS: smtpConfig.getOptionalBoolean('requireTLS') ?? false,
      auth: authConfig && {
        user: authConfig.getString('user'),
        pass: authConfig.getString('pass'),
      },
      from: smtpConfig.getOptionalString('from') ?? DEFAULT_FROM,
    };
    const tlsCa = smtpConfig.getOptionalString('tls.ca');
    if (tlsCa) smtp.tls = { ca: tlsCa };
  }

  const outboxConfig = root?.getOptionalConfig('outbox');
  const outbox = {
    directory: outboxConfig?.getOptionalString('directory') ?? '.data/outbox',
    from: outboxConfig?.getOptionalString('from') ?? DEFAULT_FROM,
  };

  const d = root?.getOptionalConfig('delivery');
  const delivery: DeliverySettings = {
    batchSize: d?.getOptionalNumber('batchSize') ?? DEFAULT_DELIVERY.batchSize,
    concurrency:
      d?.getOptionalNumber('concurrency') ?? DEFAULT_DELIVERY.concurrency,
    leaseMs:
      (d?.getOptionalNumber('leaseSeconds') ??
        DEFAULT_DELIVERY.leaseMs / 1000) * 1000,
    maxAttempts:
      d?.getOptionalNumber('maxAttempts') ?? DEFAULT_DELIVERY.maxAttempts,
    initialRetryMs:
      (d?.getOptionalNumber('initialRetrySeconds') ??
        DEFAULT_DELIVERY.initialRetryMs / 1000) * 1000,
    maxRetryMs:
      (d?.getOptionalNumber('maxRetrySeconds') ??
        DEFAULT_DELIVERY.maxRetryMs / 1000) * 1000,
  };
  for (const [key, value] of Object.entries(delivery)) {
    if (!(value > 0)) {
      throw new InputError(
        `enrollment.delivery: ${key} must be a positive number`,
      );
    }
  }
  const invitationCodeSecret = root?.getOptionalString(
    'invitations.codeSecret',
  );
  if (invitationCodeSecret !== undefined && invitationCodeSecret.length < 32) {
    throw new InputError(
      'enrollment.invitations.codeSecret must be at least 32 characters of random text',
    );
  }

  const deliveryIntervalSeconds = d?.getOptionalNumber('intervalSeconds') ?? 10;

  const localAccounts = (
    root?.getOptionalConfigArray('portal.localAccounts') ?? []
  ).map((account, i) => {
    const username = account.getString('username');
    const password = account.getOptionalString('password');
    const passwordHash = account.getOptionalString('passwordHash');
    if (Boolean(password) === Boolean(passwordHash)) {
      throw new InputError(
        `enrollment.portal.localAccounts[${i}] (${username}) needs exactly one of password or passwordHash`,
      );
    }
    // The message names the account and the rule, never the password.
    if (password && password.length < PORTAL_PASSWORD_MIN_LENGTH) {
      throw new InputError(
        `enrollment.portal.localAccounts[${i}] (${username}): the password must be at least ${PORTAL_PASSWORD_MIN_LENGTH} characters long; set a longer one, or a passwordHash`,
      );
    }
    if (passwordHash && !isPasswordHash(passwordHash)) {
      throw new InputError(
        `enrollment.portal.localAccounts[${i}].passwordHash is not an scrypt hash string (scrypt$N$r$p$salt$hash)`,
      );
    }
    return { username, password, passwordHash };
  });

  const agentManifestUrl = root?.getOptionalString('mdm.agentManifestUrl');
  if (agentManifestUrl && !/^https:\/\//.test(agentManifestUrl)) {
    throw new InputError(
      'enrollment.mdm.agentManifestUrl must be an https:// URL',
    );
  }
  const certificateLifetimeDays =
    root?.getOptionalNumber('mdm.certificateLifetimeDays') ?? 365;
  if (!(certificateLifetimeDays >= 1 && certificateLifetimeDays <= 3650)) {
    throw new InputError(
      'enrollment.mdm.certificateLifetimeDays must be between 1 and 3650',
    );
  }

  const quickaddIdentifier =
    root?.getOptionalString('quickadd.identifier') ??
    'com.macenroll.enrollment.quickadd';
  if (!/^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(quickaddIdentifier)) {
    throw new InputError(
      'enrollment.quickadd.identifier must be a reverse-DNS name such as com.example.enrollment',
    );
  }

  const eventRetentionDays =
    root?.getOptionalNumber('events.retentionDays') ?? 365;
  if (
    !Number.isInteger(eventRetentionDays) ||
    eventRetentionDays < 1 ||
    eventRetentionDays > 36500
  ) {
    throw new InputError(
      'enrollment.events.retentionDays must be a whole number of days between 1 and 36500',
    );
  }

  const renewalDays = root?.getOptionalNumber('mdm.renewalDays') ?? 30;
  if (
    !Number.isInteger(renewalDays) ||
    renewalDays < 1 ||
    renewalDays >= certificateLifetimeDays
  ) {
    throw new InputError(
      `enrollment.mdm.renewalDays must be a whole number of days from 1 to less than the certificate lifetime (${certificateLifetimeDays})`,
    );
  }

  const apns = readApnsSettings(root?.getOptionalConfig('apns'));
  const tlsTrust = root?.getOptionalString('tlsTrust');
  const tlsTrustPem = tlsTrust ? splitPemCertificates(tlsTrust) : [];
  if (tlsTrust && !tlsTrustPem.length) {
    throw new InputError(
      'enrollment.tlsTrust must hold PEM certificates (-----BEGIN CERTIFICATE-----)',
    );
  }

  return {
    mdm: { agentManifestUrl, certificateLifetimeDays, renewalDays },
    apns,
    allowInsecureUrls: root?.getOptionalBoolean('allowInsecureUrls') ?? false,
    tlsTrustPem,
    eventRetentionDays,
    quickadd: { identifier: quickaddIdentifier },
    localAccounts,
    organization,
    topic,
    ca,
    smtp,
    outbox,
    invitationCodeSecret,
    delivery,
    deliveryIntervalSeconds,
  };
}

function readApnsSettings(
  apns: Config | undefined,
): EnrollmentSettings['apns'] {
  const certificatePem = apns?.getOptionalString('certificate');
  const privateKeyPem = apns?.getOptionalString('privateKey');
  if (Boolean(certificatePem) !== Boolean(privateKeyPem)) {
    throw new InputError(
      'enrollment.apns needs both certificate and privateKey (PEM), or neither',
    );
  }
  const endpoint =
    apns?.getOptionalString('endpoint') ?? DEFAULT_PUSH_SETTINGS.endpoint;
  if (!/^https:\/\//.test(endpoint)) {
    throw new InputError('enrollment.apns.endpoint must be an https:// URL');
  }
  const ms = (key: string, fallback: number) => {
    const value = apns?.getOptionalNumber(key);
    if (value === undefined) return fallback;
    if (!(value >= 0)) {
      throw new InputError(`enrollment.apns.${key} must not be negative`);
    }
    return value;
  };
  const concurrency =
    apns?.getOptionalNumber('concurrency') ?? DEFAULT_PUSH_SETTINGS.concurrency;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new InputError('enrollment.apns.concurrency must be at least 1');
  }
  return {
    ...DEFAULT_PUSH_SETTINGS,
    certificate:
      certificatePem && privateKeyPem
        ? readPushCertificate(certificatePem, privateKeyPem, 'enrollment.apns')
        : undefined,
    endpoint,
    caPem: apns?.getOptionalString('caCertificate'),
    coalesceMs: ms('coalesceMilliseconds', DEFAULT_PUSH_SETTINGS.coalesceMs),
    initialRetryMs:
      ms('initialRetrySeconds', DEFAULT_PUSH_SETTINGS.initialRetryMs / 1000) *
      1000,
    maxRetryMs:
      ms('maxRetrySeconds', DEFAULT_PUSH_SETTINGS.maxRetryMs / 1000) * 1000,
    concurrency,
  };
}

/** Each PEM certificate of a chain, in order. */
export function splitPemCertificates(pem: string): string[] {
  return (
    pem.match(
      /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g,
    ) ?? []
  );
}
