// title: Create relationships of one type that the graph does not hold yet (Neo4j)
// description: Write step of the loader, for ids it has checked are new. Rows are maps,
//   as for merge_edges.cypher, and it sets exactly what that file sets on a new
//   relationship, without looking for one between the two nodes first; the lists are
//   written as that file writes them (see create_nodes.cypher).
UNWIND $__ROWS__ AS row
MATCH (a:__FROM__ {id: row.src})
MATCH (b:__TO__ {id: row.dst})
CREATE (a)-[r:__TYPE__ {id: row.id}]->(b)
SET r += row.props,
    r.sources = coalesce(r.sources, []) + [x IN row.sources WHERE NOT x IN coalesce(r.sources, [])],
    r.dossiers = coalesce(r.dossiers, []) + [x IN row.dossiers WHERE NOT x IN coalesce(r.dossiers, [])]
WITH count(*) AS _
