import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { readDurationSetting } from '../lib/durationSetting';
import { PushCertificate, readPushCertificate } from './pushCertificate';
import { DEFAULT_PUSH_SETTINGS, PushSettings } from './PushService';

/** The push certificate from config (else an uploaded one) and how pushes go out. */
export type ApnsSettings = { certificate?: PushCertificate } & PushSettings;

/** Reads `enrollment.apns`, refusing half a certificate or a plain-http endpoint. */
export function readApnsSettings(apns: Config | undefined): ApnsSettings {
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
  const ms = (numberKey: string, fallback: number) => {
    const setting = readDurationSetting(
      apns,
      'enrollment.apns',
      numberKey,
      'milliseconds',
      fallback,
    );
    if (!(setting.value >= 0)) {
      throw new InputError(`${setting.name} must not be negative`);
    }
    return setting.value;
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
    initialRetryMs: ms(
      'initialRetrySeconds',
      DEFAULT_PUSH_SETTINGS.initialRetryMs,
    ),
    maxRetryMs: ms('maxRetrySeconds', DEFAULT_PUSH_SETTINGS.maxRetryMs),
    concurrency,
  };
}
