import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  launchChromium,
  RunningSmtp,
  startSmtpServer,
} from '@internal/test-harness';
import { ROOT, RunningDemo, startDemo } from './demo';

jest.setTimeout(420_000);

const SCREENSHOTS = join(ROOT, 'test-results');

describe('the demo', () => {
  let demo: RunningDemo;
  let smtp: RunningSmtp;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    demo = await startDemo({
      config: {
        enrollment: {
          smtp: smtp.clientConfig(),
          delivery: { intervalSeconds: 2 },
        },
      },
    });
  });
  afterAll(async () => {
    await demo?.stop();
    await smtp?.stop();
  });

  it('redirects <backend>/enroll to the portal and serves it without credentials', async () => {
    const res = await fetch(`${demo.backendUrl}/enroll?invitation=abc`, {
      redirect: 'manual',
    });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(
      `${demo.backendUrl}/api/enrollment/enroll?invitation=abc`,
    );
    const safari = {
      'User-Agent':
        'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
    };
    // "abc" is no invitation code: the portal says so in a page.
    const unknown = await fetch(res.headers.get('location')!, {
      headers: safari,
    });
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('id="enroll-error"');
    const portal = await fetch(`${demo.backendUrl}/api/enrollment/enroll`, {
      headers: safari,
    });
    expect(portal.status).toBe(200);
    expect(await portal.text()).toContain('<form id="enroll-login"');
  });

  it('keeps admin routes behind Backstage credentials', async () => {
    const res = await fetch(`${demo.backendUrl}/api/enrollment/ca`);
    expect(res.status).toBe(401);
  });

  it('shows the Enrollment page in Chromium after guest sign-in', async () => {
    const browser = await launchChromium();
    const page = await browser.context.newPage();
    const consoleErrors: string[] = [];
    page.on(
      'console',
      m => m.type() === 'error' && consoleErrors.push(m.text()),
    );
    mkdirSync(SCREENSHOTS, { recursive: true });
    try {
      await page.goto(`${demo.appUrl}/`);
      await page.getByRole('button', { name: /enter/i }).click();

      const navItem = page.getByRole('link', { name: 'Enrollment' });
      await navItem.waitFor({ timeout: 60_000 });
      await navItem.click();
      await page.waitForURL(/\/enrollment$/);

      await page
        .getByRole('heading', { name: 'Enrollment Invitations', exact: true })
        .waitFor();
      await page.getByText('No enrollment invitations yet').waitFor();
      // The CA card is filled from the admin API with the guest's token.
      await page
        .getByText('O=Example Corp, CN=Example Corp Enrollment CA')
        .waitFor();

      const file = join(SCREENSHOTS, 'enrollment-page.png');
      await page.screenshot({ path: file, fullPage: true });
      expect(await page.title()).toMatch(/Mac Enrollment/);
    } catch (error) {
      await page.screenshot({
        path: join(SCREENSHOTS, 'failure.png'),
        fullPage: true,
      });
      throw new Error(
        `${error}\nBrowser console errors:\n${consoleErrors.join('\n')}`,
      );
    } finally {
      await browser.close();
    }
  });

  it('sends an invitation to three people from the UI, and the table shows it sent', async () => {
    const browser = await launchChromium();
    const page = await browser.context.newPage();
    try {
      await page.goto(`${demo.appUrl}/`);
      await page.getByRole('button', { name: /enter/i }).click();
      await page.getByRole('button', { name: 'New invitation' }).click();
      const dialog = page.getByRole('dialog');
      await dialog
        .getByRole('textbox', { name: 'Recipients' })
        .fill('ann@example.com, ben@example.com\ncat@example.com');
      for (let i = 0; i < 3; i++)
        await dialog.getByRole('button', { name: 'Next' }).click();
      await dialog.getByRole('button', { name: 'Send' }).click();
      const link = await dialog
        .getByRole('textbox', { name: 'Enrollment link' })
        .inputValue();
      expect(link).toMatch(
        /^http:\/\/localhost:7007\/enroll\?invitation=[A-Za-z0-9_-]{43}$/,
      );

      const mails = await smtp.waitForMessages(3, 30_000);
      expect(mails.map(m => m.envelope.to[0]).sort()).toEqual([
        'ann@example.com',
        'ben@example.com',
        'cat@example.com',
      ]);
      for (const mail of mails) expect(mail.parsed.text).toContain(link);
      // The link works: it opens the portal's login for this invitation.
      const portal = await fetch(link, {
        headers: {
          'User-Agent':
            'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
        },
      });
      expect(portal.status).toBe(200);
      expect(await portal.text()).toContain('id="enroll-login"');

      await dialog.getByRole('button', { name: /close/i }).click();
      for (let i = 0; i < 20; i++) {
        if (await page.getByText('Sent', { exact: true }).count()) break;
        await page.reload();
        await page.waitForTimeout(500);
      }
      await page.getByText('Sent', { exact: true }).first().waitFor();
      await page.screenshot({
        path: join(SCREENSHOTS, 'invitation-sent.png'),
        fullPage: true,
      });
    } catch (error) {
      await page.screenshot({
        path: join(SCREENSHOTS, 'failure-invitation.png'),
        fullPage: true,
      });
      throw error;
    } finally {
      await browser.close();
    }
  });
});
