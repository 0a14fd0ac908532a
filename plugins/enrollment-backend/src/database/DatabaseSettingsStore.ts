import {
  DEFAULT_PORTAL_SETTINGS,
  PortalSettings,
} from '@macenroll/plugin-enrollment-common';
import { Knex } from 'knex';
import { SettingsStore } from './SettingsStore';

const TABLE = 'enrollment_settings';
const ROW = 'portal';

/** The Knex-backed portal settings: one row of JSON. */
export class DatabaseSettingsStore implements SettingsStore {
  constructor(private readonly db: Knex) {}

  async get(): Promise<PortalSettings> {
    const row = await this.db(TABLE).where({ id: ROW }).first();
    const saved = row
      ? (JSON.parse(row.settings) as Partial<PortalSettings>)
      : {};
    // Settings saved by an older version lack newer keys: fill them.
    return {
      ...DEFAULT_PORTAL_SETTINGS,
      ...saved,
      texts: { ...DEFAULT_PORTAL_SETTINGS.texts, ...saved.texts },
      eula: { ...DEFAULT_PORTAL_SETTINGS.eula, ...saved.eula },
      reenrollment: {
        ...DEFAULT_PORTAL_SETTINGS.reenrollment,
        ...saved.reenrollment,
      },
    };
  }

  async save(
    settings: PortalSettings,
    updatedBy: string,
  ): Promise<PortalSettings> {
    const row = {
      id: ROW,
      settings: JSON.stringify(settings),
      updated_at: new Date(),
      updated_by: updatedBy,
    };
    await this.db(TABLE).insert(row).onConflict('id').merge();
    return this.get();
  }
}
