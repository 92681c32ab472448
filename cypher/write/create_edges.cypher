// title: Create relationships of one type that the graph does not hold yet
// description: Write step of the batched loader, for ids it has checked are new. Sets
//   exactly what merge_edges.cypher sets on a new relationship.
UNWIND $__ROWS__ AS row
MATCH (a:__FROM__ {id: row.src})
MATCH (b:__TO__ {id: row.dst})
CREATE (a)-[r:__TYPE__ {id: row.id}]->(b)
SET r += row.props,
    r.sources = row.sources,
    r.dossiers = row.dossiers
WITH count(*) AS _
