import { modelDisplayName, requirementsOf } from './requirements';

describe('requirementsOf', () => {
  it('asks nothing when no rule and no list apply', () => {
    expect(requirementsOf(undefined, undefined)).toBeUndefined();
    expect(
      requirementsOf({ serialAllowlistCount: 0 }, { deviceRules: {} }),
    ).toBeUndefined();
  });

  it('takes the higher minimum by number and every model list', () => {
    expect(
      requirementsOf(
        {
          serialAllowlistCount: 3,
          deviceRules: { minimumOsVersion: '13.10', allowedModels: ['Mac'] },
        },
        {
          deviceRules: {
            minimumOsVersion: '13.9',
            allowedModels: ['MacBookPro'],
          },
        },
      ),
    ).toEqual({
      minimumOsVersion: '13.10',
      modelLists: [['MacBookPro'], ['Mac']],
      serialList: true,
    });
  });

  it('names model families as Apple does and keeps other entries as typed', () => {
    expect(modelDisplayName('macbookpro')).toBe('MacBook Pro');
    expect(modelDisplayName('Macmini')).toBe('Mac mini');
    expect(modelDisplayName('MacBookPro18,3')).toBe('MacBookPro18,3');
  });
});
