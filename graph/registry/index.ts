export { createRegistry, loadRegistry, DEFAULT_REGISTRY_PATH, type UnitRegistry } from './registry';
export { toSimplified, unitKey } from './normalize';
