// title: Create nodes of one label that the graph does not hold yet
// description: Write step of the batched loader, for ids it has checked are new (a
//   concurrent writer's duplicate fails on the unique constraint, and the loader then
//   merges). Sets exactly what merge_nodes.cypher sets on a new node.
UNWIND $__ROWS__ AS row
CREATE (n:__LABEL__:Entity {id: row.id})
SET n += row.props,
    n.keys = row.keys,
    n.search = reduce(text = '', key IN row.keys | text + ' ' + key),
    n.sources = row.sources,
    n.dossiers = row.dossiers,
    n.aliases = row.aliases
WITH count(*) AS _
