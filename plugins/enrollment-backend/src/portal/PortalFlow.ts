import {
  ComputerUser,
  DeviceRefusal,
  InvitationDetails,
  PortalSettings,
  Site,
} from '@macenroll/plugin-enrollment-common';
import { Response } from 'express';
import { printableName } from '../accounts/usernames';
import { randomUUID } from 'node:crypto';
import {
  DownloadPurpose,
  PendingEnrollment,
} from '../database/EnrollmentStore';
import { PortalSession } from '../database/PortalSessionStore';
import { nextStep } from './flow';
import { Platform } from './platform/classifyPlatform';
import {
  DOWNLOAD_TOKEN_TTL_MS,
  ENROLLMENT_TTL_MS,
  PortalDeps,
} from './PortalContext';
import { PortalSessions } from './PortalSessions';
import { InvitationLinks } from './InvitationLinks';
import { PortalMessage } from './language/PortalTexts';
import { invitationProblem, problems } from './problems';
import { MacRequirements, requirementsOf } from './requirements';

export type MacPlatform = Exclude<Platform, { kind: 'unsupported' }>;

/**
 * The macOS a browser tells: Safari and the others freeze their version at
 * 10.15.7, so a modern Mac is "10.15 or later" until it reports its real
 * version at check-in.
 */
export function macosOf(platform: MacPlatform): string {
  if (platform.kind === 'mac-modern' && platform.frozen) {
    return 'macOS 10.15 or later; the Mac tells its version when it checks in';
  }
  return `macOS ${platform.osVersion}`;
}

/** What the portal shows a session: one step of the flow. */
export type PortalView =
  | { kind: 'login' }
  | {
      kind: 'choose-user';
      query: string;
      results: ComputerUser[];
      error?: PortalMessage;
    }
  | { kind: 'eula' }
  | { kind: 'site'; sites: Site[] }
  | { kind: 'enrolled' }
  | {
      kind: 'refused';
      refusal: DeviceRefusal;
      requirements?: MacRequirements;
      loginName?: string;
    }
  | {
      kind: 'downloads';
      platform: MacPlatform['kind'];
      links: { ca?: string; profile?: string; quickadd?: string };
      /** Start the first download by itself (the step's first showing). */
      autostart: boolean;
      who?: string;
      /** The account that logged in, for "Logged in as"; none for a no-login link. */
      loginName?: string;
      /** What the invitation's and site's device rules ask of the Mac. */
      requirements?: MacRequirements;
    };

/**
 * The portal's rules, apart from HTTP: which step a session is at, what a
 * posted step changes, and the start of an enrollment at the download step.
 * Refusals are thrown as PortalProblems.
 */
export class PortalFlow {
  constructor(
    private readonly deps: Pick<
      PortalDeps,
      | 'invitations'
      | 'enrollments'
      | 'sites'
      | 'events'
      | 'directory'
      | 'login'
      | 'portalPath'
      | 'clock'
    > & { sessions: PortalSessions },
  ) {
    this.links = new InvitationLinks(deps);
  }

  private readonly links: InvitationLinks;

  private now() {
    return this.deps.clock?.() ?? new Date();
  }

  /**
   * The invitation a link's code names, if it can still be used.
   *
   * @throws PortalProblem when it is unknown or cannot be used
   */
  openInvitation(code: unknown) {
    return this.links.open(code);
  }

  /** See InvitationLinks.reserve. */
  reserveInvitation(
    enrollment: Pick<PendingEnrollment, 'id' | 'invitationId' | 'recipientId'>,
  ): Promise<void> {
    return this.links.reserve(enrollment);
  }

  /**
   * The session's invitation, still usable by it: a single-use invitation
   * this session used stays its own, so its person can come back.
   */
  private async invitationOf(
    session: PortalSession,
  ): Promise<InvitationDetails | undefined> {
    if (!session.invitationId) return undefined;
    const invitation = await this.deps.invitations.get(
      session.invitationId,
      this.now(),
    );
    const ownUse =
      invitation?.status === 'used' && Boolean(session.state.enrollmentId);
    const problem =
      invitation && !ownUse ? invitationProblem(invitation) : undefined;
    if (!invitation || problem) throw problems.invitationUnusable(problem);
    return invitation;
  }

