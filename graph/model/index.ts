export * from './jurisdiction';
export * from './unit';
export * from './document';
