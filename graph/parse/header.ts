import type { DocumentSidecar } from '../model';
import { toSimplified } from '../registry';
import type { Paragraph } from './paragraphs';

/** What the lines before the first section or item say about the document. */
export interface DocumentHeader {
  title?: string;
  issuer?: string;
  publishedAt?: string;
  viewCount?: number;
  year?: number;
  preamble?: string;
  /** Title-like lines other than the title: what jurisdiction detection reads besides issuer and title. */
  headerLines: string[];
  /** Preamble paragraphs and the salutation (各区人民政府，市政府各部门：). */
  preambleLines: string[];
}

const VIEW_COUNT = /^(?:浏览量|浏览次数|阅读量|访问量)：?(\d+)/;
const PUBLISHED = /^(?:发布时间|发布日期|公开日期)：?(\d{4})[/\-.年](\d{1,2})[/\-.月](\d{1,2})/;
/** Page furniture and letter parts that are neither title nor preamble. */
const FURNITURE = /^(?:来源|索引号|发文字号|发文机关|主题分类|成文日期|字号|分享|打印|【|\[)|〔\d{4}〕\d+号$|^\d{4}年\d{1,2}月\d{1,2}日$|：$/;
const ISSUER_BEFORE_ABOUT = /^(.*?(?:国务院|办公厅|办公室|人民政府|委员会|小组|部|厅|局|委|办))关于/;
const PROSE = /[。，；]/;

const pad = (n: string) => n.padStart(2, '0');

/**
 * `X关于印发Y的通知` → [X, Y]: the issuer before the first 关于印发 and the title after it, without 的通知. What
 * `/^(.+?)关于印发(.+?)(?:的通知)?$/` matched, in one pass: that pattern took quadratic time on a line of
 * repeated 关于印发 (tests/reliability/regex-safety.test.ts).
 */
function splitHeadline(headline: string): [issuer: string, title: string] | null {
  if (/[\n\r\u2028\u2029]/.test(headline)) return null;
  const at = headline.indexOf('关于印发', 1);
  if (at < 0) return null;
  const rest = headline.slice(at + '关于印发'.length);
  const title = rest.length > '的通知'.length && rest.endsWith('的通知') ? rest.slice(0, -'的通知'.length) : rest;
  // 关于印发《Y》的通知 quotes the plan's title; the title is Y, without the book-title marks.
  const quoted = title.length > 2 && title.startsWith('《') && title.endsWith('》') && !title.slice(1, -1).includes('》');
  const issuer = headline.slice(0, at);
  if (quoted) return [issuer, title.slice(1, -1)];
  return title.length > 0 ? [issuer, title] : null;
}

export function readHeader(paragraphs: readonly Paragraph[], sidecar: DocumentSidecar | undefined): DocumentHeader {
  let viewCount: number | undefined;
  let publishedAt: string | undefined;
  const titleGroups: string[] = [];
  const preamble: string[] = [];
  const salutations: string[] = [];
  let previousWasTitle = false;
  for (const { body } of paragraphs) {
    const text = body.text;
    // Matched in simplified form (a repost writes 發佈日期), kept as written.
    const simplified = toSimplified(text);
    const views = VIEW_COUNT.exec(simplified);
    const date = PUBLISHED.exec(simplified);
    let isTitle = false;
    if (views) viewCount = Number(views[1]);
    else if (date) publishedAt = `${date[1]}-${pad(date[2]!)}-${pad(date[3]!)}`;
    else if (FURNITURE.test(simplified)) {
      if (text.endsWith('：')) salutations.push(text);
    } else if (PROSE.test(text)) preamble.push(text);
    else {
      isTitle = true;
      // Consecutive title lines are one title broken over lines (国务院关于做好… / 促进就业工作的若干意见).
      if (previousWasTitle) titleGroups[titleGroups.length - 1] += text;
      else titleGroups.push(text);
    }
    previousWasTitle = isTitle;
  }
  const headline = titleGroups[0];
  const printed = headline ? splitHeadline(toSimplified(headline)) : null;
  // `X办公室关于印发Y的通知` prints Y again below the letter: the document is Y, issued by X. The parts are
  // cut from the headline as written (simplification keeps every character where it is).
  const titleStart = printed ? toSimplified(headline!).indexOf(printed[1], printed[0].length) : 0;
  const printedTitle = printed && headline!.slice(titleStart, titleStart + printed[1].length);
  const title = printed ? (titleGroups.find((group, i) => i > 0 && toSimplified(group).includes(printed[1])) ?? printedTitle!) : headline;
  const about = headline ? ISSUER_BEFORE_ABOUT.exec(toSimplified(headline)) : null;
  const issuer = printed ? headline!.slice(0, printed[0].length) : about ? headline!.slice(0, about[1]!.length) : undefined;
  const finalTitle = sidecar?.title ?? title;
  const finalIssuer = sidecar?.issuer ?? issuer;
  const finalPublished = sidecar?.publishedAt ?? publishedAt;
  const yearInTitle = finalTitle ? /(\d{4})年/.exec(finalTitle)?.[1] : undefined;
  return {
    title: finalTitle,
    issuer: finalIssuer,
    publishedAt: finalPublished,
    viewCount,
    year: sidecar?.year ?? (yearInTitle ? Number(yearInTitle) : finalPublished ? Number(finalPublished.slice(0, 4)) : undefined),
    preamble: preamble.length > 0 ? preamble.join('\n') : undefined,
    headerLines: titleGroups.filter((group) => group !== finalTitle),
    preambleLines: [...salutations, ...preamble],
  };
}
