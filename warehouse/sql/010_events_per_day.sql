-- Events per day by type and source country (one row per day, type, country, status).
-- Only events dated to a single day (date_start = date_end) are counted: an event known only
-- to a week, a month or a year ("in February 2022") has no day and would pile up on the first
-- one; those stay in `events` with their interval. Filter on status (e.g. 'asserted') for what
-- happened. Events without a coded source country count under 'UNK'.
CREATE OR REPLACE VIEW events_per_day AS
WITH ev AS (
    SELECT event_id, doc_id, date_start, event_type, status,
           list_distinct([a.country FOR a IN source_actors]) AS countries
    FROM events
    WHERE date_start = date_end
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
