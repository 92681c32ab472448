// title: Create relationships of one type that the graph does not hold yet
// description: Write step of the batched loader (FalkorDB), for ids it has checked are
//   new. Rows are lists, [id, source id, target id, sources, dossiers, property...];
//   __COLUMNS__ adds one map entry per property column (a null leaves the property out).
//   Every property is given in the CREATE itself, as in create_nodes.cypher. Sets exactly
//   what merge_edges.cypher sets on a new relationship.
UNWIND $__ROWS__ AS row
MATCH (a:__FROM__ {id: row[1]})
MATCH (b:__TO__ {id: row[2]})
CREATE (a)-[r:__TYPE__ {id: row[0], sources: row[3], dossiers: row[4]__COLUMNS__}]->(b)
WITH count(*) AS _
