import { LoggerService } from '@backstage/backend-plugin-api';
import { isError } from '@backstage/errors';
import { isDatabaseUnavailable } from '../lib/databaseUnavailable';
import express, { NextFunction, Request, Response } from 'express';
import Router from 'express-promise-router';
import { CertificateStore } from '../database/CertificateStore';
import { CertificateAuthority } from '../pki/CertificateAuthority';
import { parseCheckinMessage } from './checkinMessage';
import { parseCommandReport } from './commandReport';
import { IdentityError, verifyDeviceIdentity } from './deviceIdentity';
import { MdmAnswer, MdmService } from './MdmService';
import { requestRefusal } from '../lib/requestRefusal';

const CHECKIN_TYPE = 'application/x-apple-aspen-mdm-checkin';

/**
 * The MDM endpoints the profile points at: PUT /mdm/checkin (CheckInURL) and
 * PUT /mdm/connect (ServerURL). Public routes: each message proves its
 * device by its Mdm-Signature. Never answers 401, which unenrolls a Mac.
 */
export function createMdmRouter(options: {
  service: MdmService;
  ca: CertificateAuthority;
  certificates: CertificateStore;
  logger: LoggerService;
  clock?: () => Date;
}): express.Router {
  const router = Router();
  const body = express.raw({ type: () => true, limit: '512kb' });
  const now = () => options.clock?.() ?? new Date();

  const identity = (req: Request) =>
    verifyDeviceIdentity({
      header: req.get('Mdm-Signature'),
      body: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
      ca: options.ca,
      certificates: options.certificates,
      now: now(),
    });

  const answer = (res: Response, result: MdmAnswer) => {
    res.status(result.status);
    if (result.body === undefined) return res.end();
    return result.body.startsWith('<?xml')
      ? res.type('application/xml').send(result.body)
      : res.type('text/plain').send(result.body);
  };

  router.put('/mdm/checkin', body, async (req, res) => {
    if (!req.is(CHECKIN_TYPE)) {
      return answer(res, {
        status: 400,
        body: `Check-in messages are ${CHECKIN_TYPE}`,
      });
    }
    const who = await identity(req);
    return answer(
      res,
      await options.service.checkin(who, parseCheckinMessage(req.body)),
    );
  });

  router.put('/mdm/connect', body, async (req, res) => {
    const who = await identity(req);
    return answer(
      res,
      await options.service.connect(who, parseCommandReport(req.body)),
    );
  });

  router.use(
    '/mdm',
    (error: unknown, req: Request, res: Response, _next: NextFunction) => {
      if (error instanceof IdentityError) {
        options.logger.warn(`MDM ${req.path} refused: ${error.message}`);
        return answer(res, { status: error.status, body: error.message });
      }
      const refused = requestRefusal(error);
      if (refused) {
        return answer(res, { status: refused.status, body: refused.message });
      }
      if (isDatabaseUnavailable(error)) {
        // Never a 401 (that unenrolls): the Mac tries again later.
        options.logger.warn(
          `MDM ${req.path} failed, the database is unavailable: ${
            isError(error) ? error.message : error
          }`,
        );
        return answer(res, {
          status: 503,
          body: 'The server is briefly unavailable; try again',
        });
      }
      options.logger.error(
        `MDM ${req.path} failed: ${isError(error) ? error.message : error}`,
      );
      return answer(res, {
        status: 500,
        body: 'The server could not handle this message',
      });
    },
  );

  return router;
}
