import {
  computerReadPermission,
  createInvitationRequestSchema,
  invitationCreatePermission,
  invitationDeletePermission,
  invitationReadPermission,
  invitationLinkQuerySchema,
  invitationUpdatePermission,
  listInvitationsQuerySchema,
  resendInvitationRequestSchema,
} from '@macenroll/plugin-enrollment-common';
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { ResourcePermission } from '@backstage/plugin-permission-common';
import { ConditionTransformer } from '@backstage/plugin-permission-node';
import { NotAllowedError } from '@backstage/errors';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { SiteQuery, siteFilterAllows } from '../permissions/siteFilter';
import { InvitationService } from '../invitations/InvitationService';
import { Audited } from './audited';
import { Authorizer } from './Authorizer';
import { emptyBody, parseInput } from './schemas';

type InvitationRouteOptions = {
  authorizer: Authorizer;
  audited: Audited;
  invitations: InvitationService;
  invitationConditions: ConditionTransformer<SiteQuery>;
  computerConditions: ConditionTransformer<SiteQuery>;
};

/**
 * Creating is a basic permission; an admin whose policy limits the
 * invitations they manage to some sites creates only in those sites.
 */
async function requireManagedSite(
  options: InvitationRouteOptions,
  credentials: BackstageCredentials,
  siteId: string | undefined,
): Promise<void> {
  const managedSites = await options.authorizer.siteLimit(
    credentials,
    invitationUpdatePermission,
    options.invitationConditions,
  );
  if (!siteFilterAllows(managedSites, siteId ?? null)) {
    throw new NotAllowedError(
      siteId
        ? 'You may create invitations only in the sites you manage; pick one of them'
        : 'You manage invitations of some sites only: pick one of your sites for the invitation',
    );
  }
}

/** Invitations the caller may see under the permission: all, some sites', or 403. */
function invitationAccess(options: InvitationRouteOptions) {
  return (req: Request, permission: ResourcePermission) =>
    options.authorizer.filter(req, permission, options.invitationConditions);
}

function addInvitationReads(
  router: express.Router,
  options: InvitationRouteOptions,
): void {
  const { authorizer, invitations } = options;
  const access = invitationAccess(options);

  router.get('/invitations', async (req, res) => {
    const query = parseInput(listInvitationsQuerySchema, req.query, 'query');
    const { filter } = await access(req, invitationReadPermission);
    res.json(await invitations.list(query, filter));
  });

  router.get('/invitations/:id', async (req, res) => {
    const { filter } = await access(req, invitationReadPermission);
    res.json(await invitations.get(req.params.id, filter));
  });

  router.get('/invitations/:id/serial-numbers', async (req, res) => {
    const { filter } = await access(req, invitationReadPermission);
    res.json(await invitations.serialNumbers(req.params.id, filter));
  });

  router.get('/invitations/:id/computers', async (req, res) => {
    const invitationRead = await access(req, invitationReadPermission);
    const computerRead = await authorizer.filter(
      req,
      computerReadPermission,
      options.computerConditions,
    );
    res.json(
      await invitations.computers(
        req.params.id,
        invitationRead.filter,
        computerRead.filter,
      ),
    );
  });
}

function addInvitationChanges(
  router: express.Router,
  options: InvitationRouteOptions,
): void {
  const { authorizer, audited, invitations } = options;
  const access = invitationAccess(options);

  router.post('/invitations', async (req, res) => {
    const credentials = await authorizer.require(
      req,
      invitationCreatePermission,
    );
    const body = parseInput(
      createInvitationRequestSchema,
      req.body,
      'invitation',
    );
    await requireManagedSite(options, credentials, body.siteId);
    const created = await audited(
      req,
      'invitation-create',
      {
        recipientCount: body.recipients.length,
        siteId: body.siteId ?? null,
        serialNumberCount: body.serialNumbers?.length ?? 0,
        deviceRules: body.deviceRules ?? null,
      },
      () => invitations.create(body, Authorizer.actorOf(credentials)),
    );
    res.status(201).json(created);
  });

  // The link is a live credential: shown again only to those who may
  // create invitations (and see this one), and audited.
  router.get('/invitations/:id/link', async (req, res) => {
    const query = parseInput(invitationLinkQuerySchema, req.query, 'query');
    await authorizer.require(req, invitationCreatePermission);
    const { filter } = await access(req, invitationReadPermission);
    const id = req.params.id;
    res.json(
      await audited(
        req,
        'invitation-link-show',
        { invitationId: id, recipient: query.recipient ?? null },
        () => invitations.link(id, query.recipient, filter),
      ),
    );
  });

  router.post('/invitations/:id/cancel', async (req, res) => {
    parseInput(emptyBody, req.body, 'request');
    const { credentials, filter } = await access(
      req,
      invitationUpdatePermission,
    );
    const id = req.params.id;
    res.json(
      await audited(req, 'invitation-cancel', { invitationId: id }, () =>
        invitations.cancel(id, Authorizer.actorOf(credentials), filter),
      ),
    );
  });

  router.delete('/invitations/:id', async (req, res) => {
    const { credentials, filter } = await access(
      req,
      invitationDeletePermission,
    );
    const id = req.params.id;
    await audited(req, 'invitation-delete', { invitationId: id }, () =>
      invitations.delete(id, Authorizer.actorOf(credentials), filter),
    );
    res.status(204).end();
  });

  router.post('/invitations/:id/resend', async (req, res) => {
    const body = parseInput(resendInvitationRequestSchema, req.body, 'request');
    const { credentials, filter } = await access(
      req,
      invitationUpdatePermission,
    );
    const id = req.params.id;
    const actor = Authorizer.actorOf(credentials);
    res.json(
      await audited(req, 'invitation-resend', { invitationId: id }, () =>
        invitations.resend(id, body.recipients, actor, filter),
      ),
    );
  });
}

/** Invitations: list, read, create, show a link, cancel, delete, resend, and their computers. */
export function createInvitationRoutes(
  options: InvitationRouteOptions,
): express.Router {
  const router = Router();
  addInvitationReads(router, options);
  addInvitationChanges(router, options);
  return router;
}
