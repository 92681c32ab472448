// title: Statements of nodes, by id, whatever their label
// description: What an export adds to an answer so that importing it restores each node
//   as the graph holds it (loaders/stix/restore.py).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, n.statements AS statements
