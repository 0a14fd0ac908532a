import {
  computerReadPermission,
  eventReadPermission,
  listComputersQuerySchema,
  listEventsQuerySchema,
  settingsReadPermission,
} from '@macenroll/plugin-enrollment-common';
import { ConditionTransformer } from '@backstage/plugin-permission-node';
import express from 'express';
import Router from 'express-promise-router';
import { ComputerStore } from '../database/ComputerStore';
import { EventStore } from '../database/EventStore';
import { SiteQuery } from '../permissions/siteFilter';
import { SiteStore } from '../database/SiteStore';
import { InvitationService } from '../invitations/InvitationService';
import { Mailer } from '../mail/Mailer';
import { CertificateAuthority } from '../pki/CertificateAuthority';
import { Audited } from './audited';
import { Authorizer } from './Authorizer';
import { createInvitationRoutes } from './invitationRoutes';
import { createMailTestRoutes } from './mailTestRoutes';
import { parseInput } from './schemas';
import { createSiteRoutes } from './siteRoutes';

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
  const { authorizer, audited, ca, sites, computers, events } = options;
  const router = Router();
  router.use(express.json({ limit: '1mb' }));

  for (const sub of options.subRouters) router.use(sub);

  router.get('/ca', async (req, res) => {
    await authorizer.require(req, settingsReadPermission);
    res.json(ca.summary());
  });

  router.use(createInvitationRoutes(options));

  router.get('/computers', async (req, res) => {
    const query = parseInput(listComputersQuerySchema, req.query, 'query');
    const { filter } = await authorizer.filter(
      req,
      computerReadPermission,
      options.computerConditions,
    );
    const page = await computers.list(query, filter);
    res.json({ ...page, offset: query.offset, limit: query.limit });
  });

  router.use(createSiteRoutes({ authorizer, audited, sites }));
  router.use(createMailTestRoutes(options));

  router.get('/events', async (req, res) => {
    await authorizer.require(req, eventReadPermission);
    const query = parseInput(listEventsQuerySchema, req.query, 'query');
    const page = await events.list(query);
    res.json({ ...page, offset: query.offset, limit: query.limit });
  });

  return router;
}
