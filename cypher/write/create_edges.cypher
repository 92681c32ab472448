// title: Create relationships of one type that the graph does not hold yet
// description: Write step of the batched loader (FalkorDB), for ids it has checked are
//   new. Rows are lists, [id, source id, target id, sources, dossiers, property...];
//   __PROPERTIES__ sets each property column. Sets exactly what merge_edges.cypher sets
//   on a new relationship.
UNWIND $__ROWS__ AS row
MATCH (a:__FROM__ {id: row[1]})
MATCH (b:__TO__ {id: row[2]})
CREATE (a)-[r:__TYPE__ {id: row[0]}]->(b)
SET r.sources = row[3],
    r.dossiers = row[4]__PROPERTIES__
WITH count(*) AS _
