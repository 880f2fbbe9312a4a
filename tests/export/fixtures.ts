/** A snapshot whose names would break naive CSV and XML writers, and a fixed clock. */
import type { Snapshot } from '../../graph/model';
import { snapshotOf, unit } from '../analytics/fixtures';

export const NOW = () => new Date('2026-03-01T08:00:00.000Z');

const named = (id: string, name: string, kind: Parameters<typeof unit>[1] = 'department') => ({ ...unit(id, kind), name, shortName: name });

export const TRICKY: Snapshot = snapshotOf(
  [
    named('u.formula', '=HYPERLINK("http://x","点")'),
    named('u.comma', '省发展改革委, "规划" 处'),
    named('u.newline', '两行\n名称'),
    named('u.plus', '+科技厅 & <实验室>'),
    named('u.plain', '省工业和信息化厅'),
    named('u.city', '广州市政府', 'city'),
    named('u.generic', '相关市政府', 'generic'),
  ],
  [
    { label: '（一）', title: '-开头的标题', owners: [['u.plain', 'lead'], ['u.formula', 'co'], ['u.comma', 'co'], ['u.generic', 'implement']] },
    { label: '（二）', owners: [['u.plain', 'lead'], ['u.newline', 'co'], ['u.city', 'implement']] },
    { label: '（三）', owners: [['u.plus', 'lead', true], ['u.plain', 'co']] },
    { label: '（四）', owners: [['u.comma', 'co'], ['u.formula', 'co']] },
  ],
);
