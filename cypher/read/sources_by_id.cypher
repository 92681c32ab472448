// title: Source documents by id
// description: One index look-up per id (a filter `WHERE s.id IN $ids` scanned every source).
UNWIND $ids AS id
MATCH (s:Source {id: id})
RETURN s.id AS id, s.name AS name, s.url AS url, s.document AS document,
       s.publisher AS publisher, s.date AS date, s.language AS language
