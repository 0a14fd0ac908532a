import { macLabel } from './macLabel';

describe('macLabel', () => {
  it('names a Mac by its name, model, reported macOS and serial', () => {
    expect(
      macLabel({
        udid: 'U-1',
        name: 'Alice’s Mac',
        model: 'MacBook Air',
        osVersion: '14.4',
        serialNumber: 'C02X',
      }),
    ).toBe('Alice’s Mac (MacBook Air, macOS 14.4, C02X)');
  });

  it('falls back to the UDID only when nothing else is known', () => {
    expect(macLabel({ udid: 'U-1', serialNumber: 'C02X' })).toBe(
      'A Mac (C02X)',
    );
    expect(macLabel({ udid: 'U-1' })).toBe('Mac U-1');
  });
});
