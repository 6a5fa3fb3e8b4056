export * from './model';
export * from './vocabulary';
export * from './versions';
export * from './actions';
export * from './roles';
export * from './ids';
export * from './profile';
export * from './profilePlan';
