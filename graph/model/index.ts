export * from './jurisdiction';
export * from './unit';
export * from './document';
export * from './commitments';
export * from './readModels';
export * from './filters';
export * from './page';
