import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import knexFactory, { Knex } from 'knex';
import {
  dropDatabasesWithPrefix,
  freePort,
  RunningApns,
  RunningSmtp,
  startApnsStandIn,
  startSmtpServer,
} from '@internal/test-harness';
import { LoadBalancer, startLoadBalancer } from './loadBalancer';
import { Replica, ROOT, startReplica } from './replica';

export const POSTGRES =
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??
  'postgresql://postgres@127.0.0.1:5432';

/** A local account on the portal of every replica. */
export const PERSON = { username: 'pat', password: 'pat-password-123' };

/**
 * What several replicas of one Backstage share: a PostgreSQL server (each
 * run's databases named by a fresh prefix), an SMTP relay, the APNs
 * stand-in, a load balancer and an admin token.
 */
export interface Cluster {
  postgres: string;
  prefix: string;
  smtp: RunningSmtp;
  apns: RunningApns;
  lb: LoadBalancer;
  /** The enrollment plugin's database, to read what the replicas wrote. */
  db: Knex;
  replicas: Map<string, Replica>;
  /** Starts (or starts again) a replica on its own port. */
  start(name: string): Replica;
  /** `Authorization` for the admin API (a static external-access token). */
  adminAuthorization: string;
  /** Calls the admin API through `url` (a replica or the load balancer). */
  admin(
    url: string,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<any>;
  stop(): Promise<void>;
}

export async function startCluster(options: {
  /** Which replica serves each request that reaches the load balancer. */
  route: (path: string, replicas: Map<string, Replica>) => Replica | undefined;
  /** Merged into each replica's `enrollment` config. */
  enrollment?: Record<string, unknown>;
  postgres?: string;
  smtp?: Parameters<typeof startSmtpServer>[0];
}): Promise<Cluster> {
  const postgres = options.postgres ?? POSTGRES;
  const prefix = `enrollment_faults_${Date.now()}_${randomBytes(3).toString(
    'hex',
  )}_`;
  const smtp = await startSmtpServer(options.smtp);
  const apns = await startApnsStandIn();
  const replicas = new Map<string, Replica>();
  const earlier: Replica[] = [];
  const ports = new Map<string, number>();
  const lb = await startLoadBalancer(req => {
    const replica = options.route(req.url ?? '/', replicas);
    return replica?.port ?? [...replicas.values()][0].port;
  });
  const adminToken = randomBytes(24).toString('base64url');
  const db = knexFactory({
    client: 'pg',
    connection: `${postgres}/${prefix}enrollment`,
    pool: { min: 0, max: 2 },
  });

  const config = (port: number) => ({
    backend: {
      // Every replica names the balancer as its public address.
      baseUrl: lb.url,
      listen: { port, host: '127.0.0.1' },
      database: { client: 'pg', connection: postgres, prefix },
      auth: {
        externalAccess: [
          { type: 'static', options: { token: adminToken, subject: 'admin' } },
        ],
      },
    },
    enrollment: {
      ...apns.enrollmentConfig(),
      allowInsecureUrls: true,
      smtp: smtp.clientConfig(),
      portal: { localAccounts: [PERSON] },
      delivery: { intervalSeconds: 1 },
      ...options.enrollment,
    },
  });

  const cluster: Cluster = {
    postgres,
    prefix,
    smtp,
    apns,
    lb,
    db,
    replicas,
    adminAuthorization: `Bearer ${adminToken}`,
    start(name) {
      const port = ports.get(name);
      if (port === undefined) throw new Error(`No port for replica ${name}`);
      const before = replicas.get(name);
      if (before) earlier.push(before);
      const replica = startReplica({ name, port, config: config(port) });
      replicas.set(name, replica);
      return replica;
    },
    async admin(url, method, path, body) {
      const res = await fetch(`${url}/api/enrollment${path}`, {
        method,
        headers: {
          Authorization: cluster.adminAuthorization,
          ...(body ? { 'Content-Type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
      const text = await res.text();
      if (!res.ok) {
        throw new Error(`${method} ${path}: ${res.status} ${text}`);
      }
      return text ? JSON.parse(text) : undefined;
    },
    async stop() {
      await Promise.all([...replicas.values()].map(r => r.stop()));
      // Each replica's log, to read when a test failed.
      const logs = join(ROOT, 'test-results', 'fault-tests');
      mkdirSync(logs, { recursive: true });
      for (const replica of replicas.values()) {
        writeFileSync(
          join(logs, `${prefix}${replica.name}.log`),
          replica.output(),
        );
      }
      // Replicas killed or restarted before: why a restart was needed.
      for (const [i, replica] of earlier.entries()) {
        writeFileSync(
          join(logs, `${prefix}${replica.name}.earlier-${i + 1}.log`),
          replica.output(),
        );
      }
      await lb.close();
      await db.destroy();
      await smtp.stop();
      await apns.stop();
      await dropDatabasesWithPrefix(postgres, prefix);
    },
  };
  // Ports are fixed per name, so a replica started again is the same address.
  for (const name of ['a', 'b']) ports.set(name, await freePort());
  return cluster;
}
