import { backupPglite } from './src/db/backup/pglite.ts';
const t = setInterval(() => console.error('heap', Math.round(process.memoryUsage().heapUsed/1e6), 'ext', Math.round(process.memoryUsage().external/1e6), 'ab', Math.round(process.memoryUsage().arrayBuffers/1e6)), 2000);
await backupPglite('/tmp/bk/src', '/tmp/bk/out.sql.gz');
clearInterval(t);
console.error('done');
