// title: Merge relationships of one type between two labels, rows as lists
// description: FalkorDB's form of merge_edges.cypher, for the batched loader. Rows are
//   lists, [id, source id, target id, sources, dossiers, new sources, new dossiers,
//   property...]. Sources and dossiers the loader has checked no list of this relationship
//   can hold yet (their Source or Operation node is created by this same write, and the
//   relationship itself by this load) are appended without a look at the list, as in
//   append_nodes.cypher; the others are merged as sets. A property column that is null
//   leaves the relationship's value as it is.
UNWIND $__ROWS__ AS row
MATCH (a:__FROM__ {id: row[1]})
MATCH (b:__TO__ {id: row[2]})
MERGE (a)-[r:__TYPE__ {id: row[0]}]->(b)
SET r.sources = coalesce(r.sources, []) + [x IN row[3] WHERE NOT x IN coalesce(r.sources, [])] + row[5],
    r.dossiers = coalesce(r.dossiers, []) + [x IN row[4] WHERE NOT x IN coalesce(r.dossiers, [])] + row[6]__PROPERTIES__
WITH count(*) AS _
