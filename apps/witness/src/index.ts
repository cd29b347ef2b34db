export * from './witness';
export * from './witness-server';
