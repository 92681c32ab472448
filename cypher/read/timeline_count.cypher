// title: How many events the timeline's filters keep
// description: The filters of timeline.cypher, counted: a cut timeline view says how many
//   events it leaves out.
MATCH (e:Event)
WHERE ($since_lo IS NULL OR e.date + '~' >= $since_lo)
  AND ($until_hi IS NULL OR e.date <= $until_hi)
  AND (size($kinds) = 0 OR e.kind IN $kinds)
WITH e, [(e)-[:ABOUT]->(x) | x.id] AS about
WHERE ($about IS NULL OR $about IN about)
  AND ($operation_scope IS NULL OR any(x IN about WHERE x IN $operation_scope))
  AND ($country_scope IS NULL OR any(x IN about WHERE x IN $country_scope))
RETURN count(e) AS total
