// title: Names and labels of nodes by id
// description: What lists of entities show (rankings, community members): no properties,
//   no sources. Thousands of members cost a fraction of what whole nodes do.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, n.name AS name, labels(n) AS labels
