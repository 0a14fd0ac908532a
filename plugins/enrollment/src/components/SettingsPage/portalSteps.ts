import { PortalSettings } from '@macenroll/plugin-enrollment-common';

export type StepTextKey = keyof PortalSettings['texts'];

/** A page of the portal, as the preview can show it. */
export type PortalPreviewPage = 'login' | 'download' | 'download-legacy';

/** The pages the preview offers, labelled by `settings.texts.pages`. */
export const PREVIEW_PAGES: PortalPreviewPage[] = [
  'login',
  'download',
  'download-legacy',
];

/**
 * A step text; `settings.texts.steps` labels it and says where the portal
 * shows it.
 */
export interface StepText {
  key: StepTextKey;
  /** The page the text is on. */
  page: PortalPreviewPage;
}

/** Each step text, with the page the portal shows it on. */
export const STEP_TEXTS: StepText[] = [
  { key: 'welcome', page: 'login' },
  { key: 'login', page: 'login' },
  { key: 'certificate', page: 'download' },
  { key: 'profile', page: 'download' },
  { key: 'quickadd', page: 'download-legacy' },
];
