import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import { createHmac } from 'node:crypto';
import { readWebhookSettings, webhookSignature } from './webhook';

const read = (webhook: JsonObject) =>
  readWebhookSettings(new ConfigReader({ webhook }));

describe('webhook settings and signature', () => {
  it('signs the exact body bytes with HMAC-SHA256, base64', () => {
    const body = JSON.stringify({ id: 'e1', name: 'Zoë’s Mac' });
    expect(webhookSignature(body, 'k'.repeat(16))).toBe(
      createHmac('sha256', 'k'.repeat(16))
        .update(Buffer.from(body, 'utf8'))
        .digest('base64'),
    );
    expect(webhookSignature(`${body} `, 'k'.repeat(16))).not.toBe(
      webhookSignature(body, 'k'.repeat(16)),
    );
  });

  it('reads defaults and refuses what could only fail later', () => {
    expect(readWebhookSettings(new ConfigReader({}))).toBeUndefined();
    expect(
      read({ url: 'https://hooks.example.com/mdm', secret: 's'.repeat(16) }),
    ).toEqual({
      url: 'https://hooks.example.com/mdm',
      secret: 's'.repeat(16),
      timeoutMs: 10_000,
      initialRetryMs: 10_000,
      maxAttempts: 12,
    });
    // Durations as everywhere in the plugin: a number with its unit, or a duration.
    expect(
      read({
        url: 'https://hooks.example.com/mdm',
        secret: 's'.repeat(16),
        timeout: { seconds: 5 },
        initialRetry: 'PT1M',
      }),
    ).toMatchObject({ timeoutMs: 5_000, initialRetryMs: 60_000 });
    expect(() =>
      read({
        url: 'https://hooks.example.com/mdm',
        secret: 's'.repeat(16),
        timeoutSeconds: 0,
      }),
    ).toThrow('enrollment.webhook.timeoutSeconds must be above 0');
    expect(() => read({ url: 'hooks', secret: 's'.repeat(16) })).toThrow(
      /not a URL/,
    );
    expect(() =>
      read({ url: 'ftp://hooks.example.com', secret: 's'.repeat(16) }),
    ).toThrow(/http\(s\)/);
    expect(() =>
      read({ url: 'https://hooks.example.com', secret: 'short' }),
    ).toThrow(/at least 16 characters/);
    expect(() =>
      read({
        url: 'https://hooks.example.com',
        secret: 's'.repeat(16),
        maxAttempts: 0,
      }),
    ).toThrow(/maxAttempts/);
  });
});
