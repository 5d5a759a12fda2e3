#!/usr/bin/env bash
# Grows a database that holds an imported corpus (the BBC, after scripts/bench-import.sh) to at least N articles, for
# measuring the read path at scale (scripts/bench-read.sh). A bulk path, not the import pipeline: copy k of every
# stored article gets its own id, file, content hash and dates (moved back k × 13 days, so that the copies spread
# over decades and date filters and cursors see a realistic spread), and its entity links, events (a copy per
# k, with their readings and participants) are copied with it, so that term, person and event frequencies stay those
# of the corpus, scaled. Entity counts are recomputed at the end.
#
#   scripts/grow-database.sh [N]        default 1000000
#
# Shortcuts a benchmark database can take and a real one cannot (so never point this at data you keep): the text
# vector of a copy is copied, not recomputed (the generated column becomes a plain one), so are its stored dates (their
# values not moved with the copy's publication date: their size and shape is what the read path sees), copies keep no raw bytes,
# mentions, quotes and stories are not copied, and indexes are dropped during the load and rebuilt after.
#
# Uses ConnectionStrings__News's server (database newsapi_bench unless NEWSAPI_GROW_DATABASE names another), else the
# private cluster of scripts/local-postgres.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:-1000000}
if [ -z "${ConnectionStrings__News:-}" ]; then
  eval "$(scripts/local-postgres.sh start "$PWD/.data/postgres")"
fi
database=${NEWSAPI_GROW_DATABASE:-newsapi_bench}
part() { printf '%s' "$ConnectionStrings__News" | tr ';' '\n' | sed -n "s/^$1=//p"; }
export PGPASSWORD=$(part Password)
psql_db() { psql -h "$(part Host)" -p "$(part Port)" -U "$(part Username)" -d "$database" -v ON_ERROR_STOP=1 -qAt "$@"; }

base=$(psql_db -c "SELECT count(*) FROM articles WHERE id < 10000")
[ "$base" -gt 0 ] || { echo "grow-database: $database holds no imported articles; run scripts/bench-import.sh first" >&2; exit 2; }
# Copy k of record n gets id k × 10000 + n: the corpus's own ids must stay below 10000, and nothing may be grown yet.
too_large=$(psql_db -c "SELECT (SELECT count(*) FROM articles WHERE id >= 10000) + (SELECT count(*) FROM events WHERE id >= 10000)")
[ "$too_large" -eq 0 ] || { echo "grow-database: $database has ids of 10000 or more (grown already, or a corpus too large to copy this way)" >&2; exit 2; }
copies=$(( (target + base - 1) / base - 1 ))
echo "grow-database: $base articles, $copies copies of each to reach $(( base * (copies + 1) ))" >&2
started=$(date +%s)

psql_db <<'SQL'
SET maintenance_work_mem = '1GB';
ALTER TABLE articles ALTER COLUMN search_vector DROP EXPRESSION IF EXISTS;
-- The secondary indexes of the tables that grow, kept to be rebuilt as they were.
CREATE TABLE IF NOT EXISTS grow_index_definitions AS
  SELECT indexname, indexdef FROM pg_indexes
  WHERE schemaname = 'public' AND tablename IN ('articles', 'article_entities', 'events', 'article_events', 'event_participants')
    AND indexname NOT LIKE 'pk_%';
DO $$ DECLARE r record; BEGIN
  FOR r IN SELECT indexname FROM grow_index_definitions LOOP EXECUTE format('DROP INDEX IF EXISTS %I', r.indexname); END LOOP;
END $$;
SQL

# One statement per table per chunk of copies: ids are k × 10000 + the original id (the corpus has fewer than 10000).
chunk=20
for ((from = 1; from <= copies; from += chunk)); do
  to=$(( from + chunk - 1 < copies ? from + chunk - 1 : copies ))
  psql_db -v from="$from" -v to="$to" <<'SQL'
BEGIN;
INSERT INTO articles (id, title, title_derived, subtitle, authors, source_id, dateline, published_at, sort_date, language, word_count,
                      body, file, content_hash, raw_bytes, encoding, flags, imported_at, updated_at, search_vector, analysed_at,
                      pipeline_version, token_count, main_event, shingle_count, dates)
