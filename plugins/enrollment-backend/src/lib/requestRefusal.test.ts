import { InputError } from '@backstage/errors';
import express from 'express';
import request from 'supertest';
import { requestRefusal } from './requestRefusal';

/** What body-parser itself throws, caught by an error handler. */
async function refusalFor(
  parser: express.RequestHandler,
  send: (r: request.Test) => request.Test,
) {
  let seen: unknown;
  const app = express();
  app.post('/', parser, (_req, res) => res.send('ok'));
  app.use(
    (
      error: unknown,
      _req: express.Request,
      res: express.Response,
      _next: express.NextFunction,
    ) => {
      seen = error;
      res.status(599).end();
    },
  );
  await send(request(app).post('/'));
  return requestRefusal(seen);
}

describe('requestRefusal', () => {
  const raw = express.raw({ type: () => true, limit: 10 });
  const form = express.urlencoded({ extended: false, parameterLimit: 2 });

  it('reads body-parser refusals as their status and kind', async () => {
    expect(await refusalFor(raw, r => r.send(Buffer.alloc(100)))).toMatchObject(
      { status: 413, kind: 'too-large' },
    );
    expect(
      await refusalFor(raw, r =>
        r.set('Content-Encoding', 'x-bogus').send(Buffer.from('x')),
      ),
    ).toMatchObject({ status: 415, kind: 'encoding' });
    expect(
      await refusalFor(form, r => r.type('form').send('a=1&b=2&c=3')),
    ).toMatchObject({ status: 413, kind: 'too-many-fields' });
    expect(
      await refusalFor(form, r =>
        r
          .set(
            'Content-Type',
            'application/x-www-form-urlencoded; charset=klingon',
          )
          .send('a=1'),
      ),
    ).toMatchObject({ status: 415, kind: 'encoding' });
  });

  it('reads an InputError as 400, and leaves server faults alone', () => {
    expect(requestRefusal(new InputError('no'))).toEqual({
      status: 400,
      kind: 'invalid',
      message: 'no',
    });
    expect(requestRefusal(new Error('database down'))).toBeUndefined();
    expect(
      requestRefusal(Object.assign(new Error('x'), { status: 503 })),
    ).toBeUndefined();
    expect(requestRefusal(undefined)).toBeUndefined();
  });
});
