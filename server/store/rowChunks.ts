// Multi-row statements (inserts, upserts, IN lists) go out in chunks of one size, far below
// both engines' limits on bound parameters (SQLite 32,766, PostgreSQL 65,535): a records row
// binds 13 values, so a chunk of them binds 5,200.
export const ROWS_PER_STATEMENT = 400;

/** `rows` in consecutive slices of ROWS_PER_STATEMENT (none for no rows). */
export function* inChunks<T>(rows: readonly T[]): Generator<T[]> {
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) yield rows.slice(start, start + ROWS_PER_STATEMENT);
}
