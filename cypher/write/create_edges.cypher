// title: Create relationships of one type that the graph does not hold
// description: Write step of the loader (FalkorDB). Rows are lists, [id, source id,
//   target id, property...]; __COLUMNS__ as in create_nodes.cypher.
UNWIND $__ROWS__ AS row
MATCH (a:__FROM__ {id: row[1]})
MATCH (b:__TO__ {id: row[2]})
CREATE (a)-[r:__TYPE__ {id: row[0]__COLUMNS__}]->(b)
WITH count(*) AS _
