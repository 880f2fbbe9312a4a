import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router-dom';
import type { UnitKind, UnitSummary } from '../core/api';
import { I18nProvider, type Lang } from '../core/i18n';

/** Renders inside the providers every view has: a router and the language. */
export function renderWithApp(ui: ReactElement, { lang = 'zh' as Lang, route = '/' } = {}): RenderResult {
  return render(
    <MemoryRouter initialEntries={[route]}>
      <I18nProvider lang={lang}>{ui}</I18nProvider>
    </MemoryRouter>,
  );
}

export const unit = (id: string, shortName: string, nameEn: string, kind: UnitKind = 'department'): UnitSummary => ({
  id,
  name: `广东${shortName}`,
  shortName,
  nameEn,
  kind,
  jurisdiction: '440000',
  level: 'province',
  provisional: false,
});
