import { emit } from '../events.js';
import type { SdkView } from '../zoom-join-error.js';
import { DEFAULT_SDK_LANGUAGE, SDK_LANGUAGES, sdkLanguageOf } from '../sdk/languages.js';

/**
 * Follows the element's `lang` in a meeting: the SDK switches where it can (the Client View), and otherwise a
 * `zoom-warning` (`lang-next-join`) says the language applies from the next join. Returns the stop function.
 */
export function watchLanguage(
  host: HTMLElement,
  settings: { view: SdkView; joinedIn: string; setLanguage(language: string): Promise<boolean> },
): () => void {
  let current = settings.joinedIn;
  const observer = new MutationObserver(() => {
    const lang = host.getAttribute('lang')?.trim() ?? '';
    const language = lang ? sdkLanguageOf(lang) : DEFAULT_SDK_LANGUAGE;
    if (!language) {
      emit(host, 'zoom-warning', {
        code: 'attribute-invalid',
        message: `lang="${lang.slice(0, 40)}" is not a language the Zoom SDK has (${SDK_LANGUAGES.join(', ')}); the meeting stays in ${current}.`,
      });
      return;
    }
    if (language === current) return;
    current = language;
    void settings
      .setLanguage(language)
      .catch(() => false)
      .then((switched) => {
        if (switched || current !== language) return;
        const why =
          settings.view === 'component'
            ? 'the Component View cannot change its language during a meeting'
            : 'the Zoom SDK did not switch its language in this meeting';
        emit(host, 'zoom-warning', { code: 'lang-next-join', message: `lang="${lang.slice(0, 40)}" (${language}) applies from the next join: ${why}.` });
      });
  });
  observer.observe(host, { attributes: true, attributeFilter: ['lang'] });
  return () => observer.disconnect();
}
