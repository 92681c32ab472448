// title: Seizures across operations
// description: Money, accounts, servers and goods seized, as each source reports them.
// param since: str = "" -- only operations with an action day from this date (empty: all)
// param limit: int = 1000 -- at most this many rows
MATCH (c:Claim)-[:ABOUT]->(x)
WHERE (toLower(c.metric) CONTAINS 'seiz' OR toLower(c.metric) CONTAINS 'forfeit'
       OR toLower(c.metric) CONTAINS 'confiscat')
UNWIND c.dossiers AS dossier
MATCH (o:Operation {id: 'operation:' + dossier})
WITH DISTINCT o, c
WHERE $since = '' OR o.action_day >= $since
RETURN o.id AS operation, c.metric AS metric, c.value AS value, c.value_text AS value_text,
       c.unit AS unit, c.sources AS sources
ORDER BY operation, metric
LIMIT $limit
