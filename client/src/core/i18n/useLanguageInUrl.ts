import { useEffect } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { Lang } from './messages';
import { useI18n } from './I18nProvider';

const isLang = (value: string | null): value is Lang => value === 'zh' || value === 'en';

/**
 * The interface language lives in the URL (`?lang=en`), so a shared link opens in the sender's
 * language: a link's language wins (also when Back returns to one in the other language), and a
 * URL without one gets the current language added, in place.
 */
export function useLanguageInUrl(): void {
  const { lang, setLang } = useI18n();
  const [searchParams, setSearchParams] = useSearchParams();
  const inUrl = searchParams.get('lang');

  useEffect(() => {
    if (isLang(inUrl) && inUrl !== lang) setLang(inUrl);
    // Only the URL moving decides here; a language switch writes the URL itself (withLanguage).
  }, [inUrl]);

  useEffect(() => {
    if (!isLang(inUrl) || inUrl !== lang) {
      setSearchParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          next.set('lang', lang);
          return next;
        },
        // Adding the missing language is no step of its own; switching it is one Back can undo.
        { replace: !isLang(inUrl) },
      );
    }
  }, [lang]);
}

/** `search` (`?a=1` or '') with the language added, for links that keep it. */
export function withLanguage(search: string, lang: Lang): string {
  const params = new URLSearchParams(search);
  params.set('lang', lang);
  return `?${params.toString()}`;
}
