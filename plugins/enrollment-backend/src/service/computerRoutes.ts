import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  ComputerDetails,
  computerCommandPermission,
  computerReadPermission,
  queueCommandRequestSchema,
} from '@macenroll/plugin-enrollment-common';
import { ResourcePermission } from '@backstage/plugin-permission-common';
import { ConditionTransformer } from '@backstage/plugin-permission-node';
import express, { Request, Response } from 'express';
import Router from 'express-promise-router';
import { CommandStore } from '../database/CommandStore';
import { ComputerStore } from '../database/ComputerStore';
import { SiteQuery } from '../permissions/siteFilter';
import { CommandQueue } from '../mdm/CommandQueue';
import { adminCommand } from '../mdm/commands';
import { Audited } from './audited';
import { Authorizer } from './Authorizer';
import { emptyBody, parseInput } from './schemas';

type ComputerRouteOptions = {
  authorizer: Authorizer;
  audited: Audited;
  computers: ComputerStore;
  commands: CommandStore;
  queue: CommandQueue;
  computerConditions: ConditionTransformer<SiteQuery>;
  clock?: () => Date;
};

/** The computer a route names, when the caller may see it under the permission; else 403 or 404. */
function computerAccess(options: ComputerRouteOptions) {
  return async (req: Request, permission: ResourcePermission) => {
    const { credentials, filter } = await options.authorizer.filter(
      req,
      permission,
      options.computerConditions,
    );
    const id = req.params.id;
    const computer = await options.computers.getDetails(id, filter);
    if (!computer) throw new NotFoundError(`No computer ${id}`);
    return { credentials, computer };
  };
}

function computerLabel(computer: ComputerDetails): string {
  return computer.name ?? computer.udid;
}

/** Sends one admin command to an enrolled computer and answers with its history entry. */
function sendCommandHandler(options: ComputerRouteOptions) {
  const { audited, commands, queue } = options;
  const access = computerAccess(options);
  const now = () => options.clock?.() ?? new Date();
  return async (req: Request, res: Response) => {
    const body = parseInput(queueCommandRequestSchema, req.body, 'command');
    const { credentials, computer } = await access(
      req,
      computerCommandPermission,
    );
    if (computer.status !== 'enrolled') {
      throw new ConflictError(
        `${computerLabel(computer)} is not enrolled: it takes no commands`,
      );
    }
    const [queued] = await audited(
      req,
      'computer-command',
      { computerId: computer.id, requestType: body.requestType },
      () => queue.queue(computer.id, [adminCommand(body)], now()),
      {
        actor: Authorizer.actorOf(credentials),
        message: `Sent ${body.requestType} to ${computerLabel(computer)}`,
      },
    );
    res.status(201).json(await commands.get(computer.id, queued.commandUuid));
  };
}

/**
 * The computer page's routes: one computer, its command history, and the
 * commands an admin sends (enrollment.computer.command, site-conditional).
 */
export function createComputerRoutes(
  options: ComputerRouteOptions,
): express.Router {
  const { audited, commands, queue } = options;
  const access = computerAccess(options);
  const router = Router();

  router.get('/computers/:id', async (req, res) => {
    const { computer } = await access(req, computerReadPermission);
    res.json(computer);
  });

  router.get('/computers/:id/commands', async (req, res) => {
    const { computer } = await access(req, computerReadPermission);
    res.json({ items: await commands.history(computer.id) });
  });

  router.post('/computers/:id/commands', sendCommandHandler(options));

  router.post('/computers/:id/push', async (req, res) => {
    parseInput(emptyBody, req.body, 'request');
    const { computer } = await access(req, computerCommandPermission);
    await audited(req, 'computer-push', { computerId: computer.id }, () =>
      queue.wake(computer.id),
    );
    res.status(202).json({});
  });

  return router;
}
