export * from './bant';
export * from './content';
export * from './freemail';
export * from './gates';
export * from './preview';
export * from './rules';
export * from './score';