SELECT k * 10000 + a.id, a.title, a.title_derived, a.subtitle, a.authors, a.source_id, a.dateline,
       a.published_at - (k * 13), a.sort_date - k * interval '13 days', a.language, a.word_count,
       a.body, 'generated/' || k || '/' || a.file, encode(sha256(convert_to(a.content_hash || ':' || k, 'UTF8')), 'hex'), ''::bytea,
       a.encoding, a.flags, a.imported_at, a.updated_at, a.search_vector, a.analysed_at, a.pipeline_version, a.token_count,
       a.main_event, a.shingle_count, a.dates
FROM articles a CROSS JOIN generate_series(:from, :to) AS k WHERE a.id < 10000;
INSERT INTO article_entities (article_id, entity_id, mention_count, salience, match_reason)
SELECT k * 10000 + ae.article_id, ae.entity_id, ae.mention_count, ae.salience, ae.match_reason
FROM article_entities ae CROSS JOIN generate_series(:from, :to) AS k WHERE ae.article_id < 10000;
INSERT INTO events (id, type, cameo, title, date_value, date_until, date_precision, date_inferred, date_text, place_id, ordinal,
                    article_count, evidence_count, confidence, sort_date, created_at, updated_at)
SELECT k * 10000 + e.id, e.type, e.cameo, e.title, e.date_value - (k * 13), e.date_until - (k * 13), e.date_precision, e.date_inferred,
       e.date_text, e.place_id, e.ordinal, e.article_count, e.evidence_count, e.confidence, e.sort_date - k * interval '13 days',
       e.created_at, e.updated_at
FROM events e CROSS JOIN generate_series(:from, :to) AS k WHERE e.id < 10000;
INSERT INTO article_events (event_id, article_id, title, date_value, date_until, date_precision, date_inferred, date_text, place_id,
                            ordinal, confidence, main, match_reason)
SELECT k * 10000 + x.event_id, k * 10000 + x.article_id, x.title, x.date_value - (k * 13), x.date_until - (k * 13), x.date_precision,
       x.date_inferred, x.date_text, x.place_id, x.ordinal, x.confidence, x.main, x.match_reason
FROM article_events x CROSS JOIN generate_series(:from, :to) AS k WHERE x.article_id < 10000;
INSERT INTO event_participants (event_id, article_id, entity_id, role)
SELECT k * 10000 + p.event_id, k * 10000 + p.article_id, p.entity_id, p.role
FROM event_participants p CROSS JOIN generate_series(:from, :to) AS k WHERE p.article_id < 10000;
COMMIT;
SQL
  printf 'grow-database: copies %d-%d of %d (%d s)\n' "$from" "$to" "$copies" $(( $(date +%s) - started )) >&2
done

echo "grow-database: rebuilding indexes and counts" >&2
psql_db <<'SQL'
SET maintenance_work_mem = '1GB';
SET max_parallel_maintenance_workers = 2;
DO $$ DECLARE r record; BEGIN
  FOR r IN SELECT indexdef FROM grow_index_definitions LOOP EXECUTE r.indexdef; END LOOP;
END $$;
DROP TABLE grow_index_definitions;
SELECT setval(pg_get_serial_sequence('articles', 'id'), (SELECT max(id) FROM articles));
SELECT setval(pg_get_serial_sequence('events', 'id'), (SELECT max(id) FROM events));
UPDATE entities e SET article_count = c.n FROM (SELECT entity_id, count(*)::int AS n FROM article_entities GROUP BY entity_id) c
WHERE e.id = c.entity_id;
VACUUM ANALYZE;
SQL
psql_db -c "SELECT 'grow-database: ' || count(*) || ' articles, ' || (SELECT count(*) FROM article_entities) || ' entity links, ' ||
  (SELECT count(*) FROM events) || ' events, ' || pg_size_pretty(pg_database_size(current_database())) || ' in ' ||
  $(( $(date +%s) - started )) || ' s' FROM articles" >&2
