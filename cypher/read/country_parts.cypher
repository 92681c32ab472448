// title: What one country hosted, where operations acted there, which agencies are based there
MATCH (c:Country {id: $id})<-[r]-(x)
RETURN type(r) AS type, properties(r) AS rel, labels(x) AS labels, x {.*, statements: NULL} AS node,
       [(g:Group)-[:OPERATED]->(x) | g.id] AS operated_by,
       [(o:Operation)-[:TOOK_DOWN|SEIZED]->(x) | o.id] AS taken_down_by
ORDER BY x.id
