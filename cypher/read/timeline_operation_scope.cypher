// title: What an operation's timeline is about: the operation and what it targeted
// description: No row when $id is no operation. Targets are groups and people
//   (TARGETED); the events about them belong to the operation's story too.
MATCH (o:Operation {id: $id})
RETURN o.id AS id, o.name AS name, [(o)-[:TARGETED]->(t) | t.id] AS targets
