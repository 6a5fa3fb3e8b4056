export * from './app';
export * from './basemap';
export * from './channels';
export * from './live';
export * from './parse';
export * from './types';
export * from './wire';
export * from './bridge';
