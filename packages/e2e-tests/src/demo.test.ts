import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  enrollSimulatedMac,
  installProfile,
  launchChromium,
  Locator,
  Page,
  RunningApns,
  RunningSmtp,
  startApnsStandIn,
  startSmtpServer,
} from '@internal/test-harness';
import { expectNoSeriousViolations } from './axe';
import { ROOT, RunningDemo, startDemo } from './demo';

jest.setTimeout(420_000);

const SCREENSHOTS = join(ROOT, 'test-results');
/** The README's screenshots: each run takes them anew, so they never go stale. */
const README_SCREENSHOTS = join(ROOT, 'docs', 'screenshots');
const SAFARI_14 =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15';

/** A README screenshot of what the viewport shows (not the whole page: small files). */
async function readmeScreenshot(page: Page, name: string) {
  mkdirSync(README_SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(README_SCREENSHOTS, `${name}.png`) });
}

/**
 * Reloads until `locator` shows: the pages load their data once, so a
 * change made by the backend's mail task appears on the next load.
 */
async function reloadUntilShown(page: Page, locator: Locator, tries = 60) {
  for (let i = 1; ; i++) {
    try {
      await locator.first().waitFor({ timeout: 2_000 });
      return;
    } catch (error) {
      if (i >= tries) throw error;
      await page.reload();
    }
  }
}

