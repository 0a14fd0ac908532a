import {
  TranslationFunction,
  TranslationRef,
} from '@backstage/core-plugin-api/alpha';
import { enrollmentMessages, enrollmentTranslationRef } from '../translation';

/** The plugin's `t`, as `useTranslationRef(enrollmentTranslationRef)` gives it. */
export type EnrollmentT = TranslationFunction<
  typeof enrollmentTranslationRef extends TranslationRef<string, infer M>
    ? M
    : never
>;

type Messages = { readonly [key: string]: string | Messages };

function englishMessage(key: string): string | undefined {
  let node: string | Messages | undefined = enrollmentMessages;
  for (const part of key.split('.')) {
    node = typeof node === 'object' ? node[part] : undefined;
  }
  return typeof node === 'string' ? node : undefined;
}

/**
 * The English messages without a translation API, for helpers that also run
 * outside React (their unit tests). Components pass the `t` of
 * `useTranslationRef` instead, so what apps translate is used.
 */
export const englishT = ((
  key: string,
  options: { readonly [name: string]: unknown } = {},
) => {
  const { count } = options;
  const plural =
    typeof count === 'number'
      ? englishMessage(`${key}_${count === 1 ? 'one' : 'other'}`)
      : undefined;
  const message = plural ?? englishMessage(key) ?? key;
  return message.replace(/{{\s*(\w+)\s*}}/g, (_match, name: string) =>
    String(options[name] ?? ''),
  );
}) as unknown as EnrollmentT;
