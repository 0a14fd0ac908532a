import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { mockServices } from '@backstage/backend-test-utils';
import { LoggerService } from '@backstage/backend-plugin-api';
import express from 'express';
import request from 'supertest';
import { createRootEnrollRedirect } from './rootRedirect';
import { redactUrl, redactUrlSecrets } from './redactUrlSecrets';

const CODE = 'Q2hhbGxlbmdlLWNvZGUtdGhhdC1pcy00My1jaGFyc1h';
const TOKEN = 'dG9rZW4tb2YtdGhpcnR5LXR3by1jaGFyc3h4';

/** A logger that keeps every line, as the root logger would write it. */
function recordingLogger(lines: string[]): LoggerService {
  const logger: LoggerService = {
    info: (message, meta) => lines.push(`${message} ${JSON.stringify(meta)}`),
    warn: (message, meta) => lines.push(`${message} ${JSON.stringify(meta)}`),
    error: (message, meta) => lines.push(`${message} ${JSON.stringify(meta)}`),
    debug: (message, meta) => lines.push(`${message} ${JSON.stringify(meta)}`),
    child: () => logger,
  };
  return logger;
}

/** Backstage's own request logger in front of `routes`, as in a real backend. */
function appWithRequestLog(lines: string[], routes: express.Router) {
  const middleware = MiddlewareFactory.create({
    config: mockServices.rootConfig(),
    logger: recordingLogger(lines),
  });
  const app = express();
  app.use(middleware.logging());
  app.use(routes);
  return app;
}

describe('secrets in request URLs', () => {
  it('are replaced, and nothing else is', () => {
    expect(
      redactUrl(`/api/enrollment/enroll?invitation=${CODE}&x=1&token=${TOKEN}`),
    ).toBe('/api/enrollment/enroll?invitation=[redacted]&x=1&token=[redacted]');
    expect(redactUrl('/api/enrollment/scep?operation=GetCACaps')).toBe(
      '/api/enrollment/scep?operation=GetCACaps',
    );
    expect(redactUrl(`/x?Invitation=${CODE}`)).toBe('/x?Invitation=[redacted]');
  });

  it("stay out of Backstage's request log, while the handler still reads them", async () => {
    const lines: string[] = [];
    const seen: unknown[] = [];
    const plugin = express.Router();
    plugin.use(redactUrlSecrets);
    plugin.get('/enroll/profile.mobileconfig', (req, res) => {
      seen.push(req.query.token, req.query.invitation);
      res.send('ok');
    });
    const app = appWithRequestLog(lines, plugin);

    await request(app)
      .get(`/enroll/profile.mobileconfig?token=${TOKEN}&invitation=${CODE}`)
      .expect(200);

    expect(seen).toEqual([TOKEN, CODE]);
    expect(lines.some(l => l.includes('/enroll/profile.mobileconfig'))).toBe(
      true,
    );
    expect(lines.join('\n')).not.toContain(TOKEN);
    expect(lines.join('\n')).not.toContain(CODE);
  });

  it('stay out of the log under any name the query parser reads as theirs', async () => {
    const lines: string[] = [];
    const seen: unknown[] = [];
    const plugin = express.Router();
    plugin.use(redactUrlSecrets);
    plugin.get('/enroll', (req, res) => {
      seen.push(req.query.token, req.query.invitation);
      res.send('ok');
    });
    const app = appWithRequestLog(lines, plugin);

    // %74oken is "token", invitation%5B%5D is "invitation[]" (an array).
    await request(app)
      .get(`/enroll?%74oken=${TOKEN}&invitation%5B%5D=${CODE}`)
      .expect(200);

    expect(seen).toEqual([TOKEN, [CODE]]);
    expect(lines.join('\n')).not.toContain(TOKEN);
    expect(lines.join('\n')).not.toContain(CODE);
  });

  it('stay out of the log of the short link <backend>/enroll, which still keeps them in its redirect', async () => {
    const lines: string[] = [];
    const root = express.Router();
    root.use(
      '/enroll',
      createRootEnrollRedirect(
        async () => 'https://backstage.example.com/api/enrollment/enroll',
      ),
    );
    const app = appWithRequestLog(lines, root);

    const res = await request(app)
      .get(`/enroll?invitation=${CODE}`)
      .expect(302);

    expect(res.headers.location).toBe(
      `https://backstage.example.com/api/enrollment/enroll?invitation=${CODE}`,
    );
    expect(lines.some(l => l.includes('/enroll?invitation=[redacted]'))).toBe(
      true,
    );
    expect(lines.join('\n')).not.toContain(CODE);
  });
});
