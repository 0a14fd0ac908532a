import { Entity } from '@backstage/catalog-model';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import plugin from './alpha';

const entity = (kind: string, spec: Entity['spec'] = {}): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name: 'x' },
  spec,
});

/** The card's filter: which entity pages show it. */
function filterOf(
  id: 'entity-card:enrollment/macs' | 'entity-card:enrollment/mac',
) {
  const tester = createExtensionTester(plugin.getExtension(id));
  return tester.get(EntityCardBlueprint.dataRefs.filterFunction)!;
}

describe('entity cards in the new frontend system', () => {
  it("puts the Macs card on people's pages only", () => {
    const filter = filterOf('entity-card:enrollment/macs');
    expect(filter(entity('User'))).toBe(true);
    expect(filter(entity('Group'))).toBe(false);
    expect(filter(entity('Resource', { type: 'mac' }))).toBe(false);
  });

  it("puts the Mac card on Macs' own pages only", () => {
    const filter = filterOf('entity-card:enrollment/mac');
    expect(filter(entity('Resource', { type: 'mac' }))).toBe(true);
    expect(filter(entity('Resource', { type: 'database' }))).toBe(false);
    expect(filter(entity('User'))).toBe(false);
  });
});
