/** `--jurisdiction <code|name>` of `parse` and `ingest`: checked against the division table before any file is read. */
import { InvalidArgumentError } from 'commander';
import { findJurisdiction } from '../../graph/jurisdiction';

function checkJurisdiction(value: string): string {
  const found = findJurisdiction(value);
  if (!found) throw new InvalidArgumentError(`'${value}' is no GB/T 2260 code or place name known uniquely (give the 6-digit code, or the name with its province)`);
  return found.code;
}

export const jurisdictionOption = [
  '--jurisdiction <code|name>',
  'whose plan it is (440600, 佛山市, 佛山, 全国), overriding the sidecar and detection',
  checkJurisdiction,
] as const;
