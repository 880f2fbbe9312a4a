import { useCallback, useEffect, type ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { Lang } from './messages';
import { I18nProvider, storedLanguage } from './I18nProvider';

const isLang = (value: string | null): value is Lang => value === 'zh' || value === 'en';

/** `search` (`?a=1` or '') with the language added, for links that keep it. */
export function withLanguage(search: string, lang: Lang): string {
  const params = new URLSearchParams(search);
  params.set('lang', lang);
  return `?${params.toString()}`;
}

/**
 * The interface language lives in the URL (`?lang=en`), so a shared link opens in the sender's
 * language. The URL is its only source: a switch is a step in the history that Back undoes, and a
 * URL without a language opens in the reader's stored choice, which is then added to it in place.
 * (Keeping a second copy in state and syncing it by effects lost a Back pressed before the switch's
 * navigation had rendered: the page stayed in the other language.)
 */
export function UrlLanguageProvider({ children }: { children: ReactNode }) {
  const [searchParams, setSearchParams] = useSearchParams();
  const inUrl = searchParams.get('lang');
  const lang = isLang(inUrl) ? inUrl : storedLanguage();

  useEffect(() => {
    if (!isLang(inUrl)) setSearchParams((previous) => withLanguage(previous.toString(), lang), { replace: true });
  }, [inUrl]);

  const switchTo = useCallback(
    (next: Lang) => setSearchParams((previous) => withLanguage(previous.toString(), next)),
    [setSearchParams],
  );

  return (
    <I18nProvider lang={lang} onLangChange={switchTo}>
      {children}
    </I18nProvider>
  );
}
