// title: One entity with its properties and degree by relationship type
// description: Detail of a node. __LABEL__ comes from the id's prefix through the schema.
//   Degrees come from FalkorDB's indegree/outdegree per type ($types: every type of the
//   schema), which read the adjacency's counts: expanding a country's relationships to
//   count them took 64 ms for the Netherlands at 10^5 nodes (18,064 relationships).
MATCH (n:__LABEL__ {id: $id})
UNWIND $types AS type
WITH n, type, outdegree(n, type) AS out, indegree(n, type) AS inc
RETURN labels(n) AS labels, properties(n) AS props,
       [d IN collect({type: type, direction: 'out', count: out})
             + collect({type: type, direction: 'in', count: inc}) WHERE d.count > 0] AS degrees
