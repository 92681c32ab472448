// title: Create nodes of one label that the graph does not hold yet
// description: Write step of the batched loader (FalkorDB), for ids it has checked are
//   new (a concurrent writer's duplicate fails on the unique constraint, and the loader
//   then merges). Rows are lists, [id, keys, sources, dossiers, aliases, property...]:
//   the store sends them as one JSON text. __PROPERTIES__ sets each property column.
//   Sets exactly what merge_nodes.cypher sets on a new node.
UNWIND $__ROWS__ AS row
CREATE (n:__LABEL__:Entity {id: row[0]})
SET n.keys = row[1],
    n.search = reduce(text = '', key IN row[1] | text + ' ' + key),
    n.sources = row[2],
    n.dossiers = row[3],
    n.aliases = row[4]__PROPERTIES__
WITH count(*) AS _
