-- Timeline per document: every dated event of a document in date order, with its evidence.
CREATE OR REPLACE VIEW document_timeline AS
SELECT d.doc_id, d.title, d.published_date,
       e.date_start, e.date_end, e.date_value, e.date_source,
       e.event_type, e.mode, e.status,
       [coalesce(a.country, a.text) FOR a IN e.source_actors] AS sources,
       [coalesce(a.country, a.text) FOR a IN e.target_actors] AS targets,
       e.location_name, e.trigger, e.evidence
FROM events e JOIN documents d USING (doc_id)
ORDER BY d.doc_id, e.date_start, e.sentence_index, e.start_char;
