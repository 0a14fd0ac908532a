import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import {
  AgentPackageRecord,
  AgentPackageStore,
  NewAgentPackage,
} from './AgentPackageStore';
import { opt, toBool, toDate } from './rows';

const TABLE = 'enrollment_agent_package';
const CHUNKS = 'enrollment_agent_package_chunks';
const ROW = 'current';
/** Bytes per stored piece. */
export const AGENT_PACKAGE_PIECE_SIZE = 1024 * 1024;

function toRecord(row: any): AgentPackageRecord {
  return {
    source: row.source,
    url: opt(row.url),
    fileName: opt(row.file_name),
    bundleId: row.bundle_id,
    bundleVersion: row.bundle_version,
    title: opt(row.title),
    // PostgreSQL returns bigint as a string.
    sizeInBytes: Number(row.size),
    sha256: row.sha256,
    signed: toBool(row.signed),
    distribution: toBool(row.distribution),
    manifest: row.manifest,
    contentId: opt(row.content_id),
    updatedAt: toDate(row.updated_at)!,
  };
}

/** The Knex-backed agent package store. */
export class DatabaseAgentPackageStore implements AgentPackageStore {
  constructor(private readonly db: Knex) {}

  async get(): Promise<AgentPackageRecord | undefined> {
    const row = await this.db(TABLE).where({ id: ROW }).first();
    return row ? toRecord(row) : undefined;
  }

  async replace(
    pkg: NewAgentPackage,
    content?: Buffer,
  ): Promise<AgentPackageRecord> {
    if (content && content.length !== pkg.sizeInBytes) {
      throw new Error(
        `The agent package has ${content.length} bytes, not ${pkg.sizeInBytes}`,
      );
    }
    const contentId = content ? randomUUID() : null;
    const row = {
      id: ROW,
      source: pkg.source,
      url: pkg.url ?? null,
      file_name: pkg.fileName ?? null,
      bundle_id: pkg.bundleId,
      bundle_version: pkg.bundleVersion,
      title: pkg.title ?? null,
      size: pkg.sizeInBytes,
      sha256: pkg.sha256,
      signed: pkg.signed,
      distribution: pkg.distribution,
      manifest: pkg.manifest,
      content_id: contentId,
      updated_at: new Date(),
    };
    await this.db.transaction(async tx => {
      if (content && contentId) {
        for (
          let seq = 0;
          seq * AGENT_PACKAGE_PIECE_SIZE < content.length;
          seq++
        ) {
          const start = seq * AGENT_PACKAGE_PIECE_SIZE;
          await tx(CHUNKS).insert({
            content_id: contentId,
            seq,
            data: content.subarray(start, start + AGENT_PACKAGE_PIECE_SIZE),
          });
        }
      }
      await tx(TABLE).insert(row).onConflict('id').merge();
      const stale = tx(CHUNKS);
      if (contentId) stale.whereNot('content_id', contentId);
      await stale.delete();
    });
    return toRecord(row);
  }

  async remove(): Promise<boolean> {
    return this.db.transaction(async tx => {
      const removed = await tx(TABLE).where({ id: ROW }).delete();
      await tx(CHUNKS).delete();
      return removed > 0;
    });
  }

  async *readContent(
    contentId: string,
    sizeInBytes: number,
  ): AsyncIterable<Buffer> {
    const pieces = Math.ceil(sizeInBytes / AGENT_PACKAGE_PIECE_SIZE);
    let total = 0;
    for (let seq = 0; seq < pieces; seq++) {
      const row = await this.db(CHUNKS)
        .where({ content_id: contentId, seq })
        .first('data');
      if (!row) {
        throw new Error(
          'The agent package was replaced or removed while it was read',
        );
      }
      const data = Buffer.from(row.data);
      total += data.length;
      yield data;
    }
    if (total !== sizeInBytes) {
      throw new Error(
        `The stored agent package has ${total} bytes, not ${sizeInBytes}`,
      );
    }
  }
}
