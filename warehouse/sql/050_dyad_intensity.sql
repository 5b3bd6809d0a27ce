-- Conflict-cooperation per dyad over time: mean and summed PLOVER intensity of the asserted
-- events from a source country to a target country, per day, ISO week (starting Monday) and
-- month. `period` says which; `period_start` is the first day of the period. An event counts
-- in a period when it is dated finely enough for it (its interval is at most 1 day for 'day',
-- 7 days for 'week', 31 days for 'month'; "in February 2022" counts per month, not per day or
-- week) and falls in the period of its first day. Planned, hypothetical and negated events are
-- left out: they did not happen. An event with several source or target countries counts for
-- each pair of different countries.
CREATE OR REPLACE VIEW dyad_intensity AS
WITH pairs AS (
    SELECT DISTINCT e.event_id, e.doc_id, e.intensity, e.date_start, e.date_end,
           s.a.country AS source_country, t.a.country AS target_country
    FROM events e,
         LATERAL (SELECT unnest(e.source_actors) AS a) s,
         LATERAL (SELECT unnest(e.target_actors) AS a) t
    WHERE e.status = 'asserted'
      AND s.a.country IS NOT NULL AND t.a.country IS NOT NULL
      AND s.a.country <> t.a.country
),
periods(period, max_days) AS (VALUES ('day', 1), ('week', 7), ('month', 31))
SELECT p.period,
       CAST(date_trunc(p.period, pairs.date_start) AS DATE) AS period_start,
       pairs.source_country, pairs.target_country,
       count(*) AS events,
       count(DISTINCT pairs.doc_id) AS documents,
       avg(pairs.intensity) AS mean_intensity,
       sum(pairs.intensity) AS sum_intensity
FROM pairs JOIN periods p ON date_diff('day', pairs.date_start, pairs.date_end) + 1 <= p.max_days
GROUP BY ALL
ORDER BY period, period_start, source_country, target_country;
