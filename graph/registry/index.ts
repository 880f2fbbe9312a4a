export { createRegistry, loadRegistry, DEFAULT_REGISTRY_PATH, UNKNOWN_JURISDICTION, type UnitRegistry } from './registry';
export { toSimplified, unitKey } from './normalize';
