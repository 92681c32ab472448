// title: Events about given entities, ordered by date, with what they are about and their sources
// description: timeline.cypher started from the entities its most selective filter names
//   ($start: ids) instead of from every event: at 10^5 nodes an operation's timeline reads
//   its few events through the id index rather than all of them. Its filters and its answer
//   are timeline.cypher's (tests/test_timeline_view.py compares the two).
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
