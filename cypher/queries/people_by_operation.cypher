// title: People involved in an operation, by role
// description: Arrested, charged, convicted or targeted people, with their role and status.
//   Names appear only for people publicly charged, and only to keys with that right.
// param operation: id = "operation:2020-sparks" -- the operation's id
// param limit: int = 1000 -- at most this many rows
MATCH (o:Operation {id: $operation})-[r]->(p:Person)
RETURN p.id AS person, p.name AS name, p.role AS role, p.status AS status,
       collect(DISTINCT type(r)) AS relations, p.count AS count
ORDER BY person
LIMIT $limit
