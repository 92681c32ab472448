// title: Events ordered by date, with what they are about and their sources
// description: Every event, filtered by date and kind only (timeline_from.cypher answers
//   the filters that name entities). Partial dates are ranges: $since_lo and $until_hi come
//   padded from graph/query/neighbours.py date_bounds(), and each event date is padded
//   with '~' too. What an event is about is read after the page is cut, for the rows
//   kept only: read for every event first, it made this query ten times as slow.
MATCH (e:Event)
WHERE ($since_lo IS NULL OR e.date + '~' >= $since_lo)
  AND ($until_hi IS NULL OR e.date <= $until_hi)
  AND (size($kinds) = 0 OR e.kind IN $kinds)
WITH e
ORDER BY e.date, e.id
SKIP $offset
LIMIT $limit
RETURN e.id AS id, e.date AS date, e.kind AS kind, e.description AS description,
       e.confidence AS confidence, [(e)-[:ABOUT]->(x) | x.id] AS about, e.sources AS sources
