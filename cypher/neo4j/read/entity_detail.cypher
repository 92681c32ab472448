// title: One entity with its properties and degree by relationship type
// description: Detail of a node. __LABEL__ comes from the id's prefix through the schema.
//   Neo4j counts a node's relationships by type from its degree store; $types is unused.
MATCH (n:__LABEL__ {id: $id})
OPTIONAL MATCH (n)-[r]-(m)
WITH n, type(r) AS type, CASE WHEN startNode(r) = n THEN 'out' ELSE 'in' END AS direction,
     count(r) AS degree
RETURN labels(n) AS labels, properties(n) AS props,
       collect(CASE WHEN type IS NULL THEN NULL ELSE {type: type, direction: direction, count: degree} END) AS degrees
