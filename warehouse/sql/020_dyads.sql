-- Source-target country dyads: who does what to whom, how often, first and last date, and the
-- PLOVER intensity of that type of event between them (mean over its events).
CREATE OR REPLACE VIEW dyads AS
WITH pairs AS (
    SELECT e.event_id, e.event_type, e.status, e.date_start, e.date_end, e.intensity,
           s.a.country AS source_country, t.a.country AS target_country
    FROM events e,
         LATERAL (SELECT unnest(e.source_actors) AS a) s,
         LATERAL (SELECT unnest(e.target_actors) AS a) t
    WHERE s.a.country IS NOT NULL AND t.a.country IS NOT NULL
      AND s.a.country <> t.a.country
)
SELECT source_country, target_country, event_type,
       count(DISTINCT event_id) AS events,
       count(DISTINCT event_id) FILTER (WHERE status = 'asserted') AS asserted_events,
       min(date_start) AS first_date,
       max(date_end) AS last_date,
       avg(intensity) AS mean_intensity
FROM pairs
GROUP BY ALL
ORDER BY events DESC, source_country, target_country, event_type;
