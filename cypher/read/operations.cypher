// title: Operations, filtered by year, country, agency and kind of target
// description: Filters are lists built per operation (FalkorDB does not filter inside a
//   pattern comprehension in WHERE); each is skipped when its parameter is null.
MATCH (o:Operation)
WHERE $year IS NULL OR o.action_day STARTS WITH $year
WITH o,
     [(o)-[:ACTED_IN]->(c:Country) | c.id] AS countries,
     [(a:Agency)-[:LED|PARTICIPATED_IN]->(o) | a.id] AS agencies,
     [(o)-[:TARGETED]->(g:Group) | toLower(g.kind)] AS target_kinds
WHERE ($country IS NULL OR $country IN countries)
  AND ($agency IS NULL OR $agency IN agencies)
  AND ($target_kind IS NULL OR any(kind IN target_kinds WHERE kind CONTAINS $target_kind))
RETURN o.id AS id, o.name AS name, o.kind AS kind, o.started AS started, o.action_day AS action_day,
       [(o)-[:TARGETED]->(g:Group) | g.name] AS targets,
       [(a)-[:LED]->(o) | a.name] AS led_by,
       o.sources AS sources
ORDER BY o.action_day, o.id
SKIP $offset
LIMIT $limit
