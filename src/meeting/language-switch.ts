import { msg, str } from '@lit/localize';
import { emit } from '../events.js';
import type { SdkView } from '../zoom-join-error.js';
import { DEFAULT_SDK_LANGUAGE, SDK_LANGUAGES, sdkLanguageOf } from '../sdk/languages.js';

/** Why the meeting keeps its language, per view (SDK 6.2.0, observed in both views joined to a meeting). */
function keepsLanguage(view: SdkView): string {
  return view === 'component'
    ? // Its languages are built into its bundle, chosen at init; it offers no call to change them afterwards.
      msg('the Component View cannot change its language during a meeting')
    : // ZoomMtg.i18n.load() in a meeting changes what getCurrentLang() says, but not one text of the meeting's UI.
      msg('the Client View cannot change its language during a meeting');
}

/**
 * Follows the element's `lang` in a meeting. Neither view of the SDK can change its language once it joined, so a
 * `zoom-warning` (`lang-next-join`) says the new language applies from the next join (which reads `lang` again).
 * Returns the stop function.
 */
export function watchLanguage(host: HTMLElement, settings: { view: SdkView; joinedIn: string }): () => void {
  let current = settings.joinedIn;
  const observer = new MutationObserver(() => {
    const lang = host.getAttribute('lang')?.trim() ?? '';
    const language = lang ? sdkLanguageOf(lang) : DEFAULT_SDK_LANGUAGE;
    if (!language) {
      emit(host, 'zoom-warning', {
        code: 'attribute-invalid',
        message: msg(str`lang="${lang.slice(0, 40)}" is not a language the Zoom SDK has (${SDK_LANGUAGES.join(', ')}); the meeting stays in ${current}.`),
      });
      return;
    }
    if (language === current) return;
    current = language;
    emit(host, 'zoom-warning', {
      code: 'lang-next-join',
      message: msg(str`lang="${lang.slice(0, 40)}" (${language}) applies from the next join: ${keepsLanguage(settings.view)}.`),
    });
  });
  observer.observe(host, { attributes: true, attributeFilter: ['lang'] });
  return () => observer.disconnect();
}
