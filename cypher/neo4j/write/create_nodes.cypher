// title: Create nodes of one label that the graph does not hold yet (Neo4j)
// description: Write step of the loader, for ids it has checked are new (a concurrent
//   writer's duplicate fails on the unique constraint on id, and the loader then merges).
//   Rows are maps, as for merge_nodes.cypher, and it sets exactly what that file sets on
//   a new node, without looking the node up first. The lists are written as that file
//   writes them, so that a property named like one (`sources`) is merged with it, not
//   set over it.
UNWIND $__ROWS__ AS row
CREATE (n:__LABEL__:Entity {id: row.id})
SET n += row.props,
    n.keys = row.keys,
    n.search = reduce(text = '', key IN row.keys | text + ' ' + key),
    n.sources = coalesce(n.sources, []) + [x IN row.sources WHERE NOT x IN coalesce(n.sources, [])],
    n.dossiers = coalesce(n.dossiers, []) + [x IN row.dossiers WHERE NOT x IN coalesce(n.dossiers, [])],
    n.aliases = coalesce(n.aliases, []) + [x IN row.aliases WHERE NOT x IN coalesce(n.aliases, [])]
WITH count(*) AS _
