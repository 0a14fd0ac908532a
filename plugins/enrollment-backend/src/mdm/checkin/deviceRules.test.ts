import {
  compareOsVersions,
  describeRefusal,
  modelMatches,
  refusalFor,
} from './deviceRules';

const AIR = { model: 'Mac14,2', modelName: 'MacBook Air', osVersion: '14.4' };
const PRO = {
  model: 'MacBookPro18,3',
  modelName: 'MacBook Pro',
  osVersion: '13.10',
  serialNumber: 'C02PRO00001',
};

describe('compareOsVersions', () => {
  it.each([
    ['10.15.7', '13.0', -1],
    ['13.0', '13.10', -1],
    ['13.10', '13.9', 1],
    ['13', '13.0.0', 0],
    ['14.4.1', '14.4', 1],
  ])('%s vs %s is %d', (a, b, order) => {
    expect(compareOsVersions(a, b)).toBe(order);
  });

  it('does not order what is not a version', () => {
    expect(compareOsVersions('14.x', '13.0')).toBeUndefined();
    expect(compareOsVersions('', '13.0')).toBeUndefined();
  });
});

describe('modelMatches', () => {
  it('matches the identifier, its family up to the digits, or the name, without case', () => {
    expect(modelMatches('macbookpro18,3', PRO)).toBe(true);
    expect(modelMatches('MacBookPro', PRO)).toBe(true);
    expect(modelMatches('MacBook Pro', PRO)).toBe(true);
    expect(modelMatches('MacBook', PRO)).toBe(false);
    expect(modelMatches('MacBookPro18', PRO)).toBe(false);
    expect(modelMatches('Mac', AIR)).toBe(true);
    expect(modelMatches('MacBookAir', AIR)).toBe(false);
    expect(modelMatches('MacBook Air', AIR)).toBe(true);
  });
});

describe('refusalFor', () => {
  it('admits what no rule asks about', () => {
    expect(refusalFor({ rules: [] }, {})).toBeUndefined();
    expect(
      refusalFor({ rules: [{}], serialListed: true }, PRO),
    ).toBeUndefined();
  });

  it('refuses a serial off the list first', () => {
    expect(
      refusalFor(
        { rules: [{ minimumOsVersion: '15.0' }], serialListed: false },
        PRO,
      ),
    ).toEqual({ reason: 'serial-not-listed', serialNumber: 'C02PRO00001' });
  });

  it('applies every rule: the site’s minimum and the invitation’s models', () => {
    const admission = {
      rules: [{ minimumOsVersion: '13.0' }, { allowedModels: ['MacBookPro'] }],
    };
    expect(refusalFor(admission, PRO)).toBeUndefined();
    expect(refusalFor(admission, { ...PRO, osVersion: '12.7.4' })).toEqual({
      reason: 'os-too-old',
      osVersion: '12.7.4',
      minimumOsVersion: '13.0',
    });
    expect(refusalFor(admission, AIR)).toEqual({
      reason: 'model-not-allowed',
      model: 'Mac14,2',
      modelName: 'MacBook Air',
      allowedModels: ['MacBookPro'],
    });
  });

  it('refuses a Mac that does not tell what a rule needs', () => {
    expect(
      refusalFor(
        { rules: [{ minimumOsVersion: '13.0' }] },
        { model: 'Mac14,2' },
      ),
    ).toMatchObject({ reason: 'os-too-old' });
    expect(
      refusalFor({ rules: [{ allowedModels: ['MacBookPro'] }] }, {}),
    ).toMatchObject({ reason: 'model-not-allowed' });
  });

  it('names the Mac and the rule for admins', () => {
    expect(
      describeRefusal({
        reason: 'model-not-allowed',
        model: 'Mac14,3',
        modelName: 'Mac mini',
        allowedModels: ['MacBookPro', 'MacBook Air'],
      }),
    ).toBe('model Mac14,3 (Mac mini) is not one of MacBookPro, MacBook Air');
  });
});
