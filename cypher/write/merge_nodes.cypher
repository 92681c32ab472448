// title: Merge nodes of one label
// description: Write step of the loader. __LABEL__ comes from the schema's allow-list and
//   __ROWS__ is the parameter holding this label's rows. Provenance lists are merged as
//   sets, so writing the same rows twice leaves the graph as it was. Every node also gets
//   the label Entity and a `search` text (its folded names) for the one full-text index.
UNWIND $__ROWS__ AS row
MERGE (n:__LABEL__ {id: row.id})
WITH n, row, coalesce(n.keys, []) + [x IN row.keys WHERE NOT x IN coalesce(n.keys, [])] AS keys
SET n += row.props,
    n:Entity,
    n.keys = keys,
    n.search = reduce(text = '', key IN keys | text + ' ' + key),
    n.sources = coalesce(n.sources, []) + [x IN row.sources WHERE NOT x IN coalesce(n.sources, [])],
    n.dossiers = coalesce(n.dossiers, []) + [x IN row.dossiers WHERE NOT x IN coalesce(n.dossiers, [])],
    n.aliases = coalesce(n.aliases, []) + [x IN row.aliases WHERE NOT x IN coalesce(n.aliases, [])]
WITH count(*) AS _
