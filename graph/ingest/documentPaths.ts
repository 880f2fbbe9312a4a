/**
 * What `cli ingest` is given, as document files: a file stands for itself, a folder for every
 * `*.txt` below it (their `.meta.json` sidecars are read beside them), a pattern with `*`, `**`
 * or `?` for the files it matches. Node 20 has no fs.glob and no glob library is a dependency, so
 * a pattern is matched by walking the folder before its first wildcard with a filter; the shell
 * still expands unquoted patterns itself, and quoting one is how a list too long for the command
 * line gets in (as is `-`, a list on standard input).
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { InvalidInputError } from '../errors';

const WILDCARD = /[*?]/;

/** Every file below `dir`, sorted, as paths that start with `dir`. */
function filesBelow(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch (error) {
    throw new InvalidInputError(dir, `cannot read the folder: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return names
    .map((name) => join(dir, name))
    .filter((path) => statSync(path, { throwIfNoEntry: false })?.isFile())
    .sort();
}

/** `*` within a name, `**` across folders, `?` one character; everything else literally. */
function patternMatcher(segments: readonly string[]): (path: string) => boolean {
  const source = segments
    .map((segment, index) => {
      const last = index === segments.length - 1;
      if (segment === '**') return last ? '.*' : '(?:[^/]+/)*';
      const name = segment.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
      return last ? name : `${name}/`;
    })
    .join('');
  const regex = new RegExp(`^${source}$`);
  return (path) => regex.test(path.split(sep).join('/'));
}

function matching(pattern: string): string[] {
  const segments = pattern.split(/[\\/]/);
  const firstWild = segments.findIndex((segment) => WILDCARD.test(segment));
  const base = segments.slice(0, firstWild).join('/') || '.';
  const matches = patternMatcher(segments.slice(firstWild));
  return filesBelow(base).filter((path) => matches(relative(base, path)));
}

/** The document files the targets name, in order, each once. Throws when a folder or pattern yields none. */
export function documentPaths(targets: readonly string[]): string[] {
  const paths = new Set<string>();
  for (const target of targets) {
    const stat = statSync(target, { throwIfNoEntry: false });
    let found: string[];
    if (stat?.isDirectory()) {
      found = filesBelow(target).filter((path) => path.endsWith('.txt'));
      if (found.length === 0) throw new InvalidInputError(target, 'the folder holds no *.txt document');
    } else if (!stat && WILDCARD.test(target)) {
      found = matching(target);
      if (found.length === 0) throw new InvalidInputError(target, 'no file matches this pattern');
    } else {
      found = [target]; // a missing file is reported with the others' outcomes
    }
    for (const path of found) paths.add(path);
  }
  return [...paths];
}