  /** The step the session is at, with what its page needs. */
  async view(
    session: PortalSession,
    options: {
      settings: PortalSettings;
      platform: MacPlatform;
      query?: string;
    },
  ): Promise<PortalView> {
    const { settings } = options;
    const invitation = await this.invitationOf(session);
    const sites = await this.deps.sites.list();
    const step = nextStep({
      state: session.state,
      settings,
      directoryConfigured: Boolean(this.deps.directory),
      invitationHasSite: Boolean(invitation?.site),
      sitesExist: sites.length > 0,
    });
    switch (step) {
      case 'login':
      case 'eula':
        return { kind: step };
      case 'site':
        return { kind: 'site', sites };
      case 'choose-user': {
        const query = (options.query ?? '').trim().slice(0, 100);
        const found =
          query.length >= 2
            ? await this.deps.directory!.findUsers(query, 10)
            : [];
        return {
          kind: 'choose-user',
          query,
          results: found.map(u => u.fields),
        };
      }
      default:
        return this.downloads(session, invitation, options);
    }
  }

  /**
   * The download step: the enrollment starts once per session, counting one
   * use of the invitation (a single-use invitation goes to one session).
   */
  private async downloads(
    session: PortalSession,
    invitation: InvitationDetails | undefined,
    options: { settings: PortalSettings; platform: MacPlatform },
  ): Promise<PortalView> {
    const { enrollments } = this.deps;
    const { platform, settings } = options;
    let enrollmentId = session.state.enrollmentId;
    // The first time the step is shown its download starts by itself; a
    // second profile would supersede the first one's challenge, so a page
    // shown again (reload, back button) waits for a click.
    const firstView = !enrollmentId;
    const requirements = await this.requirements(session, invitation);
    if (enrollmentId) {
      // Once the Mac checked in with this session's profile there is
      // nothing left to download: the person who came back is told so.
      if (await this.enrolled(session)) return { kind: 'enrolled' };
      // A Mac the device rules refused would be refused again: say why.
      const refusal = await this.refusal(session);
      if (refusal) {
        const loginName = session.state.login?.name;
        return { kind: 'refused', refusal, requirements, loginName };
      }
    } else {
      enrollmentId = await this.startEnrollment(session, invitation, platform);
    }

    const link = async (purpose: DownloadPurpose, file: string) =>
      `${this.deps.portalPath}/${file}?token=${await enrollments.issueToken({
        sessionIdHash: session.idHash,
        enrollmentId: enrollmentId!,
        purpose,
        ttlMs: DOWNLOAD_TOKEN_TTL_MS,
        now: this.now(),
      })}`;
    const links =
      platform.kind === 'mac-legacy'
        ? { quickadd: await link('quickadd', 'quickadd.pkg') }
        : {
            ca: settings.skipCertificateInstallation
              ? undefined
              : await link('ca', 'ca.cer'),
            profile: await link('profile', 'profile.mobileconfig'),
          };
    return {
      kind: 'downloads',
      platform: platform.kind,
      links,
      autostart: firstView,
      who: session.state.user?.realName ?? session.state.user?.username,
      loginName: session.state.login?.name,
      requirements,
    };
  }

  /** What the rules of the session's invitation and site ask of the Mac. */
  private async requirements(
    session: PortalSession,
    invitation: InvitationDetails | undefined,
  ): Promise<MacRequirements | undefined> {
    const siteId = invitation?.site?.id ?? session.state.siteId;
    const site = siteId ? await this.deps.sites.get(siteId) : undefined;
    return requirementsOf(invitation, site);
  }

  /** Why the device rules refused the Mac of this session's enrollment, if they did. */
  async refusal(session: PortalSession): Promise<DeviceRefusal | undefined> {
    const id = session.state.enrollmentId;
    const enrollment = id ? await this.deps.enrollments.get(id) : undefined;
    return enrollment && !enrollment.completedAt
      ? enrollment.refusal
      : undefined;
  }

  /** Whether the Mac of this session's enrollment has checked in. */
  async enrolled(session: PortalSession): Promise<boolean> {
    const id = session.state.enrollmentId;
    return Boolean(id && (await this.deps.enrollments.get(id))?.completedAt);
  }

