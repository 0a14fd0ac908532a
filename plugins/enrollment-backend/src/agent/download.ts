import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '@backstage/errors';
import { PackageDigests, PackageHasher } from './manifest';

/**
 * How the backend fetches a package URL; the global fetch by default. Tests
 * (or a deployment behind a private CA) pass one that trusts another CA.
 */
export type AgentPackageFetch = (
  url: string,
  init: { signal: AbortSignal; redirect: 'follow' },
) => Promise<Response>;

/** Limits of one download. */
export interface DownloadLimits {
  maxBytes: number;
  timeoutMs: number;
}

/** A downloaded package in a temporary file, hashed on the way in. */
export interface DownloadedPackage {
  path: string;
  digests: PackageDigests;
  /** Deletes the temporary file. */
  discard(): Promise<void>;
}

const MiB = 1024 * 1024;
function describeBytes(n: number): string {
  if (n >= 1024 * MiB) return `${Math.round((n / 1024 / MiB) * 10) / 10} GiB`;
  if (n >= MiB) return `${Math.round(n / MiB)} MiB`;
  return `${n}-byte`;
}

/**
 * Downloads an https URL to a temporary file with a size limit and a
 * timeout, hashing it as it streams by; refuses a redirect to plain http.
 */
export async function downloadPackage(
  url: string,
  fetchImpl: AgentPackageFetch,
  limits: DownloadLimits,
): Promise<DownloadedPackage> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, limits.timeoutMs);
  const dir = await mkdtemp(join(tmpdir(), 'agent-package-'));
  const path = join(dir, 'package.pkg');
  const discard = () => rm(dir, { recursive: true, force: true });
  const tooLarge = () =>
    new InputError(
      `The package at ${url} is larger than the ${describeBytes(
        limits.maxBytes,
      )} limit for an agent package`,
    );

  const file = await open(path, 'w');
  try {
    let response: Response;
    try {
      response = await fetchImpl(url, {
        signal: controller.signal,
        redirect: 'follow',
      });
    } catch (error) {
      throw failed(url, error, timedOut, limits);
    }
    if (response.url && !response.url.startsWith('https://')) {
      throw new InputError(
        `${url} redirects to ${response.url}, which is not https: Macs download the package over https only`,
      );
    }
    if (!response.ok) {
      throw new InputError(
        `${url} answered HTTP ${response.status}: check that the URL points at the package and that the backend can reach it`,
      );
    }
    const declared = Number(response.headers.get('content-length'));
    if (declared > limits.maxBytes) throw tooLarge();
    if (!response.body) throw new InputError(`${url} sent no body`);

    const hasher = new PackageHasher();
    try {
      for await (const part of response.body as AsyncIterable<Uint8Array>) {
        hasher.update(part);
        if (hasher.sizeInBytes > limits.maxBytes) {
          controller.abort();
          throw tooLarge();
        }
        await file.write(part);
      }
    } catch (error) {
      if (error instanceof InputError) throw error;
      throw failed(url, error, timedOut, limits);
    }
    await file.close();
    return { path, digests: hasher.digest(), discard };
  } catch (error) {
    await file.close().catch(() => undefined);
    await discard();
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

function failed(
  url: string,
  error: unknown,
  timedOut: boolean,
  limits: DownloadLimits,
): InputError {
  if (timedOut) {
    const seconds = Math.max(1, Math.round(limits.timeoutMs / 1000));
    return new InputError(
      `The download of ${url} did not finish within ${seconds} second${
        seconds === 1 ? '' : 's'
      }: check that the server answers, or host the package closer`,
    );
  }
  const e = error as { message?: string; cause?: { message?: string } };
  return new InputError(
    `Could not download ${url}: ${e.cause?.message ?? e.message ?? error}`,
  );
}
