/** The languages the SDK ships (`dist/lib/lang/*.json`); a test pins this list to the installed SDK. */
export const SDK_LANGUAGES = [
  'de-DE',
  'en-US',
  'es-ES',
  'fr-FR',
  'id-ID',
  'it-IT',
  'ja-JP',
  'ko-KR',
  'nl-NL',
  'pl-PL',
  'pt-PT',
  'ru-RU',
  'sv-SE',
  'tr-TR',
  'vi-VN',
  'zh-CN',
  'zh-TW',
] as const;
export type SdkLanguage = (typeof SDK_LANGUAGES)[number];

export const DEFAULT_SDK_LANGUAGE: SdkLanguage = 'en-US';

/**
 * The SDK's language for a `lang` value: the same tag in any case (`de-de`), or the SDK's language for its primary
 * subtag (`de`, `pt-BR` → `pt-PT`, `zh` → `zh-CN`); undefined when the SDK has none.
 */
export function sdkLanguageOf(value: string): SdkLanguage | undefined {
  const wanted = value.trim().replace(/_/g, '-').toLowerCase();
  if (!wanted) return undefined;
  const exact = SDK_LANGUAGES.find((language) => language.toLowerCase() === wanted);
  if (exact) return exact;
  const primary = wanted.split('-')[0];
  return SDK_LANGUAGES.find((language) => language.toLowerCase().split('-')[0] === primary);
}
