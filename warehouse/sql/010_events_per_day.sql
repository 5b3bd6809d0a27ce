-- Events per day by type and source country (one row per day, type, country, status).
-- An event is counted on the first day of its date interval; filter on status
-- (e.g. status = 'asserted') for what happened. Events without a coded source country count
-- under 'UNK'.
CREATE OR REPLACE VIEW events_per_day AS
WITH ev AS (
    SELECT event_id, doc_id, date_start, event_type, status,
           list_distinct([a.country FOR a IN source_actors]) AS countries
    FROM events
)
SELECT date_start AS day,
       event_type,
       coalesce(u.country, 'UNK') AS source_country,
       status,
       count(DISTINCT event_id) AS events,
       count(DISTINCT doc_id) AS documents
FROM ev, unnest(CASE WHEN len(ev.countries) = 0 THEN [NULL::VARCHAR] ELSE ev.countries END) AS u(country)
GROUP BY ALL
ORDER BY day, event_type, source_country, status;
