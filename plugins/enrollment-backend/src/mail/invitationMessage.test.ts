import {
  invitationMessageTemplate,
  renderInvitationMessage,
} from './invitationMessage';

const input = {
  to: 'alice@example.com',
  organization: 'Acme <Fruit>',
  invitedBy: 'user:default/jane.doe',
  url: 'http://localhost:7007/enroll?invitation=abc_DEF-123',
  expiresAt: new Date('2026-12-08T23:59:59Z'),
  requireLogin: true,
};

describe('renderInvitationMessage', () => {
  it('says who invites, the link, the expiry and the organization', () => {
    const mail = renderInvitationMessage(input);
    expect(mail.to).toBe('alice@example.com');
    expect(mail.subject).toBe('Enroll your Mac with Acme <Fruit>');
    expect(mail.text).toContain('jane.doe from Acme <Fruit> IT invites you');
    expect(mail.text).toContain(input.url);
    expect(mail.text).toContain('December 8, 2026 at 11:59 PM UTC');
    expect(mail.html).toContain(
      'href="http://localhost:7007/enroll?invitation=abc_DEF-123"',
    );
    expect(mail.html).toContain('Acme &lt;Fruit&gt; IT');
  });

  it("puts the invitation's number where the subject says {id}", () => {
    const mail = renderInvitationMessage({
      ...input,
      subject: 'Enroll your Mac (invitation {id})',
      invitationNumber: 42,
    });
    expect(mail.subject).toBe('Enroll your Mac (invitation 42)');
  });

  it('escapes what the admin typed in the HTML part', () => {
    const mail = renderInvitationMessage({
      ...input,
      subject: 'Hi\r\nBcc: evil@example.com',
      message: '<img src=x onerror=alert(1)> & "quotes"',
    });
    expect(mail.subject).toBe('Hi Bcc: evil@example.com');
    expect(mail.html).not.toContain('<img');
    expect(mail.html).toContain(
      '&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;',
    );
    expect(mail.text).toContain('<img src=x onerror=alert(1)> & "quotes"');
  });

  it('renders the same message from a template made once per invitation', () => {
    const { to: _to, url: _url, ...shared } = input;
    const tricky = {
      ...shared,
      subject: 'Hello {id} <b>',
      invitationNumber: 7,
      message: 'to & url: <script>alert(1)</script>',
    };
    const template = invitationMessageTemplate(tricky);
    for (const [to, url] of [
      ['alice@example.com', 'http://localhost:7007/enroll?invitation=a_B-1'],
      ["o'brien@example.com", 'https://x.test/enroll?a=1&invitation=<"x">'],
    ]) {
      expect(template(to, url)).toEqual(
        renderInvitationMessage({ ...tricky, to, url }),
      );
    }
  });
});
