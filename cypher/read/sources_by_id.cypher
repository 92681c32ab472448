// title: Source documents by id
MATCH (s:Source)
WHERE s.id IN $ids
RETURN s.id AS id, s.name AS name, s.url AS url, s.document AS document,
       s.publisher AS publisher, s.date AS date, s.language AS language
