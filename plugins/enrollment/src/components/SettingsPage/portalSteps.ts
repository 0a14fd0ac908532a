import { PortalSettings } from '@macenroll/plugin-enrollment-common';

export type StepTextKey = keyof PortalSettings['texts'];

/** A page of the portal, as the preview can show it. */
export type PortalPreviewPage = 'login' | 'download' | 'download-legacy';

export const PREVIEW_PAGES: { page: PortalPreviewPage; label: string }[] = [
  { page: 'login', label: 'Login' },
  { page: 'download', label: 'Downloads' },
  { page: 'download-legacy', label: 'Downloads on older Macs' },
];

export interface StepText {
  key: StepTextKey;
  label: string;
  help: string;
  /** The page the text is on. */
  page: PortalPreviewPage;
}

/** Each step text, where the portal shows it. */
export const STEP_TEXTS: StepText[] = [
  {
    key: 'welcome',
    label: 'Welcome',
    help: 'Above the login form.',
    page: 'login',
  },
  {
    key: 'login',
    label: 'Login',
    help: 'In the login form, above the username.',
    page: 'login',
  },
  {
    key: 'certificate',
    label: 'Certificate',
    help: 'With the download of the CA certificate.',
    page: 'download',
  },
  {
    key: 'profile',
    label: 'Profile',
    help: 'With the download of the management profile.',
    page: 'download',
  },
  {
    key: 'quickadd',
    label: 'QuickAdd',
    help: 'Older Macs get an enrollment package (QuickAdd) instead of the profile.',
    page: 'download-legacy',
  },
];
