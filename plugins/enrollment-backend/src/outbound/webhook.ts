import { createHmac } from 'node:crypto';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { readDurationSetting } from '../lib/durationSetting';
import { OutboundDelivery } from './OutboundDispatcher';

/** `enrollment.webhook`: where events are POSTed and how they are signed. */
export interface WebhookSettings {
  url: string;
  /** The HMAC-SHA256 key of `X-Hmac-Signature`. Secret. */
  secret: string;
  timeoutMs: number;
  initialRetryMs: number;
  maxAttempts: number;
}

/**
 * `X-Hmac-Signature`: the base64 HMAC-SHA256 of the exact body bytes, as
 * nanomdm's webhook signs (receivers compute it over the raw body).
 */
export function webhookSignature(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body, 'utf8').digest('base64');
}

/** Reads `enrollment.webhook`; undefined when it is not configured. */
export function readWebhookSettings(
  root: Config | undefined,
): WebhookSettings | undefined {
  const config = root?.getOptionalConfig('webhook');
  if (!config) return undefined;
  const url = config.getString('url');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InputError(`enrollment.webhook.url is not a URL: "${url}"`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new InputError('enrollment.webhook.url must be an http(s) URL');
  }
  const secret = config.getString('secret');
  if (secret.length < 16) {
    throw new InputError(
      'enrollment.webhook.secret must be at least 16 characters of random text',
    );
  }
  // As every duration of the plugin: `timeoutSeconds: 10` or `timeout: 10s`.
  const duration = (numberKey: string, fallbackMs: number) => {
    const setting = readDurationSetting(
      config,
      'enrollment.webhook',
      numberKey,
      'milliseconds',
      fallbackMs,
    );
    if (!(setting.value > 0)) {
      throw new InputError(`${setting.name} must be above 0`);
    }
    return setting.value;
  };
  const maxAttempts = config.getOptionalNumber('maxAttempts') ?? 12;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new InputError('enrollment.webhook.maxAttempts must be 1 or more');
  }
  return {
    url,
    secret,
    timeoutMs: duration('timeoutSeconds', 10_000),
    initialRetryMs: duration('initialRetrySeconds', 10_000),
    maxAttempts,
  };
}

/**
 * POSTs each event as JSON, signed. Any answer but 2xx (a redirect too:
 * the webhook's address is where events go, not a hint) is a failure the
 * dispatcher retries.
 */
export function webhookDelivery(settings: WebhookSettings): OutboundDelivery {
  return async event => {
    const body = JSON.stringify(event);
    let response: Response;
    try {
      response = await fetch(settings.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(settings.timeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'macenroll-enrollment-webhook/1',
          'x-hmac-signature': webhookSignature(body, settings.secret),
          'x-enrollment-event-id': event.id,
          'x-enrollment-event-type': event.type,
        },
        body,
      });
    } catch (error) {
      const cause = (error as { cause?: Error }).cause;
      throw new Error(
        `the webhook could not be reached: ${
          cause?.message ?? (error as Error).message
        }`,
      );
    }
    if (response.ok) {
      await response.body?.cancel();
      return;
    }
    const text = (await response.text().catch(() => '')).slice(0, 200);
    throw new Error(
      `the webhook answered ${response.status}${text ? `: ${text}` : ''}`,
    );
  };
}
