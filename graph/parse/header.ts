import type { DocumentSidecar } from '../model';
import { toSimplified, type UnitRegistry } from '../registry';
import type { Paragraph } from './paragraphs';

/** What the lines before the first section or item say about the document. */
export interface DocumentHeader {
  title?: string;
  issuer?: string;
  publishedAt?: string;
  viewCount?: number;
  year?: number;
  preamble?: string;
  jurisdiction?: string;
}

const VIEW_COUNT = /^(?:浏览量|浏览次数|阅读量|访问量)：?(\d+)/;
const PUBLISHED = /^(?:发布时间|发布日期|公开日期)：?(\d{4})[/\-.年](\d{1,2})[/\-.月](\d{1,2})/;
/** Page furniture and letter parts that are neither title nor preamble. */
const FURNITURE = /^(?:来源|索引号|发文字号|发文机关|主题分类|成文日期|字号|分享|打印|【|\[)|〔\d{4}〕\d+号$|^\d{4}年\d{1,2}月\d{1,2}日$|：$/;
const ISSUER_BEFORE_ABOUT = /^(.*?(?:国务院|办公厅|办公室|人民政府|委员会|小组|部|厅|局|委|办))关于/;
const PROSE = /[。，；]/;

/**
 * Whose units a document names, when its sidecar does not say: a Guangdong body or city in the
 * issuer or title makes it Guangdong's, the State Council's offices make it national, and another
 * province stands for itself (`浙江省`), so that its 省科技厅 is never taken for Guangdong's.
 */
function guessJurisdiction(issuer: string | undefined, title: string | undefined, registry: UnitRegistry): string | undefined {
  const words = toSimplified(`${issuer ?? ''}${title ?? ''}`);
  if (/广东|粤/.test(words)) return 'guangdong';
  if (/^(国务院|中共中央|国家|中央)/.test(words)) return 'national';
  const city = registry.all().find((unit) => unit.kind === 'city' && !unit.provisional && words.includes(unit.shortName.replace(/政府$/, '')));
  if (city) return city.jurisdiction;
  return /^[\u4e00-\u9fff]{2,7}?(省|自治区)/.exec(words)?.[0];
}

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
  return title.length > 0 ? [headline.slice(0, at), title] : null;
}

export function readHeader(paragraphs: readonly Paragraph[], sidecar: DocumentSidecar | undefined, registry: UnitRegistry): DocumentHeader {
  let viewCount: number | undefined;
  let publishedAt: string | undefined;
  const titleGroups: string[] = [];
  const preamble: string[] = [];
  let previousWasTitle = false;
  for (const { body } of paragraphs) {
    const text = body.text;
    const views = VIEW_COUNT.exec(text);
    const date = PUBLISHED.exec(text);
    let isTitle = false;
    if (views) viewCount = Number(views[1]);
    else if (date) publishedAt = `${date[1]}-${pad(date[2]!)}-${pad(date[3]!)}`;
    else if (FURNITURE.test(text)) {
      // skipped
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
  const printed = headline ? splitHeadline(headline) : null;
  // `X办公室关于印发Y的通知` prints Y again below the letter: the document is Y, issued by X.
  const title = printed ? (titleGroups.find((group, i) => i > 0 && group.includes(printed[1])) ?? printed[1]) : headline;
  const issuer = printed?.[0] ?? (headline ? ISSUER_BEFORE_ABOUT.exec(headline)?.[1] : undefined);
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
    jurisdiction: sidecar?.jurisdiction ?? guessJurisdiction(finalIssuer, finalTitle, registry),
  };
}
