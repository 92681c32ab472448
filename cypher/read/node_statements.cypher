// title: Statements of nodes of one label, by id
// description: What the loader needs of a node it is about to write: its statements
//   (the values it shows are derived from them) and the names of the properties it holds
//   (those no statement supports any more are removed). __LABEL__ from the schema.
UNWIND $ids AS id
MATCH (n:__LABEL__ {id: id})
RETURN n.id AS id, n.statements AS statements, keys(n) AS keys
