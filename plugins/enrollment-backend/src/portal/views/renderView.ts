import { PortalSettings } from '@macenroll/plugin-enrollment-common';
import { PortalView } from '../PortalFlow';
import { PortalProblem } from '../problems';
import { downloadsPage } from './downloadsPage';
import { refusedPage } from './requirementsPart';
import {
  chooseUserPage,
  enrolledPage,
  eulaPage,
  loginPage,
  PageContext,
  problemPage,
  sitePage,
} from './pages';

/** The page of one step of the flow. */
export function renderView(
  ctx: PageContext,
  view: PortalView,
  options: { csrf: string; settings: PortalSettings; otherBrowser?: string },
): string {
  const { csrf, settings } = options;
  switch (view.kind) {
    case 'login':
      return loginPage(ctx, { csrf });
    case 'choose-user':
      return chooseUserPage(ctx, {
        csrf,
        query: view.query,
        results: view.results,
        error: view.error,
      });
    case 'eula':
      return eulaPage(ctx, { csrf, text: settings.eula.text });
    case 'site':
      return sitePage(ctx, { csrf, sites: view.sites });
    case 'enrolled':
      return enrolledPage(ctx);
    case 'refused':
      return refusedPage(ctx, {
        refusal: view.refusal,
        requirements: view.requirements,
        csrf,
        loginName: view.loginName,
      });
    default:
      return downloadsPage(ctx, {
        platform: view.platform,
        links: view.links,
        autostart: view.autostart,
        who: view.who,
        loginName: view.loginName,
        requirements: view.requirements,
        otherBrowser: options.otherBrowser,
        csrf,
      });
  }
}

/** The page of a problem, in the person's words. */
export function renderProblem(ctx: PageContext, problem: PortalProblem) {
  return problemPage(ctx, problem);
}
