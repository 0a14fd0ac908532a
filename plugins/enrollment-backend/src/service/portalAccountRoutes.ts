import {
  UpdatePortalAccountRequest,
  createPortalAccountRequestSchema,
  portalAccountManagePermission,
  updatePortalAccountRequestSchema,
} from '@macenroll/plugin-enrollment-common';
import express from 'express';
import Router from 'express-promise-router';
import { hashPassword } from '../accounts/passwordHash';
import { PortalAccountStore } from '../database/PortalAccountStore';
import { Audited } from './audited';
import { Authorizer } from './Authorizer';
import { parseInput } from './schemas';

function describeAccountChange(
  name: string,
  change: UpdatePortalAccountRequest,
): string {
  const what = [
    change.disabled === true && 'disabled',
    change.disabled === false && 'enabled',
    change.password && 'reset the password of',
    change.mayReenrollAnyMac === true && 'allowed re-enrolling any Mac to',
    change.mayReenrollAnyMac === false && 'withdrew re-enrolling any Mac from',
    (change.realName !== undefined || change.email !== undefined) &&
      'set the person of',
  ].filter(Boolean);
  const verb = what.length ? what.join(' and ') : 'changed nothing of';
  return `${verb[0].toUpperCase()}${verb.slice(
    1,
  )} the portal account "${name}"`;
}

/**
 * The portal's local accounts: list, add, disable or enable, reset a
 * password, allow re-enrolling any Mac, set the person an account stands for.
 */
export function createPortalAccountRoutes(options: {
  authorizer: Authorizer;
  audited: Audited;
  accounts: PortalAccountStore;
}): express.Router {
  const { authorizer, audited, accounts } = options;
  const router = Router();

  router.get('/portal-accounts', async (req, res) => {
    await authorizer.require(req, portalAccountManagePermission);
    res.json({ items: await accounts.list() });
  });

  router.post('/portal-accounts', async (req, res) => {
    const credentials = await authorizer.require(
      req,
      portalAccountManagePermission,
    );
    const body = parseInput(
      createPortalAccountRequestSchema,
      req.body,
      'portal account',
    );
    const created = await audited(
      req,
      'portal-account-create',
      { username: body.username },
      async () =>
        accounts.create(body.username, await hashPassword(body.password), {
          realName: body.realName || undefined,
          email: body.email || undefined,
        }),
      {
        actor: Authorizer.actorOf(credentials),
        message: `Added the portal account "${body.username}"`,
      },
    );
    res.status(201).json(created);
  });

  router.patch('/portal-accounts/:username', async (req, res) => {
    const credentials = await authorizer.require(
      req,
      portalAccountManagePermission,
    );
    const body = parseInput(
      updatePortalAccountRequestSchema,
      req.body,
      'portal account change',
    );
    const name = req.params.username;
    const changed = await audited(
      req,
      'portal-account-update',
      {
        username: name,
        disabled: body.disabled ?? null,
        passwordReset: Boolean(body.password),
        mayReenrollAnyMac: body.mayReenrollAnyMac ?? null,
        personChanged: body.realName !== undefined || body.email !== undefined,
      },
      async () =>
        accounts.update(name, {
          disabled: body.disabled,
          passwordHash: body.password
            ? await hashPassword(body.password)
            : undefined,
          mayReenrollAnyMac: body.mayReenrollAnyMac,
          realName: body.realName,
          email: body.email,
        }),
      {
        actor: Authorizer.actorOf(credentials),
        message: describeAccountChange(name, body),
      },
    );
    res.json(changed);
  });

  return router;
}
