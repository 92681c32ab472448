// title: Timeline of one entity
// description: Dated events about an operation, a group, a person..., in order.
// param entity: id = "operation:2020-sparks" -- the entity's id
// param limit: int = 1000 -- at most this many rows
MATCH (e:Event)-[:ABOUT]->(x:Entity {id: $entity})
RETURN e.date AS date, e.kind AS kind, e.description AS description, e.sources AS sources
ORDER BY date, kind
LIMIT $limit
