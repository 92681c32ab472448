// title: Claims that disagree about one operation or what it targeted
// description: The pairs of conflicting_claims.cypher whose subject is the operation $id
//   or one of its targets, whatever dossier made each claim.
MATCH (o:Operation {id: $id})
OPTIONAL MATCH (o)-[:TARGETED]->(t)
WITH o, collect(t) AS targets
UNWIND targets + [o] AS x
MATCH (c1:Claim)-[:ABOUT]->(x)<-[:ABOUT]-(c2:Claim)
WHERE c1.id < c2.id
  AND ((c1.measure = c2.measure
        AND (all(w IN c1.measure_terms WHERE w IN c2.measure_terms)
             OR all(w IN c2.measure_terms WHERE w IN c1.measure_terms))
        AND (coalesce(c1.value, -1) <> coalesce(c2.value, -1)
             OR (c1.value IS NULL AND coalesce(c1.value_text, '') <> coalesce(c2.value_text, ''))))
       OR (c1.metric_terms = c2.metric_terms AND c1.measure <> c2.measure))
OPTIONAL MATCH (c1)-[:CLAIMED_BY]->(b1)
OPTIONAL MATCH (c2)-[:CLAIMED_BY]->(b2)
WITH x, c1, c2, b1, b2
ORDER BY x.id, c1.measure, c1.id, c2.id
RETURN x.id AS about, c1.measure AS measure,
       CASE WHEN c1.measure = c2.measure THEN 'values' ELSE 'what is counted' END AS differ,
       {id: c1.id, metric: c1.metric, value: c1.value, value_text: c1.value_text, unit: c1.unit,
        claimed_by: coalesce(b1.name, c1.claimed_by_text), sources: c1.sources} AS a,
       {id: c2.id, metric: c2.metric, value: c2.value, value_text: c2.value_text, unit: c2.unit,
        claimed_by: coalesce(b2.name, c2.claimed_by_text), sources: c2.sources} AS b
