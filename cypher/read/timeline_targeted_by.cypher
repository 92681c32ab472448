// title: The operations that targeted an entity
// description: A group's or a person's timeline view links to the timelines of the
//   operations that targeted it: events are mostly recorded about operations.
MATCH (o:Operation)-[:TARGETED]->(:Entity {id: $id})
RETURN o.id AS id, o.name AS name
ORDER BY o.id
