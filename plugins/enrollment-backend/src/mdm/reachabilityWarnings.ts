import { LoggerService } from '@backstage/backend-plugin-api';
import { PushCertificateSummary } from '@macenroll/plugin-enrollment-common';

/**
 * Says at start-up what keeps Macs from enrolling or being reached: no push
 * certificate, one about to expire, or endpoints macOS refuses (http).
 */
export function warnWhereMacsCannotBeReached(
  logger: LoggerService,
  options: {
    push: PushCertificateSummary;
    baseUrl: URL;
    allowInsecureUrls: boolean;
  },
): void {
  const { push, baseUrl } = options;
  if (!push.configured) {
    logger.warn(
      'No MDM push certificate (enrollment.apns, or upload one in Settings): enrolled Macs cannot be reached and the portal gives out no profiles until there is one',
    );
  } else if (push.expiresSoon) {
    logger.warn(
      `The MDM push certificate for ${push.topic} expires on ${push.notAfter}: renew it in Apple's Push Certificates Portal with the same Apple ID`,
    );
  }
  if (baseUrl.protocol !== 'https:') {
    logger.warn(
      `The enrollment endpoints are served over ${
        baseUrl.protocol
      }; macOS accepts MDM and SCEP URLs only over https${
        options.allowInsecureUrls
          ? ' (enrollment.allowInsecureUrls is on: for a demo only)'
          : ', so the portal gives out no profiles'
      }`,
    );
  }
}
