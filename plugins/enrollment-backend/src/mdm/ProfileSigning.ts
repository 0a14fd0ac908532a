import { ConflictError } from '@backstage/errors';
import {
  ProfileSigningSummary,
  ProfileSigningUpload,
} from '@macenroll/plugin-enrollment-common';
import { ProfileSigningStore } from '../database/ProfileSigningStore';
import { readP12 } from '../pki/p12';
import { CaProfileSigner, ProfileSigner } from '../pki/profileSigner';
import { SecretSealer } from '../pki/SecretSealer';
import {
  readSigningIdentityP12,
  readSigningIdentityPem,
  SigningIdentity,
} from '../pki/signingIdentity';

/** How long a replica trusts what it read of the uploaded identity. */
export const PROFILE_SIGNING_REFRESH_MS = 60_000;

type Current =
  | { source: 'config' | 'upload'; identity: SigningIdentity }
  | { source: 'ca' };

/**
 * What signs enrollment profiles (portal downloads, QuickAdd, identity
 * renewals): `enrollment.profileSigning` from app-config when given (it
 * wins), else an identity an admin uploaded, else a leaf of our own CA.
 * A third-party identity chaining to a publicly trusted root makes macOS
 * show the profile as "Verified"; the CA still travels inside the profile.
 *
 * The uploaded identity is cached: an upload or removal on this replica
 * takes effect at once, other replicas pick it up within a minute
 * (PROFILE_SIGNING_REFRESH_MS) — the next profile after their cache
 * lapses re-reads the store.
 */
export class ProfileSigning {
  private cache?: { readAt: number; current: Promise<Current> };

  constructor(
    private readonly deps: {
      caSigner: CaProfileSigner;
      /** `enrollment.profileSigning`, checked at start-up. */
      configured?: SigningIdentity;
      store: ProfileSigningStore;
      sealer: SecretSealer;
      clock?: () => Date;
    },
  ) {}

  private now() {
    return this.deps.clock?.() ?? new Date();
  }

  /** The signer and chain the next profile is signed with. */
  async signer(): Promise<ProfileSigner> {
    const current = await this.current();
    return current.source === 'ca'
      ? this.deps.caSigner.get()
      : current.identity.signer;
  }

  async summary(): Promise<ProfileSigningSummary> {
    const current = await this.current();
    const now = this.now();
    if (current.source !== 'ca') {
      const { identity } = current;
      return {
        source: current.source,
        subject: identity.subject,
        issuer: identity.issuer,
        notAfter: identity.notAfter.toISOString(),
        expired: identity.notAfter <= now,
        chain: identity.chain,
      };
    }
    const { certificate, chain } = await this.deps.caSigner.get();
    const name = (c: typeof certificate, which: 'subject' | 'issuer') =>
      c[which].attributes
        .map(a => `${a.shortName ?? a.name}=${a.value}`)
        .join(', ');
    return {
      source: 'ca',
      subject: name(certificate, 'subject'),
      issuer: name(certificate, 'issuer'),
      notAfter: certificate.validity.notAfter.toISOString(),
      expired: certificate.validity.notAfter <= now,
      chain: chain.map(c => name(c, 'subject')),
    };
  }

  /**
   * Checks and keeps an uploaded .p12; the next profile is signed with it.
   *
   * @throws InputError saying what is wrong with the file; ConflictError
   *   when app-config sets the identity.
   */
  async upload(upload: ProfileSigningUpload): Promise<ProfileSigningSummary> {
    this.refuseWhenConfigured();
    const contents = await readP12(
      Buffer.from(upload.p12, 'base64'),
      upload.password ?? '',
    );
    const identity = readSigningIdentityP12(contents, 'The .p12', this.now());
    await this.deps.store.put(
      identity.certificatePem,
      this.deps.sealer.seal(Buffer.from(identity.privateKeyPem, 'utf8')),
      this.now(),
    );
    this.cache = undefined;
    return this.summary();
  }

  /** Back to our CA's leaf. */
  async removeUpload(): Promise<void> {
    this.refuseWhenConfigured();
    await this.deps.store.delete();
    this.cache = undefined;
  }

  private refuseWhenConfigured() {
    if (this.deps.configured) {
      throw new ConflictError(
        'The profile signing identity comes from app-config (enrollment.profileSigning); change it there',
      );
    }
  }

  private current(): Promise<Current> {
    const { configured } = this.deps;
    if (configured) {
      return Promise.resolve({ source: 'config', identity: configured });
    }
    const at = Date.now();
    if (!this.cache || at - this.cache.readAt >= PROFILE_SIGNING_REFRESH_MS) {
      const current = this.readUploaded();
      this.cache = { readAt: at, current };
      // A failed read is tried again by the next caller.
      current.catch(() => {
        if (this.cache?.current === current) this.cache = undefined;
      });
    }
    return this.cache.current;
  }

  private async readUploaded(): Promise<Current> {
    const stored = await this.deps.store.get();
    if (!stored) return { source: 'ca' };
    return {
      source: 'upload',
      identity: readSigningIdentityPem(
        stored.certificatePem,
        this.deps.sealer.unseal(stored.privateKeySealed).toString('utf8'),
        'The uploaded profile signing identity',
      ),
    };
  }
}
