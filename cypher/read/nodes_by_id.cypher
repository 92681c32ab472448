// title: Nodes by id, whatever their label
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN labels(n) AS labels, properties(n) AS props
