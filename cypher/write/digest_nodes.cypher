// title: Every node with its labels and properties, for the content digest
MATCH (n:Entity)
RETURN labels(n) AS labels, properties(n) AS props
