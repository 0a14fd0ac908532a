import { ConflictError, InputError } from '@backstage/errors';
import {
  PushCertificateSummary,
  PushCertificateUpload,
} from '@macenroll/plugin-enrollment-common';
import { PushCertificateStore } from '../database/PushCertificateStore';
import { SecretSealer } from '../pki/SecretSealer';
import {
  pemFromP12,
  PushCertificate,
  readPushCertificate,
  summarizePushCertificate,
} from './pushCertificate';

/** The push certificate in use and where it came from. */
export interface CurrentPushCertificate {
  certificate: PushCertificate;
  source: 'config' | 'upload';
}

/**
 * The MDM push certificate: `enrollment.apns` from app-config when given
 * (it wins, so a deployment stays as declared), else the one an admin
 * uploaded in Settings. The topic every profile carries comes from here.
 */
export class PushCertificates {
  constructor(
    private readonly deps: {
      configured?: PushCertificate;
      /** `enrollment.topic`; checked against the certificate at start-up and on upload. */
      configuredTopic?: string;
      store: PushCertificateStore;
      sealer: SecretSealer;
      clock?: () => Date;
    },
  ) {
    const { configured, configuredTopic } = deps;
    if (configured && configuredTopic && configured.topic !== configuredTopic) {
      throw new InputError(
        `enrollment.topic is "${configuredTopic}" but the push certificate in enrollment.apns is for the topic "${configured.topic}"; remove enrollment.topic or make it match`,
      );
    }
  }

  private now() {
    return this.deps.clock?.() ?? new Date();
  }

  async current(): Promise<CurrentPushCertificate | undefined> {
    if (this.deps.configured) {
      return { certificate: this.deps.configured, source: 'config' };
    }
    const stored = await this.deps.store.get();
    if (!stored) return undefined;
    return {
      certificate: readPushCertificate(
        stored.certificatePem,
        this.deps.sealer.unseal(stored.privateKeySealed).toString('utf8'),
        'the uploaded push certificate',
      ),
      source: 'upload',
    };
  }

  /** The APNs topic profiles carry and check-ins must name. */
  async topic(): Promise<string | undefined> {
    return (
      this.deps.configuredTopic ?? (await this.current())?.certificate.topic
    );
  }

  async summary(): Promise<PushCertificateSummary> {
    const current = await this.current();
    return summarizePushCertificate(
      current?.certificate,
      current?.source,
      this.now(),
    );
  }

  async upload(upload: PushCertificateUpload): Promise<PushCertificateSummary> {
    if (this.deps.configured) {
      throw new ConflictError(
        'The push certificate comes from app-config (enrollment.apns); change it there',
      );
    }
    const pem =
      'p12Base64' in upload
        ? pemFromP12(
            Buffer.from(upload.p12Base64, 'base64'),
            upload.password ?? '',
          )
        : upload;
    const certificate = readPushCertificate(
      pem.certificatePem,
      pem.privateKeyPem,
      'The uploaded push certificate',
    );
    const { configuredTopic } = this.deps;
    if (configuredTopic && certificate.topic !== configuredTopic) {
      throw new InputError(
        `This push certificate is for the topic "${certificate.topic}" but enrollment.topic is "${configuredTopic}"; upload the certificate of that topic or change enrollment.topic`,
      );
    }
    if (certificate.notAfter <= this.now()) {
      throw new InputError(
        `This push certificate expired on ${certificate.notAfter.toISOString()}; renew it in Apple's Push Certificates Portal with the same Apple ID`,
      );
    }
    await this.deps.store.put(
      certificate.certificatePem,
      this.deps.sealer.seal(Buffer.from(certificate.privateKeyPem, 'utf8')),
      this.now(),
    );
    return summarizePushCertificate(certificate, 'upload', this.now());
  }

  async removeUpload(): Promise<void> {
    await this.deps.store.delete();
  }
}
