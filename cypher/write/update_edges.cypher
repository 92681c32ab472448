// title: Set every property of relationships of one type anew
// description: As update_nodes.cypher, for relationships. Rows are lists, [id, source
//   id, target id, property...].
UNWIND $__ROWS__ AS row
MATCH (a:__FROM__ {id: row[1]})-[r:__TYPE__ {id: row[0]}]->(b:__TO__ {id: row[2]})
SET r.id = row[0]__PROPERTIES__
WITH count(*) AS _
