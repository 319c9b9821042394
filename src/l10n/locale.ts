import { configureLocalization } from '@lit/localize';
import { sdkLanguageOf } from '../sdk/languages.js';
import { sourceLocale, targetLocales } from './locale-codes.js';

/**
 * The language of the element's own texts, from its `lang`: the same choice as the SDK's language (src/sdk/languages.ts),
 * narrowed to the translations there are. A regional translation (zh-CN, zh-TW, pt-PT) is kept regional; otherwise
 * the primary subtag; no translation → English.
 *
 * The locale of @lit/localize is one per page: a page with two elements in two languages shows both in the language
 * the last one asked for.
 */
export type Locale = typeof sourceLocale | (typeof targetLocales)[number];

const known: readonly string[] = [sourceLocale, ...targetLocales];

export function localeOf(lang: string | null | undefined): Locale {
  const sdk = sdkLanguageOf(lang ?? '');
  if (!sdk) return sourceLocale;
  const primary = sdk.split('-')[0];
  const found = [sdk, primary].find((candidate) => known.includes(candidate));
  return (found as Locale | undefined) ?? sourceLocale;
}

// Each translation is a chunk of its own, fetched only when a page asks for its language.
// A new locale: add it to lit-localize.json, run `npm run l10n:extract`, translate, `npm run l10n:build`, and add
// its loader here.
const loaders: Record<(typeof targetLocales)[number], () => Promise<unknown>> = {
  de: () => import('../locales/de.js'),
  es: () => import('../locales/es.js'),
  fr: () => import('../locales/fr.js'),
  ja: () => import('../locales/ja.js'),
  'pt-PT': () => import('../locales/pt-PT.js'),
  'zh-CN': () => import('../locales/zh-CN.js'),
};

let localization: ReturnType<typeof configureLocalization> | undefined;

/** Switches the page's texts to the locale for `lang`; resolves once its translation is in (a failed load keeps the current one). */
export function useLocaleOf(lang: string | null | undefined): Promise<void> {
  const wanted = localeOf(lang);
  if (!localization) {
    // English pages never configure the runtime.
    if (wanted === sourceLocale) return Promise.resolve();
    localization = configureLocalization({
      sourceLocale,
      targetLocales,
      loadLocale: (locale) => loaders[locale as keyof typeof loaders]() as ReturnType<Parameters<typeof configureLocalization>[0]['loadLocale']>,
    });
  }
  // Always asked: setLocale itself skips the locale that is on or loading, and the last one asked wins.
  return localization.setLocale(wanted).catch(() => {
    // The translation's chunk did not load (offline, a stale deploy): the texts stay in the locale they are in.
  });
}

/** The locale the texts are in now (until a translation has arrived, the one before), for their `lang` attribute. */
export function renderedLocale(): string {
  return localization?.getLocale() ?? sourceLocale;
}
