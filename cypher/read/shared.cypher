// title: What two or more entities have in common
// description: Neighbours of every one of $ids (provenance nodes excluded), with the
//   relationships that connect each entity to them.
//   The start node is matched alone, then expanded (MATCH ... WITH ... MATCH): written as
//   one pattern, FalkorDB 4.16 plans a scan of every node per id (seconds at 10^5 nodes).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WITH n
MATCH (n)-[r]-(m)
WHERE NOT m:Source AND NOT m:Claim AND NOT m:Event AND NOT m.id IN $ids
WITH m, collect(DISTINCT n.id) AS owners,
     collect({src: startNode(r).id, dst: endNode(r).id, type: type(r), props: properties(r)}) AS links
WHERE size(owners) = size($ids)
RETURN labels(m) AS labels, properties(m) AS props, links
ORDER BY m.id
