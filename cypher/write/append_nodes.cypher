// title: Merge nodes of one label, appending provenance the loader knows is new
// description: FalkorDB's form of merge_nodes.cypher, for the batched loader. Rows are
//   lists, [id, keys, sources, dossiers, aliases, new sources, new dossiers, property...].
//   Sources and dossiers the loader has checked no list of this node can hold yet (their
//   Source or Operation node is created by this same write, and the node itself by this
//   load) are appended without a look at the list: a country's list runs to thousands,
//   and checking every new item against it made loading grow faster than the data. The
//   others are merged as sets, as in merge_nodes.cypher. A property column that is null
//   leaves the node's value as it is.
UNWIND $__ROWS__ AS row
MERGE (n:__LABEL__ {id: row[0]})
WITH n, row, coalesce(n.keys, []) + [x IN row[1] WHERE NOT x IN coalesce(n.keys, [])] AS keys
SET n:Entity,
    n.keys = keys,
    n.search = reduce(text = '', key IN keys | text + ' ' + key),
    n.sources = coalesce(n.sources, []) + [x IN row[2] WHERE NOT x IN coalesce(n.sources, [])] + row[5],
    n.dossiers = coalesce(n.dossiers, []) + [x IN row[3] WHERE NOT x IN coalesce(n.dossiers, [])] + row[6],
    n.aliases = coalesce(n.aliases, []) + [x IN row[4] WHERE NOT x IN coalesce(n.aliases, [])]__PROPERTIES__
WITH count(*) AS _
