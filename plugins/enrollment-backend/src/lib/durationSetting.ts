import { Config, readDurationFromConfig } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { durationToMilliseconds } from '@backstage/types';

const UNIT_MS = { milliseconds: 1, seconds: 1000, days: 86_400_000 } as const;

/** The unit a duration setting is wanted in. */
export type DurationUnit = keyof typeof UNIT_MS;

// The unit suffixes of the plugin's number keys; the HumanDuration sibling
// of a key is its name without the suffix.
const UNIT_SUFFIXES: ReadonlyArray<[RegExp, DurationUnit]> = [
  [/(Milliseconds|Ms)$/, 'milliseconds'],
  [/Seconds$/, 'seconds'],
  [/Days$/, 'days'],
];

/** A duration from config and the key it came from, for messages. */
export interface DurationSetting {
  value: number;
  /** The full key, and the unit of `value` when the key does not say it. */
  name: string;
}

/**
 * Reads a duration set either as a number whose key names its unit
 * (`leaseSeconds: 300`, as configs always have) or as a HumanDuration under
 * the key without the unit (`lease: { minutes: 5 }` or `lease: PT5M`).
 * Setting both is refused: which one wins would be a guess.
 *
 * @param path - where `config` sits, e.g. `enrollment.delivery`
 * @param numberKey - the number key, ending in its unit
 * @param unit - the unit of the value returned
 * @param fallback - the value, in `unit`, when neither key is set
 */
export function readDurationSetting(
  config: Config | undefined,
  path: string,
  numberKey: string,
  unit: DurationUnit,
  fallback: number,
): DurationSetting {
  const suffix = UNIT_SUFFIXES.find(([pattern]) => pattern.test(numberKey));
  if (!suffix) {
    throw new Error(`${numberKey} does not end in a unit`);
  }
  const [pattern, numberUnit] = suffix;
  const durationKey = numberKey.replace(pattern, '');
  const numberName = `${path}.${numberKey}`;
  const durationName = `${path}.${durationKey}`;

  const number = config?.getOptionalNumber(numberKey);
  if (!config?.has(durationKey)) {
    return {
      value:
        number === undefined
          ? fallback
          : number * (UNIT_MS[numberUnit] / UNIT_MS[unit]),
      name: numberName,
    };
  }
  if (number !== undefined) {
    throw new InputError(
      `${numberName} and ${durationName} are both set; set only one of them`,
    );
  }
  let duration;
  try {
    duration = readDurationFromConfig(config, { key: durationKey });
  } catch (error) {
    throw new InputError(
      `${durationName} must be a duration such as { minutes: 5 } or an ISO 8601 duration such as PT5M`,
      error,
    );
  }
  return {
    value: durationToMilliseconds(duration) / UNIT_MS[unit],
    name: `${durationName} (in ${unit})`,
  };
}
