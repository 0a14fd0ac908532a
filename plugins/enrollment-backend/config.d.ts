import type { HumanDuration } from '@backstage/types';

// Each duration can be given as a number with its unit in the key's name
// (`leaseSeconds: 300`) or as a duration under the key without the unit
// (`lease: { minutes: 5 }`, `lease: PT5M`, `lease: 5m`); setting both is
// refused at start-up.
export interface Config {
  /** Mac enrollment (user-initiated enrollment of Macs into device management). */
  enrollment?: {
    /**
     * The organization's name, shown on the portal and in every profile.
     * @visibility frontend
     */
    organization?: string;

    /**
     * The APNs topic of the MDM push certificate; it must begin with
     * `com.apple.mgmt.`. Optional with a push certificate, whose UID is the
     * topic; a configured topic that differs from it is refused at start-up.
     */
    topic?: string;

    /**
     * The MDM push certificate (from Apple's Push Certificates Portal) and
     * where pushes go. Leave it out and admins can upload one in Settings;
     * without any, enrolled Macs cannot be reached.
     */
    apns?: {
      /** The push certificate Apple issued, PEM. */
      certificate?: string;
      /**
       * The private key of the CSR the certificate was issued for, PEM.
       * @visibility secret
       */
      privateKey?: string;
      /** The provider API (default `https://api.push.apple.com`). */
      endpoint?: string;
      /** PEM certificates trusted for the endpoint: a local stand-in or a TLS proxy. */
      caCertificate?: string;
      /** Pushes for one Mac within this window go out as one (default 1000). */
      coalesceMilliseconds?: number;
      /** coalesceMilliseconds as a duration. */
      coalesce?: HumanDuration | string;
      /** Pushes in flight at once on the connection (default 50). */
      concurrency?: number;
      /** First retry after a 429, a 5xx or no answer, doubling (default 5). */
      initialRetrySeconds?: number;
      /** initialRetrySeconds as a duration. */
      initialRetry?: HumanDuration | string;
      /** Longest retry delay (default 600). */
      maxRetrySeconds?: number;
      /** maxRetrySeconds as a duration. */
      maxRetry?: HumanDuration | string;
    };

    /**
     * Hand out profiles whose MDM and SCEP URLs are http://. macOS refuses
     * them; for a local demo only.
     */
    allowInsecureUrls?: boolean;

    /**
     * An outgoing webhook: each enrollment event (`computer.enrolled`,
     * `computer.unenrolled`, `invitation.used`, `command.failed`) is POSTed
     * as JSON, signed with `X-Hmac-Signature` (base64 HMAC-SHA256 of the
     * body with `secret`), retried with backoff until the receiver answers
     * 2xx, and carries `X-Enrollment-Event-Id` so a receiver drops repeats.
     */
    webhook?: {
      /** Where events are POSTed (http or https). */
      url: string;
      /**
       * The HMAC key, at least 16 characters of random text.
       * @visibility secret
       */
      secret: string;
      /** How long one delivery may take. Default 10. */
      timeoutSeconds?: number;
      /** `timeoutSeconds` as a duration. */
      timeout?: HumanDuration | string;
      /** The first retry's delay; it doubles up to an hour. Default 10. */
      initialRetrySeconds?: number;
      /** `initialRetrySeconds` as a duration. */
      initialRetry?: HumanDuration | string;
      /** Attempts before an event is given up (and the activity log says so). Default 12. */
      maxAttempts?: number;
    };

    /**
     * The server's TLS certificate chain (PEM) when it is not publicly
     * trusted: it goes into the enrollment profile as certificate payloads
     * so the Mac can check in while the profile installs.
     */
    tlsTrust?: string;

    /**
     * The CA that signs profiles and issues device identities. Leave it out
     * and a CA is generated once and kept in the plugin's database.
     */
    ca?: {
      /** The CA certificate, PEM. */
      certificate: string;
      /**
       * The CA private key, PEM.
       * @visibility secret
       */
      privateKey: string;
    };

    /**
     * A third-party identity that signs the enrollment profiles in place of
     * the CA's own leaf, so macOS shows them as "Verified" when it chains to
     * a publicly trusted root. It wins over one uploaded in Settings. RSA
     * only; its keyUsage (if any) must have digitalSignature and its
     * extendedKeyUsage (if any) emailProtection, codeSigning or
     * anyExtendedKeyUsage. Checked at start-up.
     */
    profileSigning?: {
      /** The signing certificate, then its intermediates, PEM. */
      certificate: string;
      /**
       * The signing certificate's private key, PEM (unencrypted).
       * @visibility secret
       */
      privateKey: string;
    };

    /** The public /enroll portal. */
    portal?: {
      /** Local portal accounts from config; admins can add more in the UI. */
      localAccounts?: Array<{
        username: string;
        /**
         * The password in clear; prefer passwordHash. At least 12
         * characters: the backend refuses to start with a shorter one (the
         * same minimum as for accounts admins add).
         * @visibility secret
         */
        password?: string;
        /**
         * An scrypt hash string of the password,
         * `scrypt$<N>$<r>$<p>$<salt, base64>$<key, base64>` (Node's
         * `crypto.scryptSync(password, salt, 32, { N, r, p })`); new hashes
         * use N=16384, r=8, p=5.
         * @visibility secret
         */
        passwordHash?: string;
        /**
         * The full name of the person the account stands for (Jamf's
         * standard account). With realName or email, a Mac enrolled with
         * the account is recorded as this person's, `username` being the
         * account's: the catalog then finds its owner without a directory.
         * Without either, the account names no person (with a directory
         * configured, it picks one at the portal).
         */
        realName?: string;
        /** The e-mail address of the person the account stands for. */
        email?: string;
      }>;
    };

    /** Directory login. Leave it out and LDAP login is off. */
    ldap?: {
      /** ldap:// or ldaps:// URL of the directory. */
      url: string;
      /** Upgrade an ldap:// connection with StartTLS. */
      starttls?: boolean;
      /** The DN the portal binds as to search for users. */
      bindDn?: string;
      /**
       * The password of bindDn.
       * @visibility secret
       */
      bindPassword?: string;
      /** Connection and operation timeout in milliseconds (default 5000). */
      timeoutMs?: number;
      /** timeoutMs as a duration. */
      timeout?: HumanDuration | string;
      users: {
        /** Where users are searched. */
        baseDn: string;
        /** Search filter; `{username}` is escaped (RFC 4515) before substitution. */
        filter?: string;
      };
      /** The LDAP attribute that holds each user and location field. */
      mapping?: {
        username?: string;
        realName?: string;
        email?: string;
        department?: string;
        building?: string;
        room?: string;
        phone?: string;
        position?: string;
      };
      /** Extra trust for a directory whose certificate a private CA issued (ldaps:// and StartTLS). */
      tls?: {
        /** The CA certificate, PEM. */
        ca?: string;
      };
      /** Where a user's groups are read. Leave it out and users have no groups. */
      groups?: {
        /** Where groups are searched (whole subtree). */
        baseDn: string;
        /**
         * Search filter; `{dn}` is the user's DN, escaped (RFC 4515) before
         * substitution. Default `(&(objectClass=groupOfNames)(member={dn}))`.
         */
        filter?: string;
        /** The attribute that holds a group's name (default `cn`). */
        nameAttribute?: string;
      };
    };

    /** Outgoing mail. Leave it out and mail is written to the outbox folder. */
    smtp?: {
      host: string;
      port?: number;
      /** true for implicit TLS (port 465). */
      secure?: boolean;
      /** Refuse to send unless the server offers STARTTLS. */
      requireTLS?: boolean;
      auth?: {
        user: string;
        /** @visibility secret */
        pass: string;
      };
      /** Extra trust for a relay whose certificate a private CA issued. */
      tls?: {
        /** The CA certificate, PEM. */
        ca?: string;
      };
      /** The From: address of invitation mail, e.g. `IT <it@example.com>`. */
      from?: string;
      /**
       * SMTP connections the backend keeps open to the relay at most
       * (default 4). Raise it only as far as your relay allows one client.
       */
      maxConnections?: number;
      /**
       * Messages sent over one connection before it is closed and a new one
       * opened (default 100).
       */
      maxMessagesPerConnection?: number;
    };

    /** Device management after enrollment. */
    mdm?: {
      /**
       * An https:// manifest URL for InstallEnterpriseApplication, sent after
       * a Mac's first enrollment to install your management agent (a signed
       * distribution package; macOS 10.13.6 and later).
       */
      agentManifestUrl?: string;
      /** Lifetime of the device identity certificates SCEP issues, in days (default 365). */
      certificateLifetimeDays?: number;
      /** certificateLifetimeDays as a duration (a whole number of days). */
      certificateLifetime?: HumanDuration | string;
      /**
       * Days before a device identity expires that the server sends the Mac
       * a renewed enrollment profile (default 30).
       */
      renewalDays?: number;
      /** renewalDays as a duration (a whole number of days). */
      renewal?: HumanDuration | string;
    };

    /** The activity log (enrollment_events). */
    events?: {
      /** Days an event is kept; older ones are deleted by the cleanup task (default 365). */
      retentionDays?: number;
      /** retentionDays as a duration (a whole number of days). */
      retention?: HumanDuration | string;
    };

    /** The QuickAdd package offered to macOS 10.12.6 and earlier. */
    quickadd?: {
      /**
       * The package identifier, reverse-DNS
       * (default com.macenroll.enrollment.quickadd).
       */
      identifier?: string;
    };

    /** Enrollment invitations. */
    invitations?: {
      /**
       * The secret invitation codes are derived from (at least 32 characters).
       * Left out, it is derived from the CA private key. Keep it out of the
       * database so that a leaked database does not leak live links.
       * @visibility secret
       */
      codeSecret?: string;
    };

    /** How invitation mail is sent by the scheduled task. */
    delivery?: {
      /**
       * Recipients claimed at a time (default 50); the next claim is made
       * while the last ones still go out, and a run goes on until nothing is
       * due (or for 10 minutes at most).
       */
      batchSize?: number;
      /**
       * Messages in flight at once (default 8). More than
       * `smtp.maxConnections` keeps every connection busy; the relay still
       * sees only `smtp.maxConnections` connections.
       */
      concurrency?: number;
      /** Seconds a worker holds a recipient before another may retry it (default 300). */
      leaseSeconds?: number;
      /** leaseSeconds as a duration. */
      lease?: HumanDuration | string;
      /** Attempts before a temporary failure is final (default 10). */
      maxAttempts?: number;
      /** First retry delay in seconds, doubling each time (default 30). */
      initialRetrySeconds?: number;
      /** initialRetrySeconds as a duration. */
      initialRetry?: HumanDuration | string;
      /** Longest retry delay in seconds (default 3600). */
      maxRetrySeconds?: number;
      /** maxRetrySeconds as a duration. */
      maxRetry?: HumanDuration | string;
      /** Seconds between runs of the mail task (default 10). */
      intervalSeconds?: number;
      /** intervalSeconds as a duration. */
      interval?: HumanDuration | string;
    };

    /** Where mail goes when no SMTP server is configured. */
    outbox?: {
      /** Folder for the .eml files (default: `.data/outbox` under the working directory). */
      directory?: string;
      /** The From: address used in the outbox. */
      from?: string;
    };
  };
}
