// The SQLite store's public face.
export { openSqliteStore } from './sqlite-store.ts';
