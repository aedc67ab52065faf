import { prepare } from './portal.ts';
const engine = process.argv[2] as 'pglite' | 'postgres';
const years = Number(process.argv[3]);
await prepare({ years, seed: 1, postgresUrl: 'postgres://postgres@127.0.0.1:5432/postgres' } as never, engine, 'gen');
console.log('done', engine, years);
