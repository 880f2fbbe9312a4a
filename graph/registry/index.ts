export { createRegistry, loadRegistry, DEFAULT_REGISTRY_PATH, type UnitRegistry } from './registry';
export { simplifyUnits, toSimplified, unitKey } from './normalize';
export { looksLikeOrganisation, functionOfHead, ORGANISATION_HEAD } from './lexicon';
export { scopeName, levelPrefix, type ScopedName } from './scope';
