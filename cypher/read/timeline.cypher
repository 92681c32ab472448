// title: Events ordered by date, with what they are about and their sources
MATCH (e:Event)
WHERE ($since IS NULL OR e.date >= $since)
  AND ($until IS NULL OR e.date <= $until)
  AND (size($kinds) = 0 OR e.kind IN $kinds)
WITH e, [(e)-[:ABOUT]->(x) | x.id] AS about
WHERE $about IS NULL OR $about IN about
RETURN e.id AS id, e.date AS date, e.kind AS kind, e.description AS description,
       e.confidence AS confidence, about, e.sources AS sources
ORDER BY e.date, e.id
SKIP $offset
LIMIT $limit
