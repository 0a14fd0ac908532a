import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  agentPackageUrlRequestSchema,
  settingsReadPermission,
  settingsUpdatePermission,
} from '@macenroll/plugin-enrollment-common';
import express, { Request, Response } from 'express';
import Router from 'express-promise-router';
import { Audited } from '../service/audited';
import { Authorizer } from '../service/Authorizer';
import { parseInput } from '../service/schemas';
import { AgentPackageService } from './AgentPackageService';
import { requestRefusal } from '../lib/requestRefusal';

/** The uploaded package's path below the plugin's base URL. */
export const AGENT_PACKAGE_PATH = '/mdm/agent/package.pkg';
/** The manifest's path below the plugin's base URL: InstallEnterpriseApplication's ManifestURL. */
export const AGENT_MANIFEST_PATH = '/mdm/agent/manifest.plist';

export const DEFAULT_MAX_UPLOAD_BYTES = 512 * 1024 * 1024;

class PayloadTooLargeError extends Error {
  name = 'PayloadTooLargeError';
  statusCode = 413;
}

/** What the agent package routes use. */
export interface AgentRoutesOptions {
  service: AgentPackageService;
  authorizer: Authorizer;
  audited: Audited;
  /** The plugin's external base URL, e.g. https://mdm.example.com/api/enrollment. */
  baseUrl: () => Promise<string>;
  maxUploadBytes?: number;
}

/**
 * The agent package routes: `adminRouter` (settings permissions, audited)
 * and `publicRouter` for Macs, under /mdm, which needs no credentials.
 */
export function createAgentRoutes(options: AgentRoutesOptions): {
  adminRouter: express.Router;
  publicRouter: express.Router;
} {
  return {
    adminRouter: adminRoutes(options),
    publicRouter: publicRoutes(options),
  };
}

/**
 * Reads a raw request body up to the limit. Called by the handler, after
 * the permission check, so a refused upload is not buffered.
 */
function uploadBodyReader(maxUploadBytes: number) {
  const rawBody = express.raw({ type: () => true, limit: maxUploadBytes });
  return (req: Request, res: Response) =>
    new Promise<void>((resolve, reject) =>
      rawBody(req, res, (error?: unknown) => {
        if (requestRefusal(error)?.kind === 'too-large') {
          reject(
            new PayloadTooLargeError(
              `The package is larger than the ${Math.round(
                maxUploadBytes / 1024 / 1024,
              )} MiB upload limit: put it on an https server and set its URL instead`,
            ),
          );
        } else if (error) reject(error);
        else resolve();
      }),
    );
}

function adminRoutes(options: AgentRoutesOptions): express.Router {
  const { service, authorizer, audited } = options;
  const router = Router();
  router.get('/agent/package', async (req, res) => {
    await authorizer.require(req, settingsReadPermission);
    res.json(await service.summary());
  });

  router.put('/agent/package', packageUpload(options));

  router.put(
    '/agent/url',
    express.json({ limit: '16kb' }),
    async (req, res) => {
      const credentials = await authorizer.require(
        req,
        settingsUpdatePermission,
      );
      const { url } = parseInput(
        agentPackageUrlRequestSchema,
        req.body,
        'agent package URL',
      );
      res.json(
        await audited(
          req,
          'agent-package-url',
          { url },
          () => service.setUrl(url),
          {
            actor: Authorizer.actorOf(credentials),
            message: `Set the management agent package to ${url}`,
          },
        ),
      );
    },
  );

  router.delete('/agent/package', async (req, res) => {
    const credentials = await authorizer.require(req, settingsUpdatePermission);
    await audited(req, 'agent-package-delete', {}, () => service.remove(), {
      actor: Authorizer.actorOf(credentials),
      message: 'Removed the management agent package',
    });
    res.status(204).end();
  });
  return router;
}

function packageUpload(options: AgentRoutesOptions) {
  const { service, authorizer, audited } = options;
  const readBody = uploadBodyReader(
    options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES,
  );
  return async (req: Request, res: Response) => {
    const credentials = await authorizer.require(req, settingsUpdatePermission);
    const fileName = req.query.fileName;
    if (fileName !== undefined && typeof fileName !== 'string') {
      throw new InputError('fileName must be given once, as text');
    }
    await readBody(req, res);
    if (!Buffer.isBuffer(req.body)) {
      throw new InputError(
        'Send the package file as the request body with Content-Type: application/octet-stream',
      );
    }
    const bytes: Buffer = req.body;
    const name = fileName || 'agent.pkg';
    res.json(
      await audited(
        req,
        'agent-package-upload',
        { fileName: name, sizeInBytes: bytes.length },
        () => service.setUpload(bytes, name),
        {
          actor: Authorizer.actorOf(credentials),
          message: `Uploaded the management agent package "${name}"`,
        },
      ),
    );
  };
}

function publicRoutes(options: AgentRoutesOptions): express.Router {
  const { service } = options;
  const router = Router();
  router.get(AGENT_MANIFEST_PATH, async (_req, res) => {
    const xml = await service.manifestXml(
      `${await options.baseUrl()}${AGENT_PACKAGE_PATH}`,
    );
    if (!xml) throw new NotFoundError('No management agent package is set');
    res.set('Cache-Control', 'no-cache').type('application/xml').send(xml);
  });

  router.get(AGENT_PACKAGE_PATH, async (req, res) => {
    const content = await service.packageBytes();
    if (!content) {
      throw new NotFoundError('No management agent package is uploaded here');
    }
    res.attachment(content.fileName);
    res.set({
      'Content-Type': 'application/octet-stream',
      'Content-Length': String(content.sizeInBytes),
      'Cache-Control': 'no-cache',
      ETag: `"${content.sha256}"`,
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    try {
      await pipeline(Readable.from(content.pieces), res);
    } catch (error) {
      // Mid-download (a replacement, a client gone): only the socket can say so.
      if (res.headersSent) res.destroy();
      else throw error;
    }
  });
  return router;
}
