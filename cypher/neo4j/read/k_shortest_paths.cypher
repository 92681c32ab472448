// title: The k shortest undirected paths between two entities, found by Neo4j itself
// description: Neo4j 5's SHORTEST k GROUPS over a quantified path pattern: every path in
//   the __K__ shortest length groups, at most __HOPS__ steps, over relationships of
//   $types, through intermediate nodes with one of $labels (any label when empty).
//   A path may pass one node twice through parallel relationships: graph/query/neo4j_paths.py
//   keeps simple node sequences, shortest first, as the in-memory projection finds them.
MATCH (a:Entity {id: $source})
MATCH (b:Entity {id: $target})
MATCH p = SHORTEST __K__ GROUPS
  (a) (()-[r]-(x:Entity) WHERE type(r) IN $types
       AND (x = b OR size($labels) = 0 OR any(l IN labels(x) WHERE l IN $labels))){1,__HOPS__} (b)
RETURN [n IN nodes(p) | n.id] AS nodes
