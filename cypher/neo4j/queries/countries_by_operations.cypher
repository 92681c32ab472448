// title: Countries ranked by the operations that acted there
// description: The Neo4j form of cypher/queries/countries_by_operations.cypher: each
//   country's operations are made distinct and ordered in a subquery, then counted.
MATCH (c:Country)
CALL (c) {
  MATCH (o:Operation)-[:ACTED_IN]->(c)
  WITH DISTINCT o
  ORDER BY o.id
  RETURN count(o) AS operations, collect(o.id) AS operation_ids
}
WITH c, operations, operation_ids
WHERE operations > 0
RETURN c.code AS country, c.name AS name, operations AS operations, operation_ids AS operation_ids,
       c.id AS id
ORDER BY operations DESC, country
LIMIT $limit
