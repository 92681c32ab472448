// title: Countries with what was hosted there, operations, agencies (as id lists)
// description: graph/query/places.py counts the distinct ids: an operation can act in a country
//   for several roles (one relationship each), and it counts once. Each comprehension has
//   its own variable: FalkorDB 4.16 returns an empty list when one is reused.
MATCH (c:Country)
RETURN c.id AS id, c.code AS code, c.name AS name,
       [(s1)-[:LOCATED_IN]->(c) | s1.id] AS hosted,
       [(o1:Operation)-[:ACTED_IN]->(c) | o1.id] AS acted,
       [(o2:Operation)-[:CONNECTED_TO]->(c) | o2.id] AS connected,
       [(a1:Agency)-[:BASED_IN]->(c) | a1.id] AS agencies
ORDER BY c.code
