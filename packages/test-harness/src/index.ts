/**
 * Starts the real services the tests talk to.
 *
 * @packageDocumentation
 */
export { requireCommand } from './requireCommand';
export { freePort, waitForPort } from './freePort';
export { selfSignedCertificate } from './selfSignedCertificate';
export { startSlapd, type RunningSlapd } from './slapd';
export { SEED_PEOPLE, SEED_GROUPS, type SeedPerson } from './slapdSeed';
export { startSmtpServer, type RunningSmtp, type ReceivedMail } from './smtp';
export { launchChromium } from './chromium';
export {
  createTestDatabases,
  dropDatabasesWithPrefix,
  testDatabaseIds,
} from './databases';
export { findRepoRoot } from './repoRoot';
export type { Locator, Page } from 'playwright-core';
export {
  startApnsStandIn,
  type RunningApns,
  type ApnsRequest,
  type ApnsAnswer,
  type TestPushCertificate,
} from './apns';
export {
  authenticateMessage,
  enrollSimulatedMac,
  installProfile,
  tokenUpdateMessage,
  type PlistValue,
  parsePlist,
  SAFARI_14,
  type SimulatedMac,
} from './simulatedMac';
export { eventually } from './eventually';
export {
  startWebhookReceiver,
  type RunningWebhookReceiver,
  type WebhookDelivery,
} from './webhookReceiver';
