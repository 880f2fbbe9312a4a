/** Work plans of any size in the genre, for load, limit and fault tests (the numbering repeats past 九十九). */
import { chineseNumeral } from '../../bench/synth/document';

const UNITS = ['省发展改革委', '省科技厅', '省工业和信息化厅', '省财政厅', '省商务厅', '省政务服务数据管理局'];

/**
 * `items` items in at most 99 sections (section numbers must not repeat: the loader refuses a document with two
 * 三、), each with a clause naming a lead and two co-responsible units.
 */
export function largePlan(title: string, items: number): string {
  const lines = [`${title}工作要点`, ''];
  const perSection = Math.ceil(items / 99);
  for (let i = 0; i < items; i++) {
    if (i % perSection === 0) lines.push(`${chineseNumeral(i / perSection + 1)}、推进第${i / perSection + 1}组任务`, '');
    const [lead, co1, co2] = [UNITS[i % 6], UNITS[(i + 1) % 6], UNITS[(i + 2) % 6]];
    lines.push(`（${chineseNumeral((i % 99) + 1)}）建设第${i + 1}号平台。完善数据共享机制。（${lead}牵头，${co1}、${co2}按职责分工负责）`, '');
  }
  return lines.join('\n');
}
