// title: Nodes of one label known under any of these names
// description: Entity resolution. Keys are folded names and aliases; __LABEL__ comes from
//   the schema's allow-list.
UNWIND $keys AS key
MATCH (n:__LABEL__)
WHERE key IN n.keys
RETURN key, n.id AS id, n.name AS name
