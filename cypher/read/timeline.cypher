// title: Events ordered by date, with what they are about and their sources
// description: Partial dates are ranges: $since_lo and $until_hi come padded from
//   graph/query/neighbours.py date_bounds(), and each event date is padded with '~' too.
//   $operation_scope and $country_scope (lists of ids, or null to skip) keep the events
//   about at least one of their ids; graph/query/timeline.py builds them
//   (timeline_operation_scope.cypher, timeline_country_scope.cypher).
MATCH (e:Event)
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
