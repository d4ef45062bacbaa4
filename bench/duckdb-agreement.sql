-- Do Gevinst's published day cells hold what DuckDB computed from the raw files? Every unsuppressed cell
-- of a case indicator (per pilot × indicator × unit × arm × period × day) must have the n, Σx and Σx² of
-- DuckDB's cell for the same unit, day and indicator; sums may differ only by summation order.
SELECT count(*) AS gevinst_cells,
       count(d.n) AS found_in_duckdb,
       count(*) FILTER (WHERE d.n = g.n
                          AND abs(d.sum - g.sum) <= 1e-9 * greatest(1, abs(g.sum))
                          AND abs(d.sum_sq - g.sum_sq) <= 1e-9 * greatest(1, abs(g.sum_sq))) AS equal
FROM read_parquet('${CELLS}/*.parquet') AS g
LEFT JOIN read_csv('${DUCKDB_CELLS}', header = true) AS d ON d.unit = g.unit AND d.day = g.day AND d.indicator = g.indicator
WHERE NOT g.suppressed AND g.indicator IN ('handling_time', 'processing_days', 'first_time_right', 'appeal_overturn_rate')
