-- What a data team would write in an afternoon: n, Σx and Σx² of the four case indicators per unit and
-- day, from the raw exports in their three dialects, keeping the latest version of each case as known on
-- the night evaluated. The same rules as Gevinst: a row whose values do not parse is left out
-- (ignore_errors), as are rows without case_id, unit or opened_at, with a decision before the opening,
-- or with a negative or implausible handling time. Within a file, a case's second row with the same
-- updated_at is a duplicate, and the same citizen, case type and opening time under a second case id is
-- one case registered twice: the first line wins both (WITH ORDINALITY numbers the rows in file order).
-- A version is known from updated_at, else decided_at, else opened_at; the latest updated_at wins, then
-- the file that sorts later.
-- bin/benchmark fills in the DATA, AS_OF and OUT placeholders (bench/DuckDbScript.java).
COPY (
WITH versions AS (
    SELECT case_id, unit, case_type, citizen_id, opened_at, decided_at, handling_minutes, reopened, appealed, appeal_overturned,
           updated_at, filename, ordinality
    FROM read_csv('${DATA}/cases/ydelse-*.csv', delim = ',', quote = '"', header = true, ignore_errors = true, filename = true,
                  columns = {case_id: 'VARCHAR', unit: 'VARCHAR', case_type: 'VARCHAR', opened_at: 'TIMESTAMP', decided_at: 'TIMESTAMP',
                             handling_minutes: 'DOUBLE', caseworker_id: 'VARCHAR', citizen_id: 'VARCHAR', reopened: 'BOOLEAN',
                             appealed: 'BOOLEAN', appeal_overturned: 'BOOLEAN', updated_at: 'TIMESTAMP', note: 'VARCHAR'}) WITH ORDINALITY
    UNION ALL
    -- Windows-1252 (latin-1 covers every letter the exports use), semicolons, decimal commas, ja/nej.
    SELECT case_id, unit, case_type, citizen_id, opened_at, decided_at, handling_minutes, reopened = 'ja', appealed = 'ja',
           appeal_overturned = 'ja', updated_at, filename, ordinality
    FROM read_csv('${DATA}/cases/jobcenter-*.csv', delim = ';', quote = '"', header = true, ignore_errors = true, filename = true,
                  encoding = 'latin-1', decimal_separator = ',', timestampformat = '%Y-%m-%d %H:%M:%S',
                  columns = {case_id: 'VARCHAR', unit: 'VARCHAR', case_type: 'VARCHAR', opened_at: 'TIMESTAMP', decided_at: 'TIMESTAMP',
                             handling_minutes: 'DOUBLE', caseworker_id: 'VARCHAR', citizen_id: 'VARCHAR', reopened: 'VARCHAR',
                             appealed: 'VARCHAR', appeal_overturned: 'VARCHAR', updated_at: 'TIMESTAMP'}) WITH ORDINALITY
    UNION ALL
    SELECT case_id, unit, case_type, citizen_id, try_cast(opened_at AS TIMESTAMP), try_cast(decided_at AS TIMESTAMP), handling_minutes,
           reopened, appealed, appeal_overturned, try_cast(updated_at AS TIMESTAMP), filename, ordinality
    FROM read_json('${DATA}/cases/borgerservice-*.jsonl', format = 'newline_delimited', filename = true, ignore_errors = true,
                   columns = {case_id: 'VARCHAR', unit: 'VARCHAR', case_type: 'VARCHAR', citizen_id: 'VARCHAR', opened_at: 'VARCHAR',
                              decided_at: 'VARCHAR', handling_minutes: 'DOUBLE', reopened: 'BOOLEAN', appealed: 'BOOLEAN',
                              appeal_overturned: 'BOOLEAN', updated_at: 'VARCHAR'}) WITH ORDINALITY
),
accepted AS (
    SELECT * FROM versions
    WHERE case_id IS NOT NULL AND unit IS NOT NULL AND opened_at IS NOT NULL
      AND (decided_at IS NULL OR decided_at >= opened_at)
      AND (handling_minutes IS NULL OR handling_minutes BETWEEN 0 AND 10080)
    QUALIFY row_number() OVER (PARTITION BY filename, case_id, updated_at ORDER BY ordinality) = 1
),
registered_once AS (
    SELECT * FROM accepted
    QUALIFY citizen_id IS NULL
         OR case_id = first_value(case_id) OVER (PARTITION BY filename, citizen_id, case_type, opened_at ORDER BY ordinality)
),
latest AS (
    SELECT * FROM registered_once
    WHERE CAST(coalesce(updated_at, decided_at, opened_at) AS DATE) <= DATE '${AS_OF}'
    QUALIFY row_number() OVER (PARTITION BY case_id ORDER BY updated_at DESC NULLS LAST, filename DESC) = 1
)
SELECT unit, CAST(decided_at AS DATE) AS day, o.indicator, count(*) AS n, sum(o.v) AS sum, sum(o.v * o.v) AS sum_sq
FROM latest, (VALUES
        ('handling_time', handling_minutes),
        ('processing_days', epoch(decided_at - opened_at) / 86400.0),
        ('first_time_right', CASE WHEN reopened THEN 0.0 ELSE 1.0 END),
        ('appeal_overturn_rate', CASE WHEN appealed THEN CASE WHEN appeal_overturned THEN 1.0 ELSE 0.0 END END)) AS o(indicator, v)
WHERE decided_at IS NOT NULL AND o.v IS NOT NULL AND CAST(decided_at AS DATE) <= DATE '${AS_OF}'
GROUP BY ALL
) TO '${OUT}' (FORMAT csv, HEADER true)
