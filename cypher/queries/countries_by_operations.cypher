// title: Countries ranked by the operations that acted there
// description: How many documented operations took enforcement action in each country
//   (servers taken down, searches, arrests, prosecutions), with their ids in id order.
// param limit: int = 50 -- at most this many countries
MATCH (o:Operation)-[:ACTED_IN]->(c:Country)
WITH DISTINCT c, o
ORDER BY o.id
RETURN c.code AS country, c.name AS name, count(o) AS operations, collect(o.id) AS operation_ids,
       c.id AS id
ORDER BY operations DESC, country
LIMIT $limit
