import { findJurisdiction, isWithin, NATIONAL_JURISDICTION, placesIn, townshipsNamedIn, type Jurisdiction } from '../jurisdiction';
import { toSimplified } from '../registry';

/** What the document says about whose it is, in decreasing order of authority. */
export interface JurisdictionEvidence {
  issuer?: string;
  title?: string;
  /** Other header lines: a second title line, 发文机关, the letter's own heading. */
  headerLines: string[];
  /** The signature and date after the last item. */
  signature: string[];
  /** The preamble and salutation (各区人民政府，市政府各部门：). */
  preamble: string[];
}

/** The State Council, the Party Centre, a ministry or a 国家… administration issues national plans. */
const NATIONAL_ISSUER = /^(?:国务院|中共中央|中央|全国|国家)|^[^省市区县州盟旗]{1,12}(?:部|总局|总署|委员会)(?:办公厅)?$/;
const NATIONAL_TITLE = /^(?:国务院|中共中央|国务院办公厅|中共中央办公厅)/;
/** Preambles are long; place names that matter come early. */
const PREAMBLE_SCAN_LIMIT = 2000;

/**
 * The government a place mention in `text` makes more precise: inside `current` (广东省 … 佛山市
 * → 佛山市), or the first unambiguous place when nothing is known yet.
 */
function narrow(current: Jurisdiction | undefined, text: string): Jurisdiction | undefined {
  let found = current;
  for (const mention of placesIn(text)) {
    const inside = found ? mention.candidates.filter((c) => c.code !== found!.code && isWithin(c.code, found!.code)) : [];
    if (inside.length === 1) found = inside[0];
    else if (!found) found = mention.candidates.length === 1 ? mention.candidates[0] : findJurisdiction(mention.name);
  }
  return found;
}

/**
 * Whose plan it is: national for the State Council, the Party Centre and ministries; otherwise the
 * most precise government the issuer, title, header lines and signature name, each narrowing the
 * one before (广东省 → 佛山市 → 南海区). The preamble only decides when those name no place: a
 * provincial plan's preamble may well mention its cities.
 */
export function detectJurisdiction(evidence: JurisdictionEvidence): Jurisdiction | undefined {
  const issuer = evidence.issuer && toSimplified(evidence.issuer);
  const title = evidence.title && toSimplified(evidence.title);
  const authoritative = [issuer, title, ...evidence.headerLines, ...evidence.signature].filter((s): s is string => !!s).map(toSimplified);
  let found: Jurisdiction | undefined;
  for (const text of authoritative) found = narrow(found, text);
  // A township's plan (佛山市南海区狮山镇…) names its town after the county that holds it.
  if (found && (found.level === 'county' || found.level === 'prefecture')) {
    const county = found.code;
    found = authoritative.map((text) => townshipsNamedIn(text, county)[0]).find((t) => t !== undefined) ?? found;
  }
  if (found) return found;
  if ((issuer && NATIONAL_ISSUER.test(issuer)) || (title && NATIONAL_TITLE.test(title))) return NATIONAL_JURISDICTION;
  return narrow(undefined, toSimplified(evidence.preamble.join('\n').slice(0, PREAMBLE_SCAN_LIMIT)));
}
