import { z } from 'zod';

/**
 * The most serial numbers one invitation's allowlist may hold.
 *
 * @public
 */
export const MAX_SERIAL_ALLOWLIST = 10_000;

/**
 * The most entries a rule's model list may hold.
 *
 * @public
 */
export const MAX_ALLOWED_MODELS = 50;

/**
 * An Apple serial number as the allowlist keeps it: letters and digits,
 * 8 to 14 of them (10–12 in practice; old and new formats), upper case.
 *
 * @public
 */
export const SERIAL_NUMBER_PATTERN = /^[A-Z0-9]{8,14}$/;

/**
 * Reads an allowlist as an admin pastes it: entries trimmed and upper-cased,
 * empty ones skipped, duplicates merged (first order kept). `invalid` is
 * the first entry that is no serial number, as typed.
 *
 * @public
 */
export function normalizeSerialNumbers(entries: readonly string[]): {
  serialNumbers: string[];
  invalid?: string;
} {
  const seen = new Set<string>();
  for (const entry of entries) {
    const serial = entry.trim().toUpperCase();
    if (!serial) continue;
    if (!SERIAL_NUMBER_PATTERN.test(serial)) {
      return { serialNumbers: [...seen], invalid: entry.trim() };
    }
    seen.add(serial);
  }
  return { serialNumbers: [...seen] };
}

/**
 * Splits pasted text into allowlist entries: one per line, or separated by
 * commas, semicolons or spaces.
 *
 * @public
 */
export function splitSerialNumbers(text: string): string[] {
  return text.split(/[\s,;]+/).filter(Boolean);
}

/**
 * What a Mac must be to enroll, per site and per invitation (both apply
 * where both exist): a macOS version at least `minimumOsVersion`
 * ("13.0"), and a model on `allowedModels`, each entry a model identifier
 * ("MacBookPro18,3"), a family ("MacBookPro") or a model name
 * ("MacBook Pro"), compared without case.
 *
 * @public
 */
export const deviceRulesSchema = z.strictObject({
  minimumOsVersion: z
    .string()
    .trim()
    .regex(
      /^\d{1,3}(\.\d{1,3}){0,2}$/,
      'minimumOsVersion must be a macOS version such as 13.0 or 10.15.7',
    )
    .optional(),
  allowedModels: z
    .array(
      z
        .string()
        .trim()
        .min(1, 'a model entry cannot be empty')
        .max(64, 'a model entry is at most 64 characters'),
    )
    .max(
      MAX_ALLOWED_MODELS,
      `allowedModels can have at most ${MAX_ALLOWED_MODELS} entries`,
    )
    .optional(),
});

/** @public */
export type DeviceRules = z.infer<typeof deviceRulesSchema>;

/**
 * Why a Mac's Authenticate was refused, as the enrollment keeps it for the
 * portal to tell its person: the Mac's facts and the rule it failed.
 *
 * @public
 */
export type DeviceRefusal =
  | { reason: 'serial-not-listed'; serialNumber?: string }
  | { reason: 'os-too-old'; osVersion?: string; minimumOsVersion: string }
  | {
      reason: 'model-not-allowed';
      model?: string;
      modelName?: string;
      allowedModels: string[];
    };
