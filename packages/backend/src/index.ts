import { createBackend } from '@backstage/backend-defaults';
import { startGateServiceFactory } from './startGate';

const backend = createBackend();

// Replicas on one PostgreSQL start one at a time: Backstage's plugins race
// their first migrations on an empty database, and some never recover.
backend.add(startGateServiceFactory);

// Guest sign-in for the demo; a real deployment adds its own providers.
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

// The demo allows everything; see the README for a policy that uses the
// enrollment permissions.
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);

backend.add(import('@macenroll/plugin-enrollment-backend'));

// The catalog, with every enrolled Mac as a Resource owned by its person.
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@macenroll/plugin-catalog-backend-module-enrollment'));

// Notifications: an invitation's creator hears of each Mac that enrolls
// with it (signals carries them to an open browser).
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

// A backend whose start failed has logged why, and Backstage's handler for
// the rejection only logs it again: the process would keep listening
// half-started (a plugin missing, its routes 404 for ever). Exit instead, so
// the orchestrator starts it again and says it failed.
backend.start().catch(() => process.exit(1));
