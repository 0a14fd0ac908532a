import {
  computerReadPermission,
  eventReadPermission,
  invitationCreatePermission,
  invitationDeletePermission,
  invitationReadPermission,
  invitationUpdatePermission,
  settingsReadPermission,
  settingsUpdatePermission,
} from '@macenroll/plugin-enrollment-common';
import { ConditionTransformer } from '@backstage/plugin-permission-node';
import { NotAllowedError, ServiceUnavailableError } from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import { ComputerStore } from '../database/ComputerStore';
import { EventStore } from '../database/EventStore';
import { SiteQuery, siteFilterAllows } from '../permissions/siteFilter';
import { SiteStore } from '../database/SiteStore';
import { InvitationService } from '../invitations/InvitationService';
import { normalizeRecipients } from '../invitations/recipients';
import { Mailer } from '../mail/Mailer';
import { CertificateAuthority } from '../pki/CertificateAuthority';
import { Audited } from './audited';
import { Authorizer } from './Authorizer';
import {
  createInvitationBody,
  emptyBody,
  listComputersQuery,
  listEventsQuery,
  listInvitationsQuery,
  parseInput,
  resendBody,
  siteBody,
  testMailBody,
} from './schemas';

/** The admin REST API: JSON in and out, Backstage credentials and permissions. */
export async function createAdminRouter(options: {
  authorizer: Authorizer;
  audited: Audited;
  ca: CertificateAuthority;
  invitations: InvitationService;
  sites: SiteStore;
  computers: ComputerStore;
  events: EventStore;
  mailer: Mailer;
  organization: string;
  /** The routes of other admin concerns: settings and accounts, computers, push certificate, agent. */
  subRouters: express.Router[];
  invitationConditions: ConditionTransformer<SiteQuery>;
  computerConditions: ConditionTransformer<SiteQuery>;
}): Promise<express.Router> {
  const { authorizer, audited, ca, invitations, sites, computers, events } =
    options;
  const router = Router();
  router.use(express.json({ limit: '1mb' }));

  for (const sub of options.subRouters) router.use(sub);

  router.get('/ca', async (req, res) => {
    await authorizer.require(req, settingsReadPermission);
    res.json(ca.summary());
  });

  router.get('/invitations', async (req, res) => {
    const query = parseInput(listInvitationsQuery, req.query, 'query');
    const { filter } = await authorizer.filter(
      req,
      invitationReadPermission,
      options.invitationConditions,
    );
    res.json(await invitations.list(query, filter));
  });

  router.post('/invitations', async (req, res) => {
    const credentials = await authorizer.require(
      req,
      invitationCreatePermission,
    );
    const body = parseInput(createInvitationBody, req.body, 'invitation');
    // Creating is a basic permission; an admin whose policy limits the
    // invitations they manage to some sites creates only in those sites.
    const managedSites = await authorizer.siteLimit(
      credentials,
      invitationUpdatePermission,
      options.invitationConditions,
    );
    if (!siteFilterAllows(managedSites, body.siteId ?? null)) {
      throw new NotAllowedError(
        body.siteId
          ? 'You may create invitations only in the sites you manage; pick one of them'
          : 'You manage invitations of some sites only: pick one of your sites for the invitation',
      );
    }
    const created = await audited(
      req,
      'invitation-create',
      { recipientCount: body.recipients.length, siteId: body.siteId ?? null },
      () => invitations.create(body, Authorizer.actorOf(credentials)),
    );
    res.status(201).json(created);
  });

  router.get('/invitations/:id', async (req, res) => {
    const { filter } = await authorizer.filter(
      req,
      invitationReadPermission,
      options.invitationConditions,
    );
    res.json(await invitations.get(req.params.id, filter));
  });

  router.post('/invitations/:id/cancel', async (req, res) => {
    parseInput(emptyBody, req.body, 'request');
    const { credentials, filter } = await authorizer.filter(
      req,
      invitationUpdatePermission,
      options.invitationConditions,
    );
    const id = req.params.id;
    res.json(
      await audited(req, 'invitation-cancel', { invitationId: id }, () =>
        invitations.cancel(id, Authorizer.actorOf(credentials), filter),
      ),
    );
  });

  router.delete('/invitations/:id', async (req, res) => {
    const { credentials, filter } = await authorizer.filter(
      req,
      invitationDeletePermission,
      options.invitationConditions,
    );
    const id = req.params.id;
    await audited(req, 'invitation-delete', { invitationId: id }, () =>
      invitations.delete(id, Authorizer.actorOf(credentials), filter),
    );
    res.status(204).end();
  });

  router.post('/invitations/:id/resend', async (req, res) => {
    const body = parseInput(resendBody, req.body, 'request');
    const { credentials, filter } = await authorizer.filter(
      req,
      invitationUpdatePermission,
      options.invitationConditions,
    );
    const id = req.params.id;
    res.json(
      await audited(req, 'invitation-resend', { invitationId: id }, () =>
        invitations.resend(
          id,
          body.recipients,
          Authorizer.actorOf(credentials),
          filter,
        ),
      ),
    );
  });

  router.get('/invitations/:id/computers', async (req, res) => {
    const invitationAccess = await authorizer.filter(
      req,
      invitationReadPermission,
      options.invitationConditions,
    );
    const computerAccess = await authorizer.filter(
      req,
      computerReadPermission,
      options.computerConditions,
    );
    res.json(
      await invitations.computers(
        req.params.id,
        invitationAccess.filter,
        computerAccess.filter,
      ),
    );
  });

  router.get('/computers', async (req, res) => {
    const query = parseInput(listComputersQuery, req.query, 'query');
    const { filter } = await authorizer.filter(
      req,
      computerReadPermission,
      options.computerConditions,
    );
    const page = await computers.list(query, filter);
    res.json({ ...page, offset: query.offset, limit: query.limit });
  });

  router.get('/sites', async (req, res) => {
    await authorizer.requireAny(req, [
      settingsReadPermission,
      invitationCreatePermission,
    ]);
    res.json({ items: await sites.list() });
  });

  router.post('/sites', async (req, res) => {
    const credentials = await authorizer.require(req, settingsUpdatePermission);
    const { name } = parseInput(siteBody, req.body, 'site');
    res.status(201).json(
      await audited(req, 'site-create', { name }, () => sites.create(name), {
        actor: Authorizer.actorOf(credentials),
        message: `Created the site "${name}"`,
      }),
    );
  });

  router.patch('/sites/:id', async (req, res) => {
    const credentials = await authorizer.require(req, settingsUpdatePermission);
    const { name } = parseInput(siteBody, req.body, 'site');
    const id = req.params.id;
    res.json(
      await audited(
        req,
        'site-rename',
        { siteId: id, name },
        () => sites.rename(id, name),
        {
          actor: Authorizer.actorOf(credentials),
          message: `Renamed a site to "${name}"`,
        },
      ),
    );
  });

  router.delete('/sites/:id', async (req, res) => {
    const credentials = await authorizer.require(req, settingsUpdatePermission);
    const id = req.params.id;
    await audited(req, 'site-delete', { siteId: id }, () => sites.delete(id), {
      actor: Authorizer.actorOf(credentials),
      message: 'Deleted a site',
    });
    res.status(204).end();
  });

  router.post('/mail/test', async (req, res) => {
    const credentials = await authorizer.require(req, settingsUpdatePermission);
    const { to } = parseInput(testMailBody, req.body, 'request');
    const [address] = normalizeRecipients([to]);
    const result = await audited(
      req,
      'mail-test',
      { to: address },
      async () => {
        try {
          return await options.mailer.send({
            to: address,
            subject: `Test message from ${options.organization} device enrollment`,
            text: 'This is a test message: invitation mail from Backstage reaches this address.',
            html: '<p>This is a test message: invitation mail from Backstage reaches this address.</p>',
          });
        } catch (error) {
          throw new ServiceUnavailableError(
            `The mail server did not take the message: ${
              (error as Error).message
            }. Check enrollment.smtp and try again.`,
          );
        }
      },
      {
        actor: Authorizer.actorOf(credentials),
        message: `Sent a test message to ${address}`,
      },
    );
    res.json(result);
  });

  router.get('/events', async (req, res) => {
    await authorizer.require(req, eventReadPermission);
    const query = parseInput(listEventsQuery, req.query, 'query');
    const page = await events.list(query);
    res.json({ ...page, offset: query.offset, limit: query.limit });
  });

  return router;
}
