import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Socket } from 'node:net';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { RunningSmtp, startSmtpServer } from '@internal/test-harness';
import { createMailer } from './createMailer';

const message = {
  to: 'alice@example.com',
  subject: 'Enroll your Mac',
  text: 'Open https://backstage.example.com/enroll?invitation=x',
  html: '<p>Open <a href="https://backstage.example.com/enroll?invitation=x">the link</a></p>',
};

describe('createMailer with SMTP', () => {
  let smtp: RunningSmtp;
  beforeAll(async () => {
    smtp = await startSmtpServer();
  });
  afterAll(() => smtp.stop());

  const settings = () => smtp.clientConfig();

  it('delivers over STARTTLS with AUTH, as multipart text and HTML', async () => {
    const mailer = createMailer({
      smtp: settings(),
      outbox: { directory: '/nonexistent', from: 'x@example.com' },
    });
    try {
      await mailer.verify();
      const { messageId } = await mailer.send(message);
      const [received] = await smtp.waitForMessages(1);
      expect(received.secure).toBe(true);
      expect(received.user).toBe('mailer');
      expect(received.envelope).toEqual({
        from: 'it@example.com',
        to: ['alice@example.com'],
      });
      expect(received.parsed.messageId).toBe(messageId);
      expect(received.parsed.subject).toBe('Enroll your Mac');
      expect(received.parsed.text?.trim()).toBe(message.text);
      expect(received.parsed.html).toContain('invitation=x');
    } finally {
      mailer.close();
    }
  });

  it('turns Nagle off on its connections (46 ms a message with it, 2 ms without)', async () => {
    const setNoDelay = jest.spyOn(Socket.prototype, 'setNoDelay');
    const mailer = createMailer({
      smtp: settings(),
      outbox: { directory: '/nonexistent', from: 'x@example.com' },
    });
    try {
      await mailer.send(message);
      expect(setNoDelay).toHaveBeenCalledWith(true);
      const socket = setNoDelay.mock.contexts[0] as Socket;
      expect(socket.remotePort).toBe(smtp.port);
    } finally {
      mailer.close();
      setNoDelay.mockRestore();
    }
  });

  it('says why when the relay cannot be reached', async () => {
    const mailer = createMailer({
      smtp: { ...settings(), port: 1 },
      outbox: { directory: '/nonexistent', from: 'x@example.com' },
    });
    try {
      await expect(mailer.send(message)).rejects.toThrow(/ECONNREFUSED/);
    } finally {
      mailer.close();
    }
  });

  it('sends the Message-ID it is given', async () => {
    const mailer = createMailer({
      smtp: { ...settings(), maxConnections: 2, maxMessagesPerConnection: 1 },
      outbox: { directory: '/nonexistent', from: 'x@example.com' },
    });
    try {
      const ids = [
        '<1.inv@backstage.example.com>',
        '<2.inv@backstage.example.com>',
      ];
      const before = smtp.received.length;
      const sent = await Promise.all(
        ids.map(messageId => mailer.send({ ...message, messageId })),
      );
      expect(sent.map(s => s.messageId)).toEqual(ids);
      const received = await smtp.waitForMessages(before + 2);
      expect(
        received
          .slice(-2)
          .map(m => m.parsed.messageId)
          .sort(),
      ).toEqual(ids);
    } finally {
      mailer.close();
    }
  });

  it("rejects with the server's reason when the password is wrong", async () => {
    const mailer = createMailer({
      smtp: { ...settings(), auth: { user: 'mailer', pass: 'wrong' } },
      outbox: { directory: '/nonexistent', from: 'x@example.com' },
    });
    try {
      await expect(mailer.send(message)).rejects.toThrow(
        /Invalid username or password/,
      );
    } finally {
      mailer.close();
    }
  });

  it('refuses a server whose certificate it does not trust', async () => {
    const { tls: _tls, ...untrusted } = settings();
    const mailer = createMailer({
      smtp: untrusted,
      outbox: { directory: '/nonexistent', from: 'x@example.com' },
    });
    try {
      await expect(mailer.send(message)).rejects.toThrow(
        /self[- ]signed certificate/,
      );
    } finally {
      mailer.close();
    }
  });
});

describe('createMailer without SMTP', () => {
  it('writes each message to the outbox folder as an .eml file', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'outbox-test-'));
    const mailer = createMailer({
      outbox: {
        directory: join(directory, 'nested'),
        from: 'IT <it@example.com>',
      },
    });
    try {
      await mailer.verify();
      const { messageId } = await mailer.send(message);
      const files = readdirSync(join(directory, 'nested'));
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(/^\d+-.*\.eml$/);
      const parsed = await simpleParser(
        readFileSync(join(directory, 'nested', files[0])),
      );
      expect(parsed.messageId).toBe(messageId);
      expect(parsed.from?.value).toEqual([
        { name: 'IT', address: 'it@example.com' },
      ]);
      expect(parsed.subject).toBe('Enroll your Mac');
      expect(parsed.html).toContain('invitation=x');
    } finally {
      mailer.close();
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
