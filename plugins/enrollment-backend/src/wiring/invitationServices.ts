import { createMailer } from '../mail/createMailer';
import { InvitationDelivery } from '../mail/InvitationDelivery';
import { EnrollmentServiceOptions, SharedServices } from './serviceOptions';
import { MAIL_TASK_ID } from '../tasks/scheduleEnrollmentTasks';
import { InvitationCodes } from '../invitations/code';
import { invitationCodeSecret } from '../invitations/codeSecret';
import { InvitationService } from '../invitations/InvitationService';

/** Invitations and the mail that carries them. */
export function createInvitationServices(
  options: EnrollmentServiceOptions,
  shared: SharedServices,
) {
  const { settings, stores } = options;
  const codes = new InvitationCodes(
    invitationCodeSecret(settings.invitationCodeSecret, options.ca),
  );
  const mailer = createMailer(settings);
  options.lifecycle.addShutdownHook(() => mailer.close());
  // Mail goes out from a scheduled task, never inside the HTTP request.
  const delivery = new InvitationDelivery({
    store: stores.deliveries,
    events: shared.activity,
    mailer,
    codes,
    organization: settings.organization,
    enrollUrl: shared.enrollUrl,
    logger: options.logger,
    settings: settings.delivery,
  });
  const invitations = new InvitationService({
    invitations: stores.invitations,
    sites: stores.sites,
    computers: stores.computers,
    // Its changes come through the admin API, which audits them.
    events: stores.events,
    codes,
    enrollUrl: shared.enrollUrl,
    // A run in progress picks new recipients up in its next round.
    wakeDelivery: () =>
      options.scheduler.triggerTask(MAIL_TASK_ID).catch(() => undefined),
  });
  return { mailer, delivery, invitations };
}
