import { open } from 'node:fs/promises';

/**
 * Random access to a package's bytes, so that a package downloaded to a
 * temporary file is read without holding it all in memory.
 */
export interface ByteSource {
  readonly size: number;
  /** Exactly `length` bytes from `offset`; the caller keeps them in bounds. */
  read(offset: number, length: number): Promise<Buffer>;
}

/** A source over bytes already in memory (an upload). */
export function bufferSource(bytes: Buffer): ByteSource {
  return {
    size: bytes.length,
    read: async (offset, length) => bytes.subarray(offset, offset + length),
  };
}

/** A source over a file; close it when done. */
export async function fileSource(
  path: string,
): Promise<ByteSource & { close(): Promise<void> }> {
  const handle = await open(path, 'r');
  const { size } = await handle.stat();
  return {
    size,
    read: async (offset, length) => {
      const buffer = Buffer.alloc(length);
      let done = 0;
      while (done < length) {
        const { bytesRead } = await handle.read(
          buffer,
          done,
          length - done,
          offset + done,
        );
        if (bytesRead === 0) throw new Error('the file ended early');
        done += bytesRead;
      }
      return buffer;
    },
    close: () => handle.close(),
  };
}
