import { randomBytes } from 'node:crypto';
import { escapeHtml, html } from '../lib/markup';
import { OutgoingMail } from './Mailer';

/** What an invitation message says. */
export interface InvitationMessageInput {
  to: string;
  organization: string;
  /** The inviting admin's Backstage user ref, e.g. `user:default/jane.doe`. */
  invitedBy: string;
  url: string;
  expiresAt: Date;
  /** The admin's subject; `{id}` in it becomes the invitation's number. */
  subject?: string;
  invitationNumber?: number;
  message?: string;
  requireLogin: boolean;
}

/** `user:default/jane.doe` → `jane.doe`. */
export function displayNameOfRef(ref: string): string {
  const name = ref.split('/').pop() ?? ref;
  return name || ref;
}

function formatExpiry(date: Date): string {
  return `${date.toLocaleString('en-US', {
    timeZone: 'UTC',
    dateStyle: 'long',
    timeStyle: 'short',
  })} UTC`;
}

/**
 * The invitation email, as text and HTML. Everything an admin typed or a
 * recipient controls is escaped in the HTML part.
 */
export function renderInvitationMessage(
  input: InvitationMessageInput,
): OutgoingMail {
  const inviter = displayNameOfRef(input.invitedBy);
  const expires = formatExpiry(input.expiresAt);
  const subject = (
    input.subject?.trim() || `Enroll your Mac with ${input.organization}`
  )
    .replace(/\{id\}/g, String(input.invitationNumber ?? ''))
    .replace(/[\r\n]+/g, ' ');
  const login = input.requireLogin
    ? 'You will be asked to log in with your company account.'
    : '';

  const text = [
    `${inviter} from ${input.organization} IT invites you to enroll your Mac in device management.`,
    '',
    ...(input.message ? [input.message, ''] : []),
    'Open this link in Safari on the Mac you want to enroll:',
    input.url,
    '',
    `${login} The link works until ${expires}.`.trim(),
    '',
    `If you did not expect this message, ignore it or tell ${input.organization} IT.`,
  ].join('\n');

  const body = html`<!DOCTYPE html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <title>${subject}</title>
      </head>
      <body
        style="font-family:-apple-system,Helvetica,Arial,sans-serif;line-height:1.5;color:#222"
      >
        <p>
          <strong>${inviter}</strong> from ${input.organization} IT invites you
          to enroll your Mac in device management.
        </p>
        ${
          input.message
            ? html`<p style="white-space:pre-wrap">${input.message}</p>`
            : ''
        }
        <p>Open this link in Safari on the Mac you want to enroll:</p>
        <p>
          <a
            href="${input.url}"
            style="display:inline-block;background:#0a66c2;color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none"
            >Enroll my Mac</a
          >
        </p>
        <p style="font-size:13px;color:#555">
          Or copy this address: ${input.url}
        </p>
        <p>${login} The link works until ${expires}.</p>
        <p style="font-size:13px;color:#555">
          If you did not expect this message, ignore it or tell
          ${input.organization} IT. This message was sent to ${input.to}.
        </p>
      </body>
    </html>`;

  return { to: input.to, subject, text, html: body.value };
}

/** What is the same in every message of one invitation. */
export type InvitationTemplateInput = Omit<
  InvitationMessageInput,
  'to' | 'url'
>;

/**
 * The invitation's message rendered once, for a fan-out: each recipient's
 * address and link are put in afterwards (escaped in the HTML part as
 * renderInvitationMessage does), so the rest — the expiry's formatting, the
 * escaping of what the admin typed — is not redone per message.
 */
export function invitationMessageTemplate(
  input: InvitationTemplateInput,
): (to: string, url: string) => OutgoingMail {
  // Letters and digits only: nothing escapes or wraps them, and what an
  // admin typed cannot contain them by chance.
  const token = `x${randomBytes(12).toString('hex')}x`;
  const slots = { to: `${token}to`, url: `${token}url` };
  const mail = renderInvitationMessage({ ...input, ...slots });
  const split = (text: string) => text.split(new RegExp(`${token}(to|url)`));
  // Even indexes: fixed text; odd ones: the slot's name.
  const text = split(mail.text);
  const body = split(mail.html);
  const fill = (
    parts: string[],
    values: { to: string; url: string },
  ): string => {
    let out = parts[0];
    for (let i = 1; i < parts.length; i += 2) {
      out += values[parts[i] as 'to' | 'url'] + parts[i + 1];
    }
    return out;
  };
  return (to, url) => ({
    to,
    subject: mail.subject,
    text: fill(text, { to, url }),
    html: fill(body, { to: escapeHtml(to), url: escapeHtml(url) }),
  });
}
