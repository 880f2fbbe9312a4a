export * from './unit';
export * from './document';
