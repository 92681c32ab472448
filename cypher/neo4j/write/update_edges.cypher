// title: Set every property of relationships of one type anew (Neo4j)
// description: As update_nodes.cypher, for relationships. Rows are maps {id, src, dst,
//   props}.
UNWIND $__ROWS__ AS row
MATCH (a:__FROM__ {id: row.src})-[r:__TYPE__ {id: row.id}]->(b:__TO__ {id: row.dst})
SET r = row.props
WITH count(*) AS _
