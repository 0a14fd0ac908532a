import { mockCredentials } from '@backstage/backend-test-utils';
import { ReenrollmentSettings } from '@macenroll/plugin-enrollment-common';
import request from 'supertest';

const admin = () => mockCredentials.user.header('user:default/admin');

/**
 * What the re-enrollment tests ask the admin API: the computer with `udid`,
 * a change to the re-enrollment rules, and the refusals recorded so far.
 * `server` is read at each call: tests start theirs in `beforeAll`.
 */
export function reenrollmentApi(server: () => any, udid: string) {
  return {
    async computer() {
      const res = await request(server())
        .get('/api/enrollment/computers')
        .set('Authorization', admin())
        .expect(200);
      return res.body.items.find((c: any) => c.udid === udid);
    },
    async setRules(rules: Partial<ReenrollmentSettings>) {
      const current = await request(server())
        .get('/api/enrollment/settings')
        .set('Authorization', admin());
      await request(server())
        .put('/api/enrollment/settings')
        .set('Authorization', admin())
        .send({
          ...current.body,
          reenrollment: { ...current.body.reenrollment, ...rules },
        })
        .expect(200);
    },
    /** The `mdm.reenrollment-refused` events, newest first. */
    async refusals(): Promise<any[]> {
      const res = await request(server())
        .get('/api/enrollment/events?category=mdm&limit=100')
        .set('Authorization', admin());
      return res.body.items.filter(
        (e: any) => e.type === 'mdm.reenrollment-refused',
      );
    },
  };
}
