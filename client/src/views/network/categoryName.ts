import { useCallback } from 'react';
import { useI18n, type MessageKey } from '../../core/i18n';
import { jurisdictionsOf } from '../../core/scope/scope';
import { useScope } from '../../core/scope/ScopeProvider';
import type { Colouring } from '../../core/network/explore';

/** `0:数据组|3:Finance circle` ↔ { '0': '数据组', '3': 'Finance circle' }: user names of communities, in the URL. */
export function parseCommunityNames(text: string): Record<string, string> {
  const names: Record<string, string> = {};
  for (const entry of text.split('|')) {
    const separator = entry.indexOf(':');
    if (separator > 0) names[entry.slice(0, separator)] = entry.slice(separator + 1);
  }
  return names;
}

export const formatCommunityNames = (names: Record<string, string>): string =>
  Object.entries(names)
    .filter(([, name]) => name.trim() !== '')
    .map(([community, name]) => `${community}:${name.replace(/[|]/g, ' ').trim()}`)
    .join('|');

/** A category's name in the legend, the captions and the exports. */
export function useCategoryName(communityNames: Record<string, string>) {
  const { t } = useI18n();
  const { documents } = useScope();
  return useCallback(
    (colouring: Colouring, category: string): string => {
      switch (colouring) {
        case 'community':
          return communityNames[category] || t('network.community', { n: category });
        case 'kind':
          return t(`kind.${category}` as MessageKey);
        case 'overloaded':
          return t(category === 'overloaded' ? 'workload.overloaded' : 'explore.notOverloaded');
        case 'jurisdiction':
          return jurisdictionsOf(documents).find((entry) => entry.jurisdiction.code === category)?.jurisdiction.name ?? category;
        case 'function':
          return category === '' ? t('explore.noFunction') : category.replace(/-/g, ' ');
        default:
          return category;
      }
    },
    [communityNames, documents, t],
  );
}
