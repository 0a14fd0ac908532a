import { Entity } from '@backstage/catalog-model';
import { Computer } from '@macenroll/plugin-enrollment-common';
import { ownerFilters } from './EnrollmentEntityProvider';
import { chooseOwner, ownerCandidatesOf, OwnerRules } from './owner';

const user = (name: string, email?: string, namespace?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, ...(namespace ? { namespace } : {}) },
  spec: { profile: email ? { email } : {}, memberOf: [] },
});
const group = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name },
  spec: { type: 'team', children: [] },
});

const catalog = ownerCandidatesOf([
  user('alice', 'alice.archer@example.com'),
  user('robert', 'bob@example.com'),
  user('alice', undefined, 'contractors'),
  user('mallory', 'ALICE@example.com'),
  group('design-studio'),
  group('it'),
]);

const rules: OwnerRules = {
  siteGroups: new Map([['remote office', 'group:default/it']]),
  defaultOwner: 'group:default/helpdesk',
};

const mac = (
  person: Computer['user'],
  site: Computer['site'] = null,
): Pick<Computer, 'user' | 'site'> => ({ user: person, site });

describe('chooseOwner', () => {
  it('picks the user whose name is the directory username, in the default namespace first', () => {
    expect(chooseOwner(mac({ username: 'Alice' }), catalog, rules)).toBe(
      'user:default/alice',
    );
  });

  it('picks the user with the e-mail address when no name matches', () => {
    expect(
      chooseOwner(
        mac({ username: 'bob', email: 'Bob@Example.com ' }),
        catalog,
        rules,
      ),
    ).toBe('user:default/robert');
  });

  it('prefers the username match over an e-mail match of someone else', () => {
    // mallory's e-mail equals the one recorded, but alice is the uid.
    expect(
      chooseOwner(
        mac({ username: 'alice', email: 'alice@example.com' }),
        catalog,
        rules,
      ),
    ).toBe('user:default/alice');
  });

  it('gives a Mac without a catalog user to its site: the configured group, else the group named after the site', () => {
    const nobody = { username: 'zed', email: 'zed@example.com' };
    expect(
      chooseOwner(
        mac(nobody, { id: 's1', name: 'Remote Office' }),
        catalog,
        rules,
      ),
    ).toBe('group:default/it');
    expect(
      chooseOwner(
        mac(nobody, { id: 's2', name: 'Design Studio' }),
        catalog,
        rules,
      ),
    ).toBe('group:default/design-studio');
  });

  it('falls back to the default owner', () => {
    expect(
      chooseOwner(
        mac({ username: 'zed' }, { id: 's3', name: 'Annex' }),
        catalog,
        rules,
      ),
    ).toBe('group:default/helpdesk');
    expect(chooseOwner(mac({}), { users: [], groups: [] }, rules)).toBe(
      'group:default/helpdesk',
    );
  });
});

describe('ownerFilters', () => {
  it('asks the catalog only for the users and the group that could own the Mac', () => {
    expect(
      ownerFilters(
        mac(
          { username: 'bob', email: 'bob@example.com' },
          { id: 's', name: 'Design Studio' },
        ),
      ),
    ).toEqual([
      { kind: 'user', 'metadata.name': 'bob' },
      { kind: 'user', 'spec.profile.email': 'bob@example.com' },
      { kind: 'group', 'metadata.name': 'design-studio' },
    ]);
    expect(ownerFilters(mac({ username: ' ' }))).toEqual([]);
  });
});
