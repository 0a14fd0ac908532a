import { ConfigReader } from '@backstage/config';
import { readDeliverySettings, readSmtpSettings } from './MailSettings';

describe('readSmtpSettings', () => {
  const read = (smtp: object) =>
    readSmtpSettings(new ConfigReader({ host: 'mx', ...smtp }));

  it('reads the pool size and messages per connection', () => {
    expect(
      read({ maxConnections: 8, maxMessagesPerConnection: 1000 }),
    ).toMatchObject({ maxConnections: 8, maxMessagesPerConnection: 1000 });
  });

  it('leaves them to the mailer when not set', () => {
    const smtp = read({})!;
    expect('maxConnections' in smtp).toBe(false);
    expect('maxMessagesPerConnection' in smtp).toBe(false);
  });

  it('refuses a pool size that is not a whole number of at least 1', () => {
    expect(() => read({ maxConnections: 0 })).toThrow(
      'enrollment.smtp.maxConnections must be a whole number of at least 1',
    );
    expect(() => read({ maxConnections: 2.5 })).toThrow(/whole number/);
    expect(() => read({ maxMessagesPerConnection: -1 })).toThrow(
      /enrollment.smtp.maxMessagesPerConnection/,
    );
  });
});

describe('readDeliverySettings', () => {
  it('reads batchSize and concurrency', () => {
    expect(
      readDeliverySettings(
        new ConfigReader({ batchSize: 500, concurrency: 16 }),
      ),
    ).toMatchObject({ batchSize: 500, concurrency: 16 });
  });

  it('refuses a fraction of a recipient or of a lane', () => {
    expect(() =>
      readDeliverySettings(new ConfigReader({ concurrency: 1.5 })),
    ).toThrow(
      'enrollment.delivery.concurrency must be a whole number of at least 1',
    );
    expect(() =>
      readDeliverySettings(new ConfigReader({ batchSize: 0 })),
    ).toThrow(/enrollment.delivery.batchSize/);
  });
});
