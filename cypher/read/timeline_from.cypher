// title: Events about given entities, ordered by date, with what they are about and their sources
// description: The timeline when a filter names entities: the events are read from the
//   entities of the narrowest filter ($start: ids; the id index finds them), then every
//   filter applies. $about keeps the events about that entity; $operation_scope and
//   $country_scope (lists of ids, or null to skip) keep the events about at least one of
//   their ids (graph/query/timeline.py builds them). Dates and kinds as in timeline.cypher.
UNWIND $start AS sid
MATCH (:Entity {id: sid})<-[:ABOUT]-(e:Event)
WITH DISTINCT e
WHERE ($since_lo IS NULL OR e.date + '~' >= $since_lo)
  AND ($until_hi IS NULL OR e.date <= $until_hi)
  AND (size($kinds) = 0 OR e.kind IN $kinds)
WITH e, [(e)-[:ABOUT]->(x) | x.id] AS about
WHERE ($about IS NULL OR $about IN about)
  AND ($operation_scope IS NULL OR any(x IN about WHERE x IN $operation_scope))
  AND ($country_scope IS NULL OR any(x IN about WHERE x IN $country_scope))
RETURN e.id AS id, e.date AS date, e.kind AS kind, e.description AS description,
       e.confidence AS confidence, about, e.sources AS sources
ORDER BY e.date, e.id
SKIP $offset
LIMIT $limit
