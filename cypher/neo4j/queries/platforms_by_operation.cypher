// title: Platforms the targets of each operation used
// description: The Neo4j form of cypher/queries/platforms_by_operation.cypher: a subquery
//   declares what it imports in its scope clause there.
MATCH (o:Operation)
WHERE $operation = '' OR o.id = $operation
WITH o ORDER BY o.id
// In a list: FalkorDB would cut the sort at the limit, as if each gave one row.
WITH collect(o) AS operations
UNWIND operations AS o
CALL (o) {
  MATCH (o)-[:TARGETED]->(g:Group)-[u:USED]->(p:Platform)
  RETURN g.name AS group_name, p.name AS platform, u.purpose AS purpose, u.count AS count, u.unit AS unit,
         u.sources AS sources
  ORDER BY platform, group_name, purpose
}
RETURN o.id AS operation, group_name AS group_name, platform AS platform, purpose AS purpose,
       count AS count, unit AS unit, sources AS sources
LIMIT $limit
