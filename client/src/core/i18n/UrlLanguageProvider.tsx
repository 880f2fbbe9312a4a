import { useCallback, useEffect, type ReactNode } from 'react';
import { useLocation, useSearchParams } from 'react-router-dom';
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
 * Whether the browser's history is still at the entry rendered as `key`. A Back pressed between a navigation and
 * this provider's effect has moved it elsewhere, and adding the language "in place" would then replace that other
 * entry with this page: Back seemed to do nothing. The history's state is React Router's (`key`, and `idx`, which
 * it sets on every entry of a browser history, the first one's key being 'default'); a memory router leaves the
 * window's history alone, so there is nothing to compare.
 */
function stillAt(key: string): boolean {
  const state: unknown = window.history.state;
  if (typeof state !== 'object' || state === null || !('idx' in state)) return true;
  return ((state as { key?: string }).key ?? 'default') === key;
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
  const { key } = useLocation();
  const inUrl = searchParams.get('lang');
  const lang = isLang(inUrl) ? inUrl : storedLanguage();

  useEffect(() => {
    if (isLang(inUrl) || !stillAt(key)) return;
    setSearchParams((previous) => withLanguage(previous.toString(), lang), { replace: true });
  }, [inUrl, key]);

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
