import { entitySchemaValidator } from '@backstage/catalog-model';
import { Computer } from '@macenroll/plugin-enrollment-common';
import { computerEntityRef, computerToEntity } from './computerEntity';

const computer: Computer = {
  id: '6f1c1c1e-1111-4222-8333-944444444444',
  udid: 'E2E00000-0000-4000-8000-000000000001',
  serialNumber: 'C02XK1ZZJGH5',
  name: "Alice's MacBook Air",
  model: 'MacBook Air (M2, 2022)',
  osVersion: '14.4',
  status: 'enrolled',
  enrolledAt: '2026-12-01T10:00:00.000Z',
  user: { username: 'alice', realName: 'Alice Archer' },
  site: { id: 'site-1', name: 'Berlin HQ' },
};

describe('computerToEntity', () => {
  it('makes a valid Resource of type mac that ties back to the computer', () => {
    const entity = computerToEntity(computer, {
      owner: 'user:default/alice',
      appBaseUrl: 'https://backstage.example.com',
    });
    expect(() => entitySchemaValidator()(entity)).not.toThrow();
    const page =
      'https://backstage.example.com/enrollment/computers/6f1c1c1e-1111-4222-8333-944444444444';
    expect(entity).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: 'C02XK1ZZJGH5',
        title: "Alice's MacBook Air",
        description: "Alice Archer's Mac",
        annotations: {
          'macenroll.io/computer-id': computer.id,
          'macenroll.io/udid': computer.udid,
          'macenroll.io/serial-number': 'C02XK1ZZJGH5',
          'backstage.io/managed-by-location': `url:${page}`,
          'backstage.io/managed-by-origin-location': `url:${page}`,
          'backstage.io/view-url': page,
        },
        labels: {
          'macenroll.io/model': 'MacBook-Air-M2-2022',
          'macenroll.io/os-version': '14.4',
          'macenroll.io/site': 'Berlin-HQ',
        },
        links: [
          {
            url: page,
            title: 'Computer in Mac enrollment',
            icon: 'dashboard',
          },
        ],
      },
      spec: { type: 'mac', owner: 'user:default/alice' },
    });
    expect(computerEntityRef(computer)).toBe('resource:default/c02xk1zzjgh5');
  });

  it('names a Mac without a serial number by its UDID and leaves out empty labels', () => {
    const entity = computerToEntity(
      {
        ...computer,
        serialNumber: undefined,
        name: undefined,
        model: undefined,
        osVersion: '',
        site: null,
        user: {},
      },
      { owner: 'unknown' },
    );
    expect(() => entitySchemaValidator()(entity)).not.toThrow();
    expect(entity.metadata.name).toBe(
      'udid-E2E00000-0000-4000-8000-000000000001',
    );
    expect(entity.metadata.title).toBe(entity.metadata.name);
    expect(entity.metadata.labels).toEqual({});
    expect(entity.metadata.links).toEqual([]);
    expect(entity.metadata.description).toBeUndefined();
    expect(
      entity.metadata.annotations!['macenroll.io/serial-number'],
    ).toBeUndefined();
    expect(
      entity.metadata.annotations!['backstage.io/managed-by-location'],
    ).toBe(`enrollment:${computer.id}`);
  });
});
