import { PushCertificates } from '../apns/PushCertificates';
import { SecretSealer } from '../pki/SecretSealer';
import { ScepService } from '../scep';
import { EnrollmentServiceOptions, SharedServices } from './serviceOptions';
import { EnrollmentProfileService } from '../mdm/EnrollmentProfileService';
import { ProfileSigning } from '../mdm/ProfileSigning';
import { CaProfileSigner } from '../pki/profileSigner';

/** What a Mac enrolls with: the push topic, its profile and SCEP. */
export function createProfileServices(
  options: EnrollmentServiceOptions,
  shared: SharedServices,
) {
  const { settings, stores, ca } = options;
  const pushCertificates = new PushCertificates({
    configured: settings.apns.certificate,
    configuredTopic: settings.topic,
    store: stores.pushCertificates,
    sealer: new SecretSealer(ca.privateKey, SecretSealer.PUSH_KEY),
  });
  const topic = () => pushCertificates.topic();
  // Signs every profile: enrollment.profileSigning, else an uploaded
  // identity, else our CA's leaf.
  const profileSigning = new ProfileSigning({
    caSigner: new CaProfileSigner(ca, settings.organization),
    configured: settings.profileSigning,
    store: stores.profileSigning,
    sealer: new SecretSealer(ca.privateKey, SecretSealer.PROFILE_SIGNING_KEY),
  });
  const profiles = new EnrollmentProfileService({
    ca,
    organization: settings.organization,
    challenges: stores.challenges,
    topic,
    allowInsecureUrls: settings.allowInsecureUrls,
    tlsTrustPem: settings.tlsTrustPem,
    baseUrl: shared.pluginBaseUrl,
    signer: () => profileSigning.signer(),
  });
  const scep = new ScepService({
    ca,
    challenges: stores.challenges,
    recorder: stores.certificates,
    identities: stores.certificates,
    activity: shared.activity,
    lifetimeDays: settings.mdm.certificateLifetimeDays,
  });
  return { pushCertificates, topic, profileSigning, profiles, scep };
}
