import {
  settingsUpdatePermission,
  testMailRequestSchema,
} from '@macenroll/plugin-enrollment-common';
import { ServiceUnavailableError } from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import { normalizeRecipients } from '../invitations/recipients';
import { Mailer } from '../mail/Mailer';
import { Audited } from './audited';
import { Authorizer } from './Authorizer';
import { parseInput } from './schemas';

const testText =
  'This is a test message: invitation mail from Backstage reaches this address.';

/** A 503 names the mail server's complaint, so the admin can fix enrollment.smtp. */
async function sendTestMessage(
  mailer: Mailer,
  organization: string,
  address: string,
) {
  try {
    return await mailer.send({
      to: address,
      subject: `Test message from ${organization} device enrollment`,
      text: testText,
      html: `<p>${testText}</p>`,
    });
  } catch (error) {
    throw new ServiceUnavailableError(
      `The mail server did not take the message: ${
        (error as Error).message
      }. Check enrollment.smtp and try again.`,
    );
  }
}

/** Settings' test message: proves that invitation mail reaches an address. */
export function createMailTestRoutes(options: {
  authorizer: Authorizer;
  audited: Audited;
  mailer: Mailer;
  organization: string;
}): express.Router {
  const { authorizer, audited, mailer, organization } = options;
  const router = Router();

  router.post('/mail/test', async (req, res) => {
    const credentials = await authorizer.require(req, settingsUpdatePermission);
    const { to } = parseInput(testMailRequestSchema, req.body, 'request');
    const [address] = normalizeRecipients([to]);
    const result = await audited(
      req,
      'mail-test',
      { to: address },
      () => sendTestMessage(mailer, organization, address),
      {
        actor: Authorizer.actorOf(credentials),
        message: `Sent a test message to ${address}`,
      },
    );
    res.json(result);
  });

  return router;
}