describe('the demo', () => {
  let demo: RunningDemo;
  let smtp: RunningSmtp;
  let apns: RunningApns;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    apns = await startApnsStandIn();
    demo = await startDemo({
      config: {
        enrollment: {
          // The topic must be the push certificate's (app-config.yaml has a
          // placeholder).
          ...apns.enrollmentConfig(),
          smtp: smtp.clientConfig(),
          // One attempt: an SMTP outage fails a recipient at once, so the
          // outage test sees "Failed" and its reason without waiting.
          delivery: { intervalSeconds: 2, maxAttempts: 1 },
        },
      },
    });
  });
  afterAll(async () => {
    await demo?.stop();
    await smtp?.stop();
    await apns?.stop();
  });

  /**
   * Signs in as guest in a fresh Chromium and runs `steps`; when they fail,
   * keeps a screenshot and adds the browser's console errors and the
   * backend's mail log to the error.
   */
  async function asGuest(name: string, steps: (page: Page) => Promise<void>) {
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
      await steps(page);
    } catch (error) {
      await page.screenshot({
        path: join(SCREENSHOTS, `failure-${name}.png`),
        fullPage: true,
      });
      const mailLog = demo
        .output()
        .split('\n')
        .filter(line => /mail|scheduled task/i.test(line))
        .slice(-20);
      throw new Error(
        [
          String(error),
          'Browser console errors:',
          ...consoleErrors,
          "The backend's mail log:",
          ...mailLog,
        ].join('\n'),
      );
    } finally {
      await browser.close();
    }
  }

  /** Sends an invitation with the New invitation dialog; returns its link. */
  async function inviteFromUi(page: Page, recipients: string) {
    await page.getByRole('button', { name: 'New invitation' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Recipients' }).fill(recipients);
    for (let i = 0; i < 3; i++)
      await dialog.getByRole('button', { name: 'Next' }).click();
    await dialog.getByRole('button', { name: 'Send' }).click();
    const link = await dialog
      .getByRole('textbox', { name: 'Enrollment link' })
      .inputValue();
    await dialog.getByRole('button', { name: /close/i }).click();
    return link;
  }

  /** The enrollment link a mail carries. */
  const linkInMail = (text = '') =>
    /(http:\/\/\S+\/enroll\?invitation=[A-Za-z0-9_-]{43})/.exec(text)![1];

  /** The link in the newest mail to `to`. */
  const mailedLink = async (to: string) =>
    linkInMail((await smtp.waitForMessageTo(to, 30_000)).parsed.text);

  const screenshot = (page: Page, name: string) =>
    page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

  it('redirects <backend>/enroll to the portal and serves it without credentials', async () => {
    const res = await fetch(`${demo.backendUrl}/enroll?invitation=abc`, {
      redirect: 'manual',
    });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(
      `${demo.backendUrl}/api/enrollment/enroll?invitation=abc`,
    );
    const safari = { 'User-Agent': SAFARI_14 };
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
    await asGuest('enrollment-page', async page => {
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
      await screenshot(page, 'enrollment-page');
      expect(await page.title()).toMatch(/Mac Enrollment/);
    });
  });

  it('sends an invitation to three people from the UI, each with a link of their own, and the table shows it sent', async () => {
    await asGuest('invitation', async page => {
      const link = await inviteFromUi(
        page,
        'ann@example.com, ben@example.com\ncat@example.com',
      );
      expect(link).toMatch(
        new RegExp(
          `^${demo.backendUrl}/enroll\\?invitation=[A-Za-z0-9_-]{43}$`,
        ),
      );
      const mails = await smtp.waitForMessages(3, 30_000);
      expect(mails.map(m => m.envelope.to[0]).sort()).toEqual([
        'ann@example.com',
        'ben@example.com',
        'cat@example.com',
      ]);
      const mailed = mails.map(m => linkInMail(m.parsed.text));
      expect(new Set([...mailed, link]).size).toBe(4);
      // Each link works: it opens the portal's login for this invitation.
      for (const url of [link, ...mailed]) {
        const portal = await fetch(url, {
          headers: { 'User-Agent': SAFARI_14 },
        });
        expect(portal.status).toBe(200);
        expect(await portal.text()).toContain('id="enroll-login"');
      }

      await reloadUntilShown(page, page.getByText('Sent', { exact: true }));
      await screenshot(page, 'invitation-sent');
    });
  });

  it('shows an invitation failed with the reason while SMTP is down, and resends it once SMTP is back', async () => {
    await smtp.stop();
    let smtpUp = false;
    try {
      await asGuest('resend', async page => {
        await inviteFromUi(page, 'dan@example.com');
        await page.getByRole('link', { name: /dan@example\.com/ }).click();
        // The reason is on the invitation's page, per recipient.
        await reloadUntilShown(page, page.getByText('Failed', { exact: true }));
        await page
          .getByText(/ECONNREFUSED/)
          .first()
          .waitFor();

        await smtp.start();
        smtpUp = true;
        const before = smtp.received.length;
        await page
          .getByRole('button', { name: /Resend to failed \(1\)/ })
          .click();
        await page.getByText(/will be sent again to 1 recipient/).waitFor();
        const mails = await smtp.waitForMessages(before + 1, 30_000);
        expect(mails[before].envelope.to).toEqual(['dan@example.com']);
        await reloadUntilShown(page, page.getByText('Sent', { exact: true }));
        await screenshot(page, 'invitation-resent');
      });
    } finally {
      if (!smtpUp) await smtp.start();
    }
  });

  it('lists what happened on the Activity tab and the computers on the Computers tab', async () => {
    await asGuest('tabs', async page => {
      await page.getByRole('link', { name: 'Enrollment' }).click();
      await page.getByRole('tab', { name: 'Activity' }).click();
      await page
        .getByRole('heading', { name: 'Enrollment Activity', exact: true })
        .waitFor();
      await page.getByText('Invitation created for 3 recipient(s)').waitFor();
      const danFailed = page
        .getByText(/Invitation mail to dan@example\.com failed/)
        .first();
      await danFailed.waitFor();
      // The search goes to the backend: only dan's events are left.
      await page.getByLabel('Search activity').fill('dan@example.com');
      await page
        .getByText('Invitation created for 3 recipient(s)')
        .waitFor({ state: 'detached' });
      await danFailed.waitFor();
      await screenshot(page, 'activity');

      await page.getByRole('tab', { name: 'Computers' }).click();
      await page
        .getByRole('heading', { name: 'Enrolled Computers', exact: true })
        .waitFor();
      const empty = page.getByText('No computers have enrolled yet');
      await empty.waitFor();
      expect(await empty.isVisible()).toBe(true);
    });
  });

  // After the test above: it expects no computers yet.
  it('the computer page queues Update inventory and shows it acknowledged after the Mac answers the push', async () => {
    const mac = await enrollSimulatedMac({
      backendUrl: demo.backendUrl,
      username: 'enroll',
      password: 'change-me-please',
      udid: 'E2E00000-0000-4000-8000-000000000001',
      deviceName: 'Simulated Mac',
    });
    try {
      // The first TokenUpdate queued the inventory commands and pushed;
      // woken, the Mac answers them until nothing is left.
      await apns.waitForRequests(1);
      let command = await mac.connect({ Status: 'Idle' });
      for (let i = 0; command; i++) {
        if (i > 10) throw new Error('The Mac was sent more than 10 commands');
        command = await mac.connect({
          Status: 'Acknowledged',
          CommandUUID: command.CommandUUID,
          ...(command.Command.RequestType === 'DeviceInformation'
            ? { QueryResponses: { DeviceName: 'Simulated Mac' } }
            : {}),
          ...(command.Command.RequestType === 'SecurityInfo'
            ? { SecurityInfo: {} }
            : {}),
        });
      }
      const pushesBefore = apns.requests.length;

      await asGuest('update-inventory', async page => {
        await page.getByRole('link', { name: 'Enrollment' }).click();
        await page.getByRole('tab', { name: 'Computers' }).click();
        await page.getByRole('link', { name: 'Simulated Mac' }).click();
        await page.waitForURL(/\/enrollment\/computers\/[^/]+$/);
        const rows = page
          .getByTestId('computer-command-history')
          .getByRole('row');
        // The header and the two commands the Mac answered.
        await rows.nth(2).waitFor();

        await page.getByRole('button', { name: 'Update inventory' }).click();
        const newest = rows.nth(1);
        await newest
          .filter({ hasText: /DeviceInformation\s*(queued|sent)/ })
          .waitFor();
        await screenshot(page, 'update-inventory-queued');

        // The push wakes the Mac, which fetches the command and answers it.
        const pushes = await apns.waitForRequests(pushesBefore + 1);
        expect(pushes[pushesBefore].token).toBe(
          Buffer.from(`token-${mac.udid}`).toString('hex'),
        );
        const queued = await mac.connect({ Status: 'Idle' });
        expect(queued.Command.RequestType).toBe('DeviceInformation');
        const answer = await mac.connect({
          Status: 'Acknowledged',
          CommandUUID: queued.CommandUUID,
          QueryResponses: { DeviceName: 'E2E Mac', OSVersion: '14.5' },
        });
        expect(answer).toBeUndefined();

        // The page refreshes its history while the command waits, and its
        // details once the command is answered.
        await newest
          .filter({ hasText: /DeviceInformation\s*acknowledged/ })
          .waitFor();
        await page.getByText('E2E Mac', { exact: true }).first().waitFor();
        await page.getByText('14.5 (23E214)', { exact: true }).waitFor();
        await screenshot(page, 'update-inventory-acknowledged');
      });
    } finally {
      mac.remove();
    }
  });

  // The demo's local account `alice` stands for a person (app-config.yaml:
  // realName and email), so the Mac it enrolls is recorded as hers and the
  // catalog finds User alice (examples/org.yaml) as its owner; no directory.
  it('lists the enrolled Mac in the catalog, under its owner', async () => {
    const udid = 'A11CE000-0000-4000-8000-000000000003';
    const mac = await enrollSimulatedMac({
      backendUrl: demo.backendUrl,
      username: 'alice',
      password: 'alice-enrolls-her-mac',
      udid,
      deviceName: "Alice's Mac",
    });
    try {
      // The guest's Backstage token, as the app gets it after sign-in.
      const refresh = await fetch(
        `${demo.backendUrl}/api/auth/guest/refresh?env=development`,
        { headers: { 'X-Requested-With': 'XMLHttpRequest' } },
      );
      const { token } = (await refresh.json()).backstageIdentity;
      // The Mac reports the serial number SN-<first 8 of its UDID>.
      const url = `${demo.backendUrl}/api/catalog/entities/by-name/resource/default/SN-A11CE000`;
      // Right after the demo started, the catalog may still be reading its
      // org: the Mac then waits for the provider's next look (30 s) to
      // find User alice.
      let entity: any;
      const deadline = Date.now() + 120_000;
      while (entity?.spec?.owner !== 'user:default/alice') {
        const res = await fetch(url, {
          headers: { Authorization: `Bearer ${token}` },
        });
        entity = res.status === 200 ? await res.json() : undefined;
        if (Date.now() > deadline) {
          throw new Error(
            `The Mac is not in the catalog under alice: ${
              res.status
            } ${JSON.stringify(entity?.spec)}`,
          );
        }
        await new Promise(r => setTimeout(r, 500));
      }
      expect(entity.spec).toEqual({
        type: 'mac',
        owner: 'user:default/alice',
      });
      expect(entity.metadata.annotations['macenroll.io/udid']).toBe(udid);
      expect(entity.relations).toContainEqual({
        type: 'ownedBy',
        targetRef: 'user:default/alice',
      });

      // Her User page lists it in its "Macs" card, and the Mac's own page
      // shows its record (the demo's policy lets the guest see every Mac).
      await asGuest('catalog-pages', async page => {
        // Signed in (the app remembers the guest) before going to her page.
        await page
          .getByRole('link', { name: 'Catalog' })
          .waitFor({ timeout: 60_000 });
        await page.goto(`${demo.appUrl}/catalog/default/user/alice`);
        await page.getByText("Alice's Mac").waitFor({ timeout: 60_000 });
        // The whole page rendered: the About card too, and no error.
        await page.getByRole('heading', { name: 'About' }).waitFor();
        expect(
          await page.getByText(/No implementation available/).count(),
        ).toBe(0);
        await readmeScreenshot(page, 'catalog-user-macs');
        await page.goto(`${demo.appUrl}/catalog/default/resource/SN-A11CE000`);
        await page.getByText(udid).first().waitFor({ timeout: 60_000 });
        expect(
          await page.getByText(/No implementation available/).count(),
        ).toBe(0);
      });
    } finally {
      mac.remove();
    }
  });

  it('takes a person from the mail link to an enrolled Mac in five actions, the page saying so by itself', async () => {
    await asGuest('invite-five-actions', async page => {
      await inviteFromUi(page, 'five.actions@example.com');
    });
    const link = await mailedLink('five.actions@example.com');
    // What the person does, counted; typing into a field is part of its action.
    const actions: string[] = [];
    const act = <T>(name: string, step: () => Promise<T>) => {
      actions.push(name);
      return step();
    };
    const safari = await launchChromium({ userAgent: SAFARI_14 });
    const page = await safari.context.newPage();
    try {
      const started = page.waitForEvent('download', { timeout: 15_000 });
      await act('open the link', () => page.goto(link));
      await page.getByLabel('Username').fill('enroll');
      await page.getByLabel('Password').fill('change-me-please');
      await act('log in', () =>
        page.getByRole('button', { name: 'Log in' }).click(),
      );
      await page.getByRole('heading', { name: 'Almost done' }).waitFor();
      await screenshot(page, 'portal-downloads');
      await readmeScreenshot(page, 'portal-downloads');
      // Every card the page shows is a step the person must take.
      if (await page.locator('#download-ca').count()) {
        await act('download the certificate', async () => undefined);
        await act('add it in Keychain Access', async () => undefined);
      }
      const download = await started.catch(() =>
        act('download the profile', async () => {
          const clicked = page.waitForEvent('download');
          await page.locator('#download-profile').click();
          return clicked;
        }),
      );
      expect(download.url()).toContain('/profile.mobileconfig');
      const profile = readFileSync((await download.path())!);

      await act(
        'open System Settings › Device Management',
        async () => undefined,
      );
      const mac = await act('click Install, enter the Mac password', () =>
        installProfile({
          backendUrl: demo.backendUrl,
          profile,
          udid: 'E2E00000-0000-4000-8000-000000000005',
          deviceName: 'Five Actions Mac',
        }),
      );
      try {
        // No reload: the page asks the portal until the Mac has checked in.
        await page.locator('#enroll-done').waitFor({ timeout: 30_000 });
        await screenshot(page, 'portal-enrolled');
      } finally {
        mac.remove();
      }
      expect(actions).toEqual([
        'open the link',
        'log in',
        'open System Settings › Device Management',
        'click Install, enter the Mac password',
      ]);
      expect(actions.length).toBeLessThanOrEqual(5);
    } finally {
      await safari.close();
    }
  });

  it('gives two recipients links of their own, and counts Macs that checked in, not downloads', async () => {
    await asGuest('own-links-invite', async page => {
      await inviteFromUi(page, 'pat@example.com, sam@example.com');
    });
    const [patLink, samLink] = await Promise.all([
      mailedLink('pat@example.com'),
      mailedLink('sam@example.com'),
    ]);
    expect(patLink).not.toBe(samLink);

    /** A person opens their link in Safari and logs in; the profile downloads by itself. */
    const arrive = async (link: string) => {
      const browser = await launchChromium({ userAgent: SAFARI_14 });
      const page = await browser.context.newPage();
      const download = page.waitForEvent('download', { timeout: 15_000 });
      await page.goto(link);
      await page.getByLabel('Username').fill('enroll');
      await page.getByLabel('Password').fill('change-me-please');
      await page.getByRole('button', { name: 'Log in' }).click();
      return {
        browser,
        page,
        profile: readFileSync((await (await download).path())!),
      };
    };
    const adminSees = (name: string, check: (page: Page) => Promise<void>) =>
      asGuest(name, async page => {
        await page.getByRole('link', { name: 'Enrollment' }).click();
        await page.getByRole('link', { name: /pat@example\.com/ }).click();
        await check(page);
      });
    const timesUsed = (page: Page) =>
      page.getByRole('row', { name: /^Times used/ }).textContent();

    const pat = await arrive(patLink);
    const sam = await arrive(samLink);
    try {
      // Two profiles downloaded, no Mac yet: nothing is used.
      await adminSees('own-links-downloaded', async page => {
        await page.getByRole('cell', { name: 'Times used' }).waitFor();
        expect(await timesUsed(page)).toContain('0 (Macs that checked in');
      });

      const mac = await installProfile({
        backendUrl: demo.backendUrl,
        profile: sam.profile,
        udid: 'E2E00000-0000-4000-8000-000000000007',
        deviceName: 'Sam Mac',
      });
      try {
        await sam.page.locator('#enroll-done').waitFor({ timeout: 30_000 });
      } finally {
        mac.remove();
      }
      // Sam's link has enrolled its Mac; Pat's still works for Pat.
      const again = await fetch(samLink, {
        headers: { 'User-Agent': SAFARI_14 },
      });
      expect(again.status).toBe(410);
      expect(await again.text()).toContain('already been used');
      await pat.page.reload();
      await pat.page.locator('#download-profile').waitFor();

      await adminSees('own-links-enrolled', async page => {
        await reloadUntilShown(page, page.getByText('Sam Mac'));
        expect(await timesUsed(page)).toContain('1 (Macs that checked in');
        expect(
          await page
            .getByRole('row', { name: /^Enrolled computers/ })
            .textContent(),
        ).toContain('1');
        await screenshot(page, 'invitation-own-links');
      });
    } finally {
      await pat.browser.close();
      await sam.browser.close();
    }
  });

  it('has no serious or critical accessibility violation on any admin or portal page, light and dark', async () => {
    // Every page is scanned and the test fails at the end with all that
    // was found, not only the first page's.
    const found: string[] = [];
    /** Scans what `page` shows once it has loaded its data and settled. */
    const scan = async (page: Page, name: string) => {
      await page
        .locator('[role="progressbar"]')
        .first()
        .waitFor({ state: 'detached' });
      // Lets Material UI's fades and slides end: a half-faded text would be
      // measured at a contrast it never keeps.
      await page.waitForTimeout(500);
      await expectNoSeriousViolations(page, name).catch((error: Error) =>
        found.push(error.message),
      );
    };
    const heading = (page: Page, name: string) =>
      page.getByRole('heading', { name, exact: true }).waitFor();
    const tab = async (page: Page, name: string, title: string) => {
      await page.getByRole('tab', { name }).click();
      await heading(page, title);
    };

    const recipient = 'accessible@example.com';
    const adminPages = async (page: Page, theme: 'light' | 'dark') => {
      await page.setViewportSize({ width: 1280, height: 800 });
      // The demo app lets the system choose its theme (no theme is picked in
      // its localStorage 'theme'), and follows a change at once: no reload,
      // which could end the guest session.
      await page.emulateMedia({ colorScheme: theme });
      const navItem = page.getByRole('link', {
        name: 'Enrollment',
        exact: true,
      });
      await navItem.waitFor({ timeout: 60_000 });
      await navItem.click();
      await heading(page, 'Enrollment Invitations');
      if (theme === 'light') await inviteFromUi(page, recipient);
      const invitation = page.getByRole('link', {
        name: /accessible@example\.com/,
      });
      await reloadUntilShown(page, invitation);
      await scan(page, `invitations list (${theme})`);
      await readmeScreenshot(page, `invitations-${theme}`);

      await page.getByRole('button', { name: 'New invitation' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('textbox', { name: 'Recipients' }).fill(recipient);
      for (const step of ['recipients', 'options', 'message', 'review']) {
        await scan(page, `New invitation dialog, ${step} step (${theme})`);
        if (step !== 'review')
          await dialog.getByRole('button', { name: 'Next' }).click();
      }
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'detached' });

      await invitation.first().click();
      await page.waitForURL(/\/enrollment\/invitations\/[^/]+$/);
      await page.getByRole('cell', { name: 'Times used' }).waitFor();
      await scan(page, `invitation page (${theme})`);
      if (theme === 'light') await readmeScreenshot(page, 'invitation');

      await page.getByRole('link', { name: 'Enrollment', exact: true }).click();
      await tab(page, 'Computers', 'Enrolled Computers');
      await page
        .getByText('No computers have enrolled yet')
        .or(page.getByRole('row').nth(1))
        .first()
        .waitFor();
      await scan(page, `Computers tab (${theme})`);
      // The earlier tests enroll Macs; run alone (-t) this test finds none,
      // and then there is no computer page to scan.
      const computer = page.locator('a[href*="/enrollment/computers/"]');
      if (await computer.count()) {
        await computer.first().click();
        await page.waitForURL(/\/enrollment\/computers\/[^/]+$/);
        await page.getByTestId('computer-command-history').waitFor();
        await scan(page, `computer page (${theme})`);
        await page
          .getByRole('link', { name: 'Enrollment', exact: true })
          .click();
      }

      await tab(page, 'Activity', 'Enrollment Activity');
      await page
        .getByText(/Invitation created/)
        .first()
        .waitFor();
      await scan(page, `Activity tab (${theme})`);
      await tab(page, 'Portal accounts', 'Portal Accounts');
      await page.getByRole('cell', { name: 'enroll', exact: true }).waitFor();
      await scan(page, `Portal accounts (${theme})`);
      await tab(page, 'Settings', 'Enrollment Settings');
      // The save bar shows once the settings have loaded.
      await page.getByRole('button', { name: 'Save', exact: true }).waitFor();
      await scan(page, `Settings (${theme})`);
    };
    await asGuest('accessibility-light', page => adminPages(page, 'light'));
    await asGuest('accessibility-dark', page => adminPages(page, 'dark'));

    // The portal, as a Mac's Safari sees it: a laptop, then a phone, each in
    // light and dark.
    const safari = await launchChromium({ userAgent: SAFARI_14 });
    const page = await safari.context.newPage();
    try {
      const portal = `${demo.backendUrl}/api/enrollment/enroll`;
      const sizes = [
        { label: 'laptop', width: 1280, height: 800 },
        { label: 'phone', width: 390, height: 844 },
      ];
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        for (const { label, width, height } of sizes) {
          await page.setViewportSize({ width, height });
          const where = `${label}, ${colorScheme}`;
          await page.goto(portal);
          await page.locator('#enroll-login').waitFor();
          await scan(page, `portal login (${where})`);
          if (colorScheme === 'light')
            await readmeScreenshot(
              page,
              label === 'laptop' ? 'portal-login' : 'portal-login-phone',
            );
          await page.goto(`${portal}?invitation=${'A'.repeat(43)}`);
          await page.locator('#enroll-error').waitFor();
          await scan(page, `portal problem page (${where})`);
        }
      }
      // The downloads page, after a login (its profile download starts by
      // itself and is left alone).
      await page.goto(portal);
      await page.getByLabel('Username').fill('enroll');
      await page.getByLabel('Password').fill('change-me-please');
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.getByRole('heading', { name: 'Almost done' }).waitFor();
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        for (const { label, width, height } of sizes) {
          await page.setViewportSize({ width, height });
          await scan(page, `portal downloads page (${label}, ${colorScheme})`);
        }
      }
    } finally {
      await safari.close();
    }
    // Empty, or each page's violations: rule, what it asks, the elements.
    expect(found.join('\n\n')).toBe('');
  });

  it('writes no invitation code, download token or SCEP challenge of a full enrollment to its log', async () => {
    let link = '';
    await asGuest('invite-for-log-check', async page => {
      link = await inviteFromUi(page, 'log.check@example.com');
    });
    const logBefore = demo.output().length;
    const mac = await enrollSimulatedMac({
      backendUrl: demo.backendUrl,
      username: 'enroll',
      password: 'change-me-please',
      udid: 'E2E00000-0000-4000-8000-000000000002',
      deviceName: 'Log Check Mac',
      invitationUrl: link,
    });
    try {
      // Code, profile token, challenge (no certificate step by default):
      // each long enough to be unique.
      expect(mac.secrets.length).toBeGreaterThanOrEqual(3);
      for (const secret of mac.secrets)
        expect(secret.length).toBeGreaterThan(20);
      const log = demo.output().slice(logBefore);
      // The requests were logged, with the secrets' places marked.
      expect(log).toContain('/enroll?invitation=[redacted]');
      expect(log).toContain('/profile.mobileconfig?token=[redacted]');
      expect(log).toContain('/api/enrollment/scep');
      for (const secret of mac.secrets) expect(log).not.toContain(secret);
    } finally {
      mac.remove();
    }
  });

  it('shows the portal in the language the browser asks for, once an admin gave its texts in Settings', async () => {
    const saveLanguages = (steps: (page: Page) => Promise<void>) =>
      asGuest('languages', async page => {
        await page.getByRole('link', { name: 'Enrollment' }).click();
        await page.getByRole('tab', { name: 'Settings' }).click();
        await page.getByText('Portal languages').waitFor();
        await steps(page);
        await page.getByRole('button', { name: 'Save', exact: true }).click();
        await page.getByText('The settings were saved.').waitFor();
      });
    await saveLanguages(async page => {
      await page.getByLabel('Add a language').fill('fr');
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      await page
        .getByRole('button', { name: 'Login and choosing the person' })
        .click();
      await page.getByLabel('login.heading').fill('Enrôlez votre Mac');
      await page.getByLabel('login.submit').fill('Se connecter');
    });
    const french = await launchChromium({
      userAgent: SAFARI_14,
      locale: 'fr-FR',
    });
    try {
      const page = await french.context.newPage();
      await page.goto(`${demo.backendUrl}/api/enrollment/enroll`);
      await page.getByRole('heading', { name: 'Enrôlez votre Mac' }).waitFor();
      await page.getByRole('button', { name: 'Se connecter' }).waitFor();
      // Not translated: English.
      await page.getByLabel('Password').waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('fr');
      await screenshot(page, 'portal-french');
    } finally {
      await french.close();
    }
    // Back to English only, for whoever runs after.
    await saveLanguages(async page => {
      // The language picker shows the one chosen: English on a fresh page.
      await page
        .getByRole('button', { name: /English \(the default\)/ })
        .click();
      await page.getByRole('option', { name: 'fr' }).click();
      await page.getByRole('button', { name: 'Remove fr' }).click();
    });
  });
});
