// title: Every relationship leaving a set of nodes, with both ends' labels
UNWIND $ids AS id
MATCH (a:Entity {id: id})-[r]->(b:Entity)
RETURN a.id AS src, labels(a) AS src_labels, type(r) AS type, properties(r) AS props,
       b.id AS dst, labels(b) AS dst_labels
