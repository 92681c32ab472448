// title: Merge relationships of one type between two labels
// description: Write step of the loader. __TYPE__, __FROM__ and __TO__ come from the
//   schema's allow-list; the edge's own id tells parallel edges apart.
UNWIND $__ROWS__ AS row
MATCH (a:__FROM__ {id: row.src})
MATCH (b:__TO__ {id: row.dst})
MERGE (a)-[r:__TYPE__ {id: row.id}]->(b)
SET r += row.props,
    r.sources = coalesce(r.sources, []) + [x IN row.sources WHERE NOT x IN coalesce(r.sources, [])],
    r.dossiers = coalesce(r.dossiers, []) + [x IN row.dossiers WHERE NOT x IN coalesce(r.dossiers, [])]
WITH count(*) AS _
