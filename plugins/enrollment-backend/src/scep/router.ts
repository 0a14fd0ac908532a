import { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { isDatabaseUnavailable } from '../lib/databaseUnavailable';
import express, { NextFunction, Request, Response } from 'express';
import Router from 'express-promise-router';
import { SCEP_MEDIA_TYPE } from './scepConstants';
import { ScepService } from './ScepService';
import { requestRefusal } from '../lib/requestRefusal';

/** The largest PKIMessage accepted; a PKCSReq with an RSA-4096 CSR is ~5 KiB. */
export const SCEP_MESSAGE_LIMIT_BYTES = 64 * 1024;

const SUPPORTED =
  'Supported: GET or POST ?operation=GetCACaps, ?operation=GetCACert, ' +
  '?operation=PKIOperation (POST body application/x-pki-message, or GET &message=<base64>)';

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

function sendText(res: Response, status: number, text: string) {
  res
    .status(status)
    .type('text/plain')
    .set('Cache-Control', 'no-store')
    .send(text.endsWith('\n') ? text : `${text}\n`);
}

/** The PKIMessage of a GET: base64, maybe with '+' turned into ' ' by the query parser. */
function messageFromQuery(value: unknown): Buffer {
  if (typeof value !== 'string' || value.length === 0) {
    throw new InputError('PKIOperation by GET needs a message= parameter');
  }
  const base64 = value.replace(/[ ]/g, '+').replace(/[\r\n]/g, '');
  if (
    !BASE64.test(base64) ||
    base64.length > (SCEP_MESSAGE_LIMIT_BYTES * 4) / 3 + 4
  ) {
    throw new InputError(
      'The message parameter is not base64 of at most 64 KiB',
    );
  }
  return Buffer.from(base64, 'base64');
}

/**
 * The SCEP endpoint of RFC 8894 §4 at `/scep`. It is public (devices reach
 * it before they have any identity) so every input is hostile: bodies are
 * capped, and errors are a short text/plain reason, never a stack trace.
 */
export function createScepRouter(
  service: ScepService,
  options: { logger?: LoggerService } = {},
): express.Router {
  const router = Router();
  const rawBody = express.raw({
    // Any content type: clients differ (RFC 8894 §4.3 names
    // application/x-pki-message, some send none).
    type: () => true,
    limit: SCEP_MESSAGE_LIMIT_BYTES,
  });

  const handle = async (req: Request, res: Response) => {
    const operation = req.query.operation;
    switch (operation) {
      case 'GetCACaps':
        sendText(res, 200, service.capabilities());
        return;
      case 'GetCACert':
        // A message= CA identifier may be given; this server has one CA.
        res
          .status(200)
          .type(SCEP_MEDIA_TYPE.caCertificate)
          .send(service.caCertificate());
        return;
      case 'PKIOperation': {
        const message =
          req.method === 'POST'
            ? req.body
            : messageFromQuery(req.query.message);
        if (!Buffer.isBuffer(message) || message.length === 0) {
          throw new InputError('PKIOperation needs a DER PKIMessage body');
        }
        const reply = await service.pkiOperation(message);
        res
          .status(200)
          .type(SCEP_MEDIA_TYPE.pkiMessage)
          .set('Cache-Control', 'no-store')
          .send(reply);
        return;
      }
      default:
        sendText(
          res,
          400,
          typeof operation === 'string'
            ? `Unsupported SCEP operation "${operation.slice(
                0,
                40,
              )}". ${SUPPORTED}`
            : `Missing SCEP operation. ${SUPPORTED}`,
        );
    }
  };

  router.get('/scep', handle);
  router.post('/scep', rawBody, handle);

  router.use('/scep', scepErrorAnswer(options.logger));
  return router;
}

/** Refusals as a short text/plain reason; anything else is logged and a 500. */
function scepErrorAnswer(logger?: LoggerService) {
  return (error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const refused = requestRefusal(error);
    if (refused?.kind === 'invalid') {
      sendText(res, 400, refused.message);
    } else if (refused?.kind === 'too-large') {
      sendText(res, 413, 'The PKIMessage is larger than 64 KiB');
    } else if (refused) {
      // Other body-parser refusals: aborted upload, unknown encoding…
      sendText(res, refused.status, 'The request body could not be read');
    } else if (isDatabaseUnavailable(error)) {
      // Apple's SCEP client retries (the payload's Retries, RetryDelay).
      logger?.warn(
        `SCEP request failed, the database is unavailable: ${error}`,
      );
      sendText(res, 503, 'The SCEP service is briefly unavailable; try again');
    } else {
      logger?.error(`SCEP request failed: ${error}`);
      sendText(res, 500, 'The SCEP request could not be processed');
    }
  };
}
