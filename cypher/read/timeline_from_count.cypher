// title: How many events about given entities the timeline's filters keep
// description: timeline_from.cypher's filters, counted.
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
RETURN count(e) AS total
