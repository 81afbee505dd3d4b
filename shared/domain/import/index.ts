/** CSV import: pure parts shared by the backend and the UI (no Node APIs). */
export * from './csv';
export * from './dates';
export * from './draft';
export * from './encoding';
export * from './issues';
export * from './mapping';
export * from './preset';
export * from './read';
export * from './registry';
export * from './validate';
export * from './values';
