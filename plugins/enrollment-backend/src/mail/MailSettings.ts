import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { readDurationSetting } from '../lib/durationSetting';
import { SmtpSettings } from './createMailer';
import { DEFAULT_DELIVERY, DeliverySettings } from './InvitationDelivery';

const DEFAULT_FROM = 'IT <it@example.com>';

/** A whole number of at least 1 under `key`, or `fallback` when it is not set. */
function positiveInteger(
  config: Config | undefined,
  path: string,
  key: string,
  fallback: number,
): number {
  const value = config?.getOptionalNumber(key) ?? fallback;
  if (!Number.isInteger(value) || value < 1) {
    throw new InputError(`${path}.${key} must be a whole number of at least 1`);
  }
  return value;
}

/** `enrollment.smtp`; undefined when it is absent and mail goes to the outbox. */
export function readSmtpSettings(
  smtpConfig: Config | undefined,
): SmtpSettings | undefined {
  if (!smtpConfig) {
    return undefined;
  }
  const secure = smtpConfig.getOptionalBoolean('secure') ?? false;
  const authConfig = smtpConfig.getOptionalConfig('auth');
  const smtp: SmtpSettings = {
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
  // Left out when not set: createMailer applies the defaults.
  for (const key of ['maxConnections', 'maxMessagesPerConnection'] as const) {
    if (smtpConfig.has(key)) {
      smtp[key] = positiveInteger(smtpConfig, 'enrollment.smtp', key, 0);
    }
  }
  const tlsCa = smtpConfig.getOptionalString('tls.ca');
  if (tlsCa) smtp.tls = { ca: tlsCa };
  return smtp;
}

/** `enrollment.outbox`: where mail goes without SMTP. */
export function readOutboxSettings(outboxConfig: Config | undefined): {
  directory: string;
  from: string;
} {
  return {
    directory: outboxConfig?.getOptionalString('directory') ?? '.data/outbox',
    from: outboxConfig?.getOptionalString('from') ?? DEFAULT_FROM,
  };
}

/** `enrollment.delivery`: how the invitation mail task paces itself. */
export function readDeliverySettings(d: Config | undefined): DeliverySettings {
  const ms = (numberKey: string, fallback: number) =>
    readDurationSetting(
      d,
      'enrollment.delivery',
      numberKey,
      'milliseconds',
      fallback,
    ).value;
  const delivery: DeliverySettings = {
    batchSize: positiveInteger(
      d,
      'enrollment.delivery',
      'batchSize',
      DEFAULT_DELIVERY.batchSize,
    ),
    concurrency: positiveInteger(
      d,
      'enrollment.delivery',
      'concurrency',
      DEFAULT_DELIVERY.concurrency,
    ),
    leaseMs: ms('leaseSeconds', DEFAULT_DELIVERY.leaseMs),
    maxAttempts:
      d?.getOptionalNumber('maxAttempts') ?? DEFAULT_DELIVERY.maxAttempts,
    initialRetryMs: ms('initialRetrySeconds', DEFAULT_DELIVERY.initialRetryMs),
    maxRetryMs: ms('maxRetrySeconds', DEFAULT_DELIVERY.maxRetryMs),
  };
  for (const [key, value] of Object.entries(delivery)) {
    if (!(value > 0)) {
      throw new InputError(
        `enrollment.delivery: ${key} must be a positive number`,
      );
    }
  }
  return delivery;
}

/** Seconds between runs of the invitation mail task. */
export function readDeliveryIntervalSeconds(d: Config | undefined): number {
  return readDurationSetting(
    d,
    'enrollment.delivery',
    'intervalSeconds',
    'seconds',
    10,
  ).value;
}
