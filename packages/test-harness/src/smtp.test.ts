import nodemailer from 'nodemailer';
import { RunningSmtp, startSmtpServer } from './smtp';

describe('startSmtpServer', () => {
  let smtp: RunningSmtp;
  beforeAll(async () => {
    smtp = await startSmtpServer();
  });
  afterAll(() => smtp.stop());

  const transport = (pass: string, ignoreTLS = false) =>
    nodemailer.createTransport({
      host: smtp.host,
      port: smtp.port,
      secure: false,
      ignoreTLS,
      auth: { user: smtp.user, pass },
      tls: { ca: smtp.certificatePem },
    });

  it('takes mail over STARTTLS with AUTH and hands it back parsed', async () => {
    await transport(smtp.password).sendMail({
      from: 'it@example.com',
      to: 'bob@example.com',
      subject: 'Hello',
      text: 'plain',
      html: '<b>rich</b>',
    });
    const [mail] = await smtp.waitForMessages(1);
    expect(mail).toMatchObject({
      secure: true,
      user: 'mailer',
      envelope: { from: 'it@example.com', to: ['bob@example.com'] },
    });
    expect(mail.parsed.subject).toBe('Hello');
    expect(mail.parsed.html).toBe('<b>rich</b>');
  });

  it('refuses a wrong password and AUTH without TLS', async () => {
    await expect(
      transport('nope').sendMail({
        from: 'a@example.com',
        to: 'b@example.com',
        text: 'x',
      }),
    ).rejects.toThrow(/Invalid username or password/);
    await expect(
      transport(smtp.password, true).sendMail({
        from: 'a@example.com',
        to: 'b@example.com',
        text: 'x',
      }),
    ).rejects.toThrow();
    expect(smtp.received).toHaveLength(1);
  });

  it('can go down and come back on the same port', async () => {
    const port = smtp.port;
    await smtp.stop();
    await expect(
      transport(smtp.password).sendMail({
        from: 'a@example.com',
        to: 'b@example.com',
        text: 'x',
      }),
    ).rejects.toThrow(/ECONNREFUSED/);
    await smtp.start();
    expect(smtp.port).toBe(port);
    await transport(smtp.password).sendMail({
      from: 'a@example.com',
      to: 'b@example.com',
      text: 'back',
    });
    await smtp.waitForMessages(2);
  });

  it('waits for a message to one address, and gives up at the deadline', async () => {
    const waiting = smtp.waitForMessageTo('carol@example.com', 10_000);
    await transport(smtp.password).sendMail({
      from: 'it@example.com',
      to: 'carol@example.com',
      subject: 'For Carol',
      text: 'plain',
    });
    expect((await waiting).parsed.subject).toBe('For Carol');
    await expect(
      smtp.waitForMessageTo('nobody@example.com', 50),
    ).rejects.toThrow(
      'Expected a message to nobody@example.com at the SMTP server within 50 ms',
    );
  });
});
