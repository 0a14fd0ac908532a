import { DeviceRefusal } from '@macenroll/plugin-enrollment-common';
import { html, SafeHtml } from '../../lib/markup';
import { MacRequirements, modelDisplayName } from '../requirements';
import { logoutForm, page, PageContext, say } from './parts';

/** "MacBook Pro or MacBook Air", "Mac mini, iMac or MacBook Pro". */
function modelList(ctx: PageContext, models: string[]): string {
  const names = models.map(modelDisplayName);
  if (names.length < 2) return names.join('');
  const or = ctx.texts.text('requirements.or', {});
  return `${names.slice(0, -1).join(', ')} ${or} ${names[names.length - 1]}`;
}

/** What the person's Mac needs, said before they download anything. */
export function requirementsPart(
  ctx: PageContext,
  requirements: MacRequirements | undefined,
): SafeHtml {
  if (!requirements) return html``;
  const version = requirements.minimumOsVersion;
  const [first, ...more] = requirements.modelLists;
  const lines: SafeHtml[] = [];
  if (first && version) {
    lines.push(
      say(ctx, 'requirements.osAndModels', {
        version,
        models: modelList(ctx, first),
      }),
    );
  } else if (version) {
    lines.push(say(ctx, 'requirements.os', { version }));
  } else if (first) {
    lines.push(
      say(ctx, 'requirements.models', { models: modelList(ctx, first) }),
    );
  }
  for (const list of more) {
    lines.push(
      say(ctx, 'requirements.models', { models: modelList(ctx, list) }),
    );
  }
  if (requirements.serialList) lines.push(say(ctx, 'requirements.serials'));
  return html`<div class="card" id="enroll-requirements">${lines.map(
    line => html`<p>${line}</p>`,
  )}</div>`;
}

function refusalText(ctx: PageContext, refusal: DeviceRefusal): SafeHtml {
  switch (refusal.reason) {
    case 'serial-not-listed':
      return say(ctx, 'refused.serial', {
        serial: refusal.serialNumber ?? '?',
      });
    case 'os-too-old':
      return say(ctx, 'refused.os', {
        version: refusal.osVersion ?? '?',
        minimum: refusal.minimumOsVersion,
      });
    default:
      return say(ctx, 'refused.model', {
        model: refusal.modelName ?? refusal.model ?? '?',
        models: modelList(ctx, refusal.allowedModels),
      });
  }
}

/** After the Mac's Authenticate was refused: why, and what the invitation needs. */
export function refusedPage(
  ctx: PageContext,
  options: {
    refusal: DeviceRefusal;
    requirements?: MacRequirements;
    csrf: string;
    loginName?: string;
  },
) {
  return page(
    ctx,
    'refused.title',
    html`<h1>${say(ctx, 'refused.title')}</h1>
<div class="card error" id="enroll-error" role="alert"><p>${refusalText(
      ctx,
      options.refusal,
    )}</p><p>${say(ctx, 'refused.next')}</p></div>
${requirementsPart(ctx, options.requirements)}
${logoutForm(ctx, options.csrf, options.loginName)}`,
  );
}
