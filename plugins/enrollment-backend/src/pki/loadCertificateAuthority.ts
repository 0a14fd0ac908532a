import { LoggerService } from '@backstage/backend-plugin-api';
import { CaStore } from '../database/CaStore';
import { CertificateAuthority } from './CertificateAuthority';
import { CaMaterial, generateCa } from './generateCa';

/**
 * The CA from config when one is given; otherwise the one kept in the
 * database, generated on first start.
 */
export async function loadCertificateAuthority(options: {
  configured?: CaMaterial;
  store: CaStore;
  organization: string;
  logger: LoggerService;
}): Promise<CertificateAuthority> {
  const { configured, store, organization, logger } = options;
  if (configured) {
    return CertificateAuthority.fromPem(configured);
  }
  const existing = await store.get();
  if (existing) {
    return CertificateAuthority.fromPem(existing);
  }
  const kept = await store.keepFirst(generateCa({ organization }));
  const ca = CertificateAuthority.fromPem(kept);
  logger.info(
    `Generated the enrollment CA "${
      ca.summary().subject
    }" and kept it in the database`,
  );
  return ca;
}
