import type { HoverInfo } from '../../graphView/CytoscapeView';
import { useI18n, type MessageKey } from '../../core/i18n';
import { ROLE_ORDER } from '../../core/domain/vocabulary';

/** Key figures of the element under the pointer. */
export function Tooltip({ info }: { info: HoverInfo }) {
  const { t, formatNumber } = useI18n();
  const data = info.data;
  const lines: string[] = [];
  if (data.type === 'unit') {
    lines.push(String(data.displayName));
    lines.push(`${t('workload.weightedLoad')}: ${formatNumber(Number(data.weightedLoad), 1)}`);
    lines.push(
      ROLE_ORDER.filter((role) => Number(data[role]) > 0)
        .map((role) => `${t(`role.${role}` as MessageKey)} ${data[role]}`)
        .join(' · '),
    );
    lines.push(
      data.community === null ? t('network.noCommunity') : t('network.community', { n: Number(data.community) }),
    );
    if (data.overloaded) lines.push(t('workload.overloaded'));
  } else if (data.type === 'item') {
    lines.push(`${String(data.label)} ${String(data.title)}`);
  } else if (data.type === 'tie') {
    lines.push(`${t('network.edgeWeight')}: ${Number(data.sharedItemCount)}`);
    const listed = data.sharedItems as string[];
    // A drawing lists a preview of a tie's shared items; the count is of them all.
    const more = Number(data.sharedItemCount) > listed.length ? ` ${t('tie.moreItems', { n: Number(data.sharedItemCount) })}` : '';
    lines.push(`${listed.join(' ')}${more}`);
  } else if (data.type === 'role') {
    lines.push(`${t(`role.${String(data.role)}` as MessageKey)} 「${String(data.nameAsWritten)}」`);
    if (data.inferred) lines.push(t('marker.inferred'));
  }
  return (
    <div className="tooltip" role="tooltip" style={{ left: info.x + 14, top: info.y + 14 }}>
      {lines.filter(Boolean).map((line, index) => (
        <div key={index}>{line}</div>
      ))}
    </div>
  );
}
