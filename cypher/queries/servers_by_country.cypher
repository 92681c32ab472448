// title: Servers of a group, by country
// description: Where a group's servers (or documented sets of servers) were located, with
//   the operations that took them down and the sources for the location.
// param group: id = "group:sparks" -- the group's id
// param limit: int = 1000 -- at most this many rows
MATCH (g:Group {id: $group})-[:OPERATED]->(s)-[r:LOCATED_IN]->(c:Country)
RETURN c.code AS country, c.name AS country_name, s.id AS server, s.name AS server_name,
       s.count AS server_count, [(o:Operation)-[:TOOK_DOWN|SEIZED]->(s) | o.id] AS taken_down_by,
       r.sources AS sources
ORDER BY country, server
LIMIT $limit
