// title: Nodes by id, whatever their label
// description: A hub (a country, an agency) is cited by hundreds of sources: answers carry
//   the first $max_sources of them and the total, and never the internal match keys.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN labels(n) AS labels,
       n {.*, keys: NULL, search: NULL, statements: NULL, sources: n.sources[0..$max_sources],
          dossiers: n.dossiers[0..$max_sources], sources_total: size(n.sources)} AS props
