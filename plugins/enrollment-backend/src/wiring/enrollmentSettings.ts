import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { LocalAccount, readLocalAccounts } from '../accounts/localAccounts';
import { readEventRetentionDays } from '../activity/eventRetention';
import { ApnsSettings, readApnsSettings } from '../apns/ApnsSettings';
import { SmtpSettings } from '../mail/createMailer';
import { DeliverySettings } from '../mail/InvitationDelivery';
import {
  readDeliveryIntervalSeconds,
  readDeliverySettings,
  readOutboxSettings,
  readSmtpSettings,
} from '../mail/MailSettings';
import { readMdmSettings, readRenewalDays } from '../mdm/MdmSettings';
import { readProfileSigningSettings } from '../mdm/ProfileSigningSettings';
import { readWebhookSettings, WebhookSettings } from '../outbound/webhook';
import { SigningIdentity } from '../pki/signingIdentity';
import { readQuickAddIdentifier } from '../quickadd/quickAddIdentifier';

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
  apns: ApnsSettings;
  /** `enrollment.profileSigning`: a third-party identity that signs profiles (else an uploaded one, else the CA's leaf). */
  profileSigning?: SigningIdentity;
  /** Hand out profiles whose MDM and SCEP URLs are http:// (the demo only). */
  allowInsecureUrls: boolean;
  /** The server's TLS chain (PEM certificates) for the profile when it is not publicly trusted. */
  tlsTrustPem: string[];
  /** The QuickAdd package for macOS 10.12.6 and earlier. */
  quickadd: { identifier: string };
  /** Days the activity log keeps an event. */
  eventRetentionDays: number;
  /** Local portal accounts from config, each with a password or an scrypt hash. */
  localAccounts: LocalAccount[];
  /** `enrollment.webhook`: an outgoing webhook for enrollment events. */
  webhook?: WebhookSettings;
}

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

  const smtp = readSmtpSettings(root?.getOptionalConfig('smtp'));
  const outbox = readOutboxSettings(root?.getOptionalConfig('outbox'));
  const deliveryConfig = root?.getOptionalConfig('delivery');
  const delivery = readDeliverySettings(deliveryConfig);
  const invitationCodeSecret = root?.getOptionalString(
    'invitations.codeSecret',
  );
  if (invitationCodeSecret !== undefined && invitationCodeSecret.length < 32) {
    throw new InputError(
      'enrollment.invitations.codeSecret must be at least 32 characters of random text',
    );
  }
  const deliveryIntervalSeconds = readDeliveryIntervalSeconds(deliveryConfig);

  const localAccounts = readLocalAccounts(root);
  const { agentManifestUrl, certificateLifetimeDays } = readMdmSettings(root);
  const quickaddIdentifier = readQuickAddIdentifier(root);
  const eventRetentionDays = readEventRetentionDays(root);
  const renewalDays = readRenewalDays(root, certificateLifetimeDays);
  const apns = readApnsSettings(root?.getOptionalConfig('apns'));
  const tlsTrustPem = readTlsTrustPem(root);

  return {
    mdm: { agentManifestUrl, certificateLifetimeDays, renewalDays },
    apns,
    profileSigning: readProfileSigningSettings(root),
    webhook: readWebhookSettings(root),
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

/** `enrollment.tlsTrust`, split into its certificates. */
function readTlsTrustPem(root: Config | undefined): string[] {
  const tlsTrust = root?.getOptionalString('tlsTrust');
  const tlsTrustPem = tlsTrust ? splitPemCertificates(tlsTrust) : [];
  if (tlsTrust && !tlsTrustPem.length) {
    throw new InputError(
      'enrollment.tlsTrust must hold PEM certificates (-----BEGIN CERTIFICATE-----)',
    );
  }
  return tlsTrustPem;
}

/** Each PEM certificate of a chain, in order. */
export function splitPemCertificates(pem: string): string[] {
  return (
    pem.match(
      /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g,
    ) ?? []
  );
}
