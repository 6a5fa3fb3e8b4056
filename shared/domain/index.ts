export * from './model';
export * from './vocabulary';
