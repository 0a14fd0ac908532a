import { FlatPackage } from './flatPackage';
import { child, childrenNamed, parseXml, XmlElement, XmlError } from './xml';

/** A package a distribution installs, as the manifest's metadata `items` lists it. */
export interface AgentPackageItem {
  bundleId: string;
  bundleVersion: string;
}

/** What the manifest says about a package, read from the package itself. */
export interface AgentPackageInfo {
  bundleId: string;
  bundleVersion: string;
  title?: string;
  items: AgentPackageItem[];
  /** A product archive (productbuild, with a Distribution) rather than a component package. */
  distribution: boolean;
  signed: boolean;
}

/** Thrown when a flat package lacks what an installer package must say. */
export class PackageInfoError extends Error {
  name = 'PackageInfoError';
}

const MAX_VALUE = 255;

function value(
  element: XmlElement | undefined,
  attribute: string,
): string | undefined {
  const text = element?.attributes[attribute]?.trim();
  // eslint-disable-next-line no-control-regex
  if (!text || text.length > MAX_VALUE || /[\u0000-\u001f]/.test(text)) {
    return undefined;
  }
  return text;
}

async function readXml(pkg: FlatPackage, path: string): Promise<XmlElement> {
  const bytes = await pkg.readFile(path);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new PackageInfoError(
      `The package's ${path} is not readable XML: it is not UTF-8`,
    );
  }
  try {
    return parseXml(text);
  } catch (error) {
    if (error instanceof XmlError) {
      throw new PackageInfoError(
        `The package's ${path} is not readable XML: ${error.message}`,
      );
    }
    throw error;
  }
}

function fromDistribution(
  script: XmlElement,
): Omit<AgentPackageInfo, 'signed'> {
  if (script.name !== 'installer-gui-script') {
    throw new PackageInfoError(
      `The package's Distribution is a <${script.name}>, not an <installer-gui-script>`,
    );
  }
  const items: AgentPackageItem[] = [];
  for (const ref of childrenNamed(script, 'pkg-ref')) {
    const bundleId = value(ref, 'id');
    const bundleVersion = value(ref, 'version');
    if (
      bundleId &&
      bundleVersion &&
      !items.some(i => i.bundleId === bundleId)
    ) {
      items.push({ bundleId, bundleVersion });
    }
  }
  const product = child(script, 'product');
  // productbuild writes <product id version> when given --identifier and --version; older ones only pkg-refs.
  const main =
    value(product, 'id') && value(product, 'version')
      ? {
          bundleId: value(product, 'id')!,
          bundleVersion: value(product, 'version')!,
        }
      : items[0];
  if (!main) {
    throw new PackageInfoError(
      'The package\'s Distribution names neither a <product id="…" version="…"> nor a <pkg-ref id="…" version="…">: build it with productbuild --identifier … --version …',
    );
  }
  const title = child(script, 'title')?.text.trim().slice(0, MAX_VALUE);
  return { ...main, title: title || undefined, items, distribution: true };
}

function fromPackageInfo(info: XmlElement): Omit<AgentPackageInfo, 'signed'> {
  const bundleId = value(info, 'identifier');
  const bundleVersion = value(info, 'version');
  if (info.name !== 'pkg-info' || !bundleId || !bundleVersion) {
    throw new PackageInfoError(
      'The package\'s PackageInfo has no <pkg-info identifier="…" version="…">',
    );
  }
  return {
    bundleId,
    bundleVersion,
    items: [{ bundleId, bundleVersion }],
    distribution: false,
  };
}

/**
 * Reads the identifier, version and title of an installer package: from the
 * Distribution of a product archive (`<product>`, `<title>`, the top-level
 * `<pkg-ref>`s), or from the PackageInfo of a component package.
 */
export async function readAgentPackageInfo(
  pkg: FlatPackage,
): Promise<AgentPackageInfo> {
  const signed = pkg.signed;
  if (pkg.entry('Distribution')) {
    return {
      ...fromDistribution(await readXml(pkg, 'Distribution')),
      signed,
    };
  }
  if (pkg.entry('PackageInfo')) {
    return { ...fromPackageInfo(await readXml(pkg, 'PackageInfo')), signed };
  }
  throw new PackageInfoError(
    'The package has no Distribution or PackageInfo at its root: it is a xar archive but not an installer package',
  );
}

/**
 * What stands between this package and an InstallEnterpriseApplication
 * install; warnings, not refusals, so that admins can test with unsigned
 * builds. Apple: the package must be a signed product archive
 * (application.install.enterprise.yaml and Der Flounder on InstallApplication).
 */
export function agentPackageWarnings(
  info: Pick<AgentPackageInfo, 'distribution' | 'signed'>,
): string[] {
  const warnings: string[] = [];
  if (!info.distribution) {
    warnings.push(
      'This is a component package (no Distribution): macOS installs only distribution packages with InstallEnterpriseApplication. Wrap it with productbuild --package.',
    );
  }
  if (!info.signed) {
    warnings.push(
      'This package is not signed: macOS installs only signed packages with InstallEnterpriseApplication. Sign it with productsign and a Developer ID Installer certificate.',
    );
  }
  return warnings;
}
