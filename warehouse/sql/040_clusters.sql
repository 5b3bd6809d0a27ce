-- One row per cross-document event cluster: what happened, between whom, when it was first
-- and last reported, by how many mentions, documents and sources (GDELT's NumMentions,
-- NumArticles, NumSources), and its PLOVER intensity (mean over its mentions).
CREATE OR REPLACE VIEW clusters AS
SELECT c.cluster_id,
       any_value(c.event_type) AS event_type,
       any_value(c.source_countries) AS source_countries,
       any_value(c.target_countries) AS target_countries,
       any_value(e.location_name) FILTER (WHERE e.location_name IS NOT NULL) AS location_name,
       min(c.date_start) AS date_start,
       max(c.date_end) AS date_end,
       bool_or(e.status = 'asserted') AS any_asserted,
       min(d.published_at) AS first_reported,
       max(d.published_at) AS last_reported,
       count(*) AS mentions,
       count(DISTINCT c.doc_id) AS documents,
       count(DISTINCT coalesce(d.source, 'unknown')) AS sources,
       avg(e.intensity) AS intensity
FROM event_clusters c
JOIN events e USING (event_id)
JOIN documents d ON d.doc_id = c.doc_id
GROUP BY c.cluster_id
ORDER BY documents DESC, date_start;
