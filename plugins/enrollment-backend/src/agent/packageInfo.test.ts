import { bufferSource } from './byteSource';
import { FlatPackage } from './flatPackage';
import {
  agentPackageWarnings,
  PackageInfoError,
  readAgentPackageInfo,
} from './packageInfo';
import {
  bsdtarXar,
  componentPackage,
  PACKAGE_INFO,
  productArchive,
  withSignatureElement,
} from './__testUtils__/packages';

const infoOf = async (bytes: Buffer) =>
  readAgentPackageInfo(await FlatPackage.open(bufferSource(bytes)));

describe('readAgentPackageInfo', () => {
  it.each(['none', 'gzip'] as const)(
    'reads a product archive (%s): product, title and top-level pkg-refs',
    async compression => {
      expect(await infoOf(productArchive(compression))).toEqual({
        bundleId: 'com.acme.agent',
        bundleVersion: '2.1.0',
        title: 'Acme Agent & Tools',
        // The <pkg-ref> inside <choice> has no version and is not listed again.
        items: [
          { bundleId: 'com.acme.agent.base', bundleVersion: '2.1.0' },
          { bundleId: 'com.acme.agent.helper', bundleVersion: '1.4' },
        ],
        distribution: true,
        signed: false,
      });
    },
  );

  it('reads a component package from its PackageInfo, and a signature', async () => {
    expect(await infoOf(componentPackage('gzip'))).toEqual({
      bundleId: 'com.acme.agent.base',
      bundleVersion: '2.1.0',
      items: [{ bundleId: 'com.acme.agent.base', bundleVersion: '2.1.0' }],
      distribution: false,
      signed: false,
    });
    expect(
      await infoOf(withSignatureElement(componentPackage('none'))),
    ).toMatchObject({ signed: true, distribution: false });
  });

  it('falls back to the first pkg-ref with a version when there is no <product>', async () => {
    const distribution =
      '<installer-gui-script minSpecVersion="1"><pkg-ref id="a.b" auth="root"/>' +
      '<pkg-ref id="com.acme.only" version="3"/></installer-gui-script>';
    expect(
      await infoOf(bsdtarXar({ Distribution: distribution }, 'none')),
    ).toMatchObject({
      bundleId: 'com.acme.only',
      bundleVersion: '3',
      title: undefined,
      items: [{ bundleId: 'com.acme.only', bundleVersion: '3' }],
    });
  });

  it.each([
    [
      'no Distribution or PackageInfo',
      { 'Resources/en.lproj/x': 'x' },
      'The package has no Distribution or PackageInfo at its root',
    ],
    [
      'a Distribution without identifiers',
      {
        Distribution:
          '<installer-gui-script><pkg-ref id="x"/></installer-gui-script>',
      },
      'names neither a <product id="…" version="…"> nor a <pkg-ref id="…" version="…">',
    ],
    [
      'a Distribution of another kind',
      { Distribution: '<plist/>' },
      "The package's Distribution is a <plist>, not an <installer-gui-script>",
    ],
    [
      'a Distribution that is not XML',
      { Distribution: '<installer-gui-script>' },
      "The package's Distribution is not readable XML",
    ],
    [
      'a PackageInfo without a version',
      { PackageInfo: '<pkg-info identifier="com.acme"/>' },
      'has no <pkg-info identifier="…" version="…">',
    ],
    [
      'a PackageInfo that is not UTF-8',
      { PackageInfo: Buffer.from([0x3c, 0xff, 0xfe, 0x3e]) },
      "The package's PackageInfo is not readable XML",
    ],
  ])('refuses %s', async (_what, files, message) => {
    const attempt = infoOf(bsdtarXar(files, 'none'));
    await expect(attempt).rejects.toThrow(PackageInfoError);
    await expect(attempt).rejects.toThrow(message);
  });

  it('a PackageInfo in a subfolder alone does not make a component package', async () => {
    await expect(
      infoOf(bsdtarXar({ 'base.pkg/PackageInfo': PACKAGE_INFO }, 'none')),
    ).rejects.toThrow('no Distribution or PackageInfo at its root');
  });
});

describe('agentPackageWarnings', () => {
  it('warns about a component package and a missing signature, not a signed distribution', () => {
    expect(agentPackageWarnings({ distribution: true, signed: true })).toEqual(
      [],
    );
    const both = agentPackageWarnings({ distribution: false, signed: false });
    expect(both).toHaveLength(2);
    expect(both[0]).toMatch(/component package .* productbuild --package/);
    expect(both[1]).toMatch(/not signed: .* productsign/);
  });
});
