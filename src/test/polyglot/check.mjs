// Parses each statement of a JSON file ([{"source": "...", "sql": "..."}]) with polyglot-sql's Snowflake dialect and
// prints one JSON line per statement: {"source": ..., "ok": true} or {"source": ..., "ok": false, "error": ...}.
// SnowflakeSqlParseTest writes the file, runs this, and decides which failures are known gaps of the parser.
import { readFileSync } from 'node:fs';
import { parse, Dialect, getVersion } from '@polyglot-sql/sdk';

const statements = JSON.parse(readFileSync(process.argv[2], 'utf8'));
console.log(JSON.stringify({ parser: '@polyglot-sql/sdk ' + getVersion() }));
for (const { source, sql } of statements) {
    const result = parse(sql, Dialect.Snowflake);
    console.log(JSON.stringify(result.success ? { source, ok: true } : { source, ok: false, error: result.error }));
}