  private async startEnrollment(
    session: PortalSession,
    invitation: InvitationDetails | undefined,
    platform: MacPlatform,
  ): Promise<string> {
    const now = this.now();
    const id = randomUUID();
    const recipientId = invitation ? session.state.recipientId : undefined;
    await this.links.reserve({
      id,
      invitationId: invitation?.id,
      recipientId,
    });
    const login = session.state.login!;
    const enrollment = await this.deps.enrollments.create({
      id,
      sessionIdHash: session.idHash,
      invitationId: invitation?.id,
      recipientId,
      siteId: invitation?.site?.id ?? session.state.siteId,
      keepExistingSite: invitation?.keepExistingSite ?? false,
      loginKind: login.kind,
      loginName: login.name,
      user: session.state.user ?? {},
      platform: platform.kind,
      createdAt: now,
      expiresAt: new Date(now.getTime() + ENROLLMENT_TTL_MS),
    });
    await this.deps.sessions.update(session, {
      ...session.state,
      enrollmentId: enrollment.id,
    });
    await this.deps.events.record({
      type: 'portal.enrollment-started',
      actor: login.name,
      invitationId: invitation?.id,
      message: `Enrollment started at the portal (${macosOf(platform)})`,
    });
    return enrollment.id;
  }

  /**
   * Checks a login and records it; on success the session (with a new id,
   * set on `res`) is logged in, otherwise the status and message to show.
   */
  async logIn(
    res: Response,
    session: PortalSession,
    attempt: {
      username: string;
      password: string;
      address: string;
      settings: PortalSettings;
    },
  ): Promise<{ status: number; error: PortalMessage } | undefined> {
    const { username, password, address } = attempt;
    if (
      !username ||
      !password ||
      username.length > 255 ||
      password.length > 1024
    ) {
      return { status: 400, error: { key: 'login.missing' } };
    }
    const outcome = await this.deps.login.login({
      username,
      password,
      address,
      allowedGroups: attempt.settings.restrictToLdapGroups,
      now: this.now(),
    });
    // Names go to log lines and the audit stream: no control characters,
    // or a username with a newline would write a line of its own.
    const actor = printableName(username);
    await this.deps.events.record({
      type: outcome.ok ? 'portal.login-succeeded' : 'portal.login-failed',
      actor,
      invitationId: session.invitationId,
      message: outcome.ok
        ? `Portal login as ${outcome.kind} account ${printableName(
            outcome.name,
          )} from ${address}`
        : `Portal login as ${actor} refused (${outcome.reason}) from ${address}`,
    });
    if (outcome.ok) {
      // A new id at login: one planted in the browser before (session
      // fixation) must not become a logged-in session.
      await this.deps.sessions.rotate(res, session, {
        ...session.state,
        login: { kind: outcome.kind, name: outcome.name },
        user: outcome.user,
      });
      return undefined;
    }
    if (outcome.reason === 'throttled') {
      const minutes = Math.max(
        1,
        Math.ceil((outcome.retryAt!.getTime() - this.now().getTime()) / 60_000),
      );
      return {
        status: 429,
        error: { key: 'login.throttled', values: { minutes: String(minutes) } },
      };
    }
    // Also when the password was right but the person is not in an allowed
    // group: a different answer would confirm the password to whoever
    // guessed it. The event log keeps the real reason for admins.
    return { status: 401, error: { key: 'login.wrong' } };
  }

  /** A local account names the directory person the Mac is for; false when not found. */
  async chooseUser(session: PortalSession, username: string): Promise<boolean> {
    const person =
      session.state.login?.kind === 'local' && this.deps.directory && username
        ? await this.deps.directory.getUser(username.slice(0, 255))
        : undefined;
    if (!person) return false;
    await this.deps.sessions.update(session, {
      ...session.state,
      user: person.fields,
    });
    return true;
  }

  async acceptEula(session: PortalSession, accepted: boolean): Promise<void> {
    if (accepted && session.state.login) {
      await this.deps.sessions.update(session, {
        ...session.state,
        eulaAccepted: true,
      });
    }
  }

  /**
   * Takes a site only where the portal offers the choice: not when the
   * settings turn it off, the invitation names the site, or the enrollment
   * has started.
   */
  async chooseSite(
    session: PortalSession,
    siteId: string,
    settings: PortalSettings,
  ): Promise<void> {
    const invitation = session.invitationId
      ? await this.deps.invitations.get(session.invitationId, this.now())
      : undefined;
    const choosing =
      settings.allowSiteChoice &&
      !invitation?.site &&
      !session.state.enrollmentId &&
      session.state.login;
    if (choosing && siteId && (await this.deps.sites.get(siteId))) {
      await this.deps.sessions.update(session, { ...session.state, siteId });
    }
  }
}
