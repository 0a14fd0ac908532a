import { mockServices } from '@backstage/backend-test-utils';
import { readEnrollmentProviderConfig } from './config';

const read = (data: object) =>
  readEnrollmentProviderConfig(mockServices.rootConfig({ data }));

describe('readEnrollmentProviderConfig', () => {
  it('runs every 30 minutes and gives unmatched Macs to `unknown` by default', () => {
    const config = read({ app: { baseUrl: 'https://backstage.example.com/' } });
    expect(config.schedule).toEqual({
      frequency: { minutes: 30 },
      timeout: { minutes: 10 },
    });
    expect(config.owners.defaultOwner).toBe('unknown');
    expect(config.owners.siteGroups.size).toBe(0);
    expect(config.appBaseUrl).toBe('https://backstage.example.com');
  });

  it('reads the schedule, the default owner and the site groups as full refs, by lower-cased site name', () => {
    const config = read({
      catalog: {
        providers: {
          enrollment: {
            schedule: { frequency: { hours: 1 }, timeout: { minutes: 5 } },
            defaultOwner: 'group:default/it',
            siteGroups: { 'Berlin HQ': 'it-berlin', Remote: 'group:ops/it' },
          },
        },
      },
    });
    expect(config.schedule).toMatchObject({ frequency: { hours: 1 } });
    expect(config.owners.defaultOwner).toBe('group:default/it');
    expect([...config.owners.siteGroups]).toEqual([
      ['berlin hq', 'group:default/it-berlin'],
      ['remote', 'group:ops/it'],
    ]);
  });

  it('refuses a site group that is not a group ref, saying which', () => {
    const withGroup = (group: unknown) => () =>
      read({
        catalog: {
          providers: { enrollment: { siteGroups: { Berlin: group } } },
        },
      });
    expect(withGroup('a:b:c/d/e')).toThrow(
      'catalog.providers.enrollment.siteGroups["Berlin"] is "a:b:c/d/e", which is not a group',
    );
    expect(withGroup('user:default/alice')).toThrow(/is "user:default\/alice"/);
    expect(withGroup('it team')).toThrow(/is "it team"/);
  });
});
