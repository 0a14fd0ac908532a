import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  ADMIN_COMMAND_TYPES,
  computerCommandPermission,
  computerReadPermission,
} from '@macenroll/plugin-enrollment-common';
import { ConditionTransformer } from '@backstage/plugin-permission-node';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { CommandStore } from '../database/CommandStore';
import { ComputerStore } from '../database/ComputerStore';
import { SiteFilter, SiteQuery } from '../permissions/siteFilter';
import { CommandQueue } from '../mdm/CommandQueue';
import { adminCommand } from '../mdm/commands';
import { Audited } from './audited';
import { Authorizer } from './Authorizer';
import { emptyBody, parseInput } from './schemas';

const commandBody = z
  .strictObject({
    requestType: z.enum(ADMIN_COMMAND_TYPES as [string, ...string[]]),
    pin: z
      .string()
      .regex(/^\d{6}$/, 'the PIN is six digits')
      .optional(),
    message: z.string().max(500).optional(),
  })
  .refine(b => b.requestType !== 'DeviceLock' || b.pin, {
    message: 'Lock needs a six-digit PIN: the Mac asks for it to unlock',
    path: ['pin'],
  })
  .refine(b => b.requestType === 'DeviceLock' || !b.pin, {
    message: 'Only Lock takes a PIN',
    path: ['pin'],
  });

/**
 * The computer page's routes: one computer, its command history, and the
 * commands an admin sends (enrollment.computer.command, site-conditional).
 */
export function createComputerRoutes(options: {
  authorizer: Authorizer;
  audited: Audited;
  computers: ComputerStore;
  commands: CommandStore;
  queue: CommandQueue;
  computerConditions: ConditionTransformer<SiteQuery>;
  clock?: () => Date;
}): express.Router {
  const { authorizer, audited, computers, commands, queue } = options;
  const router = Router();
  const now = () => options.clock?.() ?? new Date();

  const visible = async (id: string, filter: SiteFilter) => {
    const computer = await computers.getDetails(id, filter);
    if (!computer) throw new NotFoundError(`No computer ${id}`);
    return computer;
  };

  router.get('/computers/:id', async (req, res) => {
    const { filter } = await authorizer.filter(
      req,
      computerReadPermission,
      options.computerConditions,
    );
    res.json(await visible(req.params.id, filter));
  });

  router.get('/computers/:id/commands', async (req, res) => {
    const { filter } = await authorizer.filter(
      req,
      computerReadPermission,
      options.computerConditions,
    );
    const computer = await visible(req.params.id, filter);
    res.json({ items: await commands.history(computer.id) });
  });

  router.post('/computers/:id/commands', async (req, res) => {
    const body = parseInput(commandBody, req.body, 'command');
    const { credentials, filter } = await authorizer.filter(
      req,
      computerCommandPermission,
      options.computerConditions,
    );
    const computer = await visible(req.params.id, filter);
    if (computer.status !== 'enrolled') {
      throw new ConflictError(
        `${
          computer.name ?? computer.udid
        } is not enrolled: it takes no commands`,
      );
    }
    const [queued] = await audited(
      req,
      'computer-command',
      { computerId: computer.id, requestType: body.requestType },
      () =>
        queue.queue(
          computer.id,
          [adminCommand(body as Parameters<typeof adminCommand>[0])],
          now(),
        ),
      {
        actor: Authorizer.actorOf(credentials),
        message: `Sent ${body.requestType} to ${
          computer.name ?? computer.udid
        }`,
      },
    );
    res.status(201).json(await commands.get(computer.id, queued.commandUuid));
  });

  router.post('/computers/:id/push', async (req, res) => {
    parseInput(emptyBody, req.body, 'request');
    const { filter } = await authorizer.filter(
      req,
      computerCommandPermission,
      options.computerConditions,
    );
    const computer = await visible(req.params.id, filter);
    await audited(req, 'computer-push', { computerId: computer.id }, () =>
      queue.wake(computer.id),
    );
    res.status(202).json({});
  });

  return router;
}
