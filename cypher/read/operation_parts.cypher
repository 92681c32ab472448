// title: Everything directly attached to one operation, one row per relationship
// description: graph/query/operations.py sorts the rows into agencies, countries, targets,
//   infrastructure, platforms, people, events and sources.
MATCH (o:Operation {id: $id})-[r]-(x)
RETURN type(r) AS type, startNode(r).id = o.id AS outgoing, properties(r) AS rel,
       labels(x) AS labels, properties(x) AS node,
       [(x)-[:LOCATED_IN]->(c:Country) | c.id] AS located_in
