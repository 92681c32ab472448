// title: Platforms the targets of each operation used
// description: Telegram channels, PayPal accounts, app stores..., with the counts the
//   sources give, per operation.
// param operation: str = "" -- an operation id (empty: all operations)
// param limit: int = 1000 -- at most this many rows
MATCH (o:Operation)-[:TARGETED]->(g:Group)-[u:USED]->(p:Platform)
WHERE $operation = '' OR o.id = $operation
RETURN o.id AS operation, g.name AS group_name, p.name AS platform, u.purpose AS purpose,
       u.count AS count, u.unit AS unit, u.sources AS sources
ORDER BY operation, platform
LIMIT $limit
