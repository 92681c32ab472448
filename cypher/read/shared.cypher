// title: What two or more entities have in common
// description: Neighbours of every one of $ids (provenance nodes excluded), with the
//   relationships that connect each entity to them. Relationships are turned into maps only
//   for the neighbours kept; a shared hub (a country) lists its first $max_sources sources
//   and their total, as in nodes_by_id.cypher.
//   The start node is matched alone, then expanded (MATCH ... WITH ... MATCH): written as
//   one pattern, FalkorDB 4.16 plans a scan of every node per id (seconds at 10^5 nodes).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WITH n
MATCH (n)-[r]-(m)
WHERE NOT m:Source AND NOT m:Claim AND NOT m:Event AND NOT m.id IN $ids
WITH m, collect(DISTINCT n.id) AS owners, collect(r) AS rels
WHERE size(owners) = size($ids)
UNWIND rels AS r
WITH m, collect({src: startNode(r).id, dst: endNode(r).id, type: type(r), props: properties(r)}) AS links
RETURN labels(m) AS labels,
       m {.*, keys: NULL, search: NULL, statements: NULL, sources: m.sources[0..$max_sources],
          dossiers: m.dossiers[0..$max_sources], sources_total: size(m.sources)} AS props,
       links
ORDER BY m.id
