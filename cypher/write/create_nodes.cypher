// title: Create nodes of one label that the graph does not hold yet
// description: Write step of the batched loader (FalkorDB), for ids it has checked are
//   new (a concurrent writer's duplicate fails on the unique constraint, and the loader
//   then merges). Rows are lists, [id, keys, sources, dossiers, aliases, property...]:
//   the store sends them as one JSON text. __COLUMNS__ adds one map entry per property
//   column (a null leaves the property out). Every property is given in the CREATE
//   itself: setting them one by one after it took FalkorDB about 1.5x as long. Sets
//   exactly what merge_nodes.cypher sets on a new node.
UNWIND $__ROWS__ AS row
CREATE (n:__LABEL__:Entity {
    id: row[0],
    keys: row[1],
    search: reduce(text = '', key IN row[1] | text + ' ' + key),
    sources: row[2],
    dossiers: row[3],
    aliases: row[4]__COLUMNS__})
WITH count(*) AS _
