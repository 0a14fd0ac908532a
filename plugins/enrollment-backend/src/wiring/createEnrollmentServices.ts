import { ActivityLog } from '../activity/ActivityLog';
import { createInvitationServices } from './invitationServices';
import { LdapDirectory } from '../ldap';
import { createManagementServices } from './managementServices';
import { createProfileServices } from './profileServices';
import { PortalLogin } from '../portal/PortalLogin';
import { shortEnrollUrl } from '../portal/rootRedirect';
import { createOutboundServices, OutboundPeers } from './outboundServices';
import { EnrollmentServiceOptions } from './serviceOptions';

/**
 * The plugin's services, each given the stores and settings it needs: what
 * the routers serve and the scheduled tasks run.
 */
export function createEnrollmentServices(
  options: EnrollmentServiceOptions & OutboundPeers,
) {
  const { stores } = options;
  const pluginBaseUrl = () =>
    options.discovery.getExternalBaseUrl('enrollment');
  // <backend.baseUrl>/enroll: the short link in mail, printed on posters.
  const portalUrl = async () => `${await pluginBaseUrl()}/enroll`;
  const enrollUrl = async () => shortEnrollUrl(await portalUrl());

  const activity = new ActivityLog(stores.events, options.auditor);
  const { outbound, dispatcher } = createOutboundServices(options, activity);
  const shared = { activity, pluginBaseUrl, enrollUrl, outbound };
  const { mailer, delivery, invitations } = createInvitationServices(
    options,
    shared,
  );

  const directory = LdapDirectory.fromConfig(options.config);
  const login = new PortalLogin({
    accounts: stores.accounts,
    directory,
    userFailures: stores.loginAttempts.user,
    addressFailures: stores.loginAttempts.address,
  });

  const { pushCertificates, topic, profileSigning, profiles, scep } =
    createProfileServices(options, shared);
  const { push, commandQueue, agent, mdm, renewal } = createManagementServices(
    options,
    { ...shared, pushCertificates, topic, profiles, directory },
  );

  return {
    pluginBaseUrl,
    portalUrl,
    activity,
    outbound,
    dispatcher,
    mailer,
    delivery,
    invitations,
    directory,
    login,
    pushCertificates,
    profileSigning,
    profiles,
    scep,
    push,
    commandQueue,
    agent,
    mdm,
    renewal,
  };
}

export type EnrollmentServices = ReturnType<typeof createEnrollmentServices>;
