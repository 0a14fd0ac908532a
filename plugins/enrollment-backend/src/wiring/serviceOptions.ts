import {
  AuditorService,
  DiscoveryService,
  LifecycleService,
  LoggerService,
  RootConfigService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { ActivityLog } from '../activity/ActivityLog';
import { OutboundEvents } from '../outbound/OutboundEvents';
import { EnrollmentSettings } from './enrollmentSettings';
import { EnrollmentStores } from '../database/createEnrollmentStores';
import { CertificateAuthority } from '../pki/CertificateAuthority';

/** What the plugin's services are built from. */
export interface EnrollmentServiceOptions {
  settings: EnrollmentSettings;
  stores: EnrollmentStores;
  ca: CertificateAuthority;
  config: RootConfigService;
  logger: LoggerService;
  auditor: AuditorService;
  discovery: DiscoveryService;
  lifecycle: LifecycleService;
  scheduler: SchedulerService;
}

/** Built first, for the services that record activity or write links. */
export interface SharedServices {
  activity: ActivityLog;
  /** `{base}` of the plugin as the browser sees it. */
  pluginBaseUrl: () => Promise<string>;
  /** The short /enroll link for mail. */
  enrollUrl: () => Promise<string>;
  /** Events for the events service, notifications and the webhook. */
  outbound: OutboundEvents;
}
