// title: Nodes of one label that the graph holds, by id, without their statements
// description: What a chunk of a load needs of a node that later chunks name too (a
//   "hub"): whether the graph holds it. Its statements are read once, by the load's last
//   write. __LABEL__ from the schema.
UNWIND $ids AS id
MATCH (n:__LABEL__ {id: id})
RETURN n.id AS id, keys(n) AS keys
