import { requireCommand } from './requireCommand';

describe('requireCommand', () => {
  it('finds an installed program', () => {
    expect(requireCommand('openssl', 'openssl')).toMatch(/\/openssl$/);
  });

  it('fails naming the Debian package when the program is missing', () => {
    expect(() => requireCommand('no-such-tool-xyz', 'fancy-tools', [])).toThrow(
      'The tests need "no-such-tool-xyz", which is not installed. Install the Debian package: apt-get install fancy-tools',
    );
  });
});
