// title: Groups that used the same platform
// description: The Neo4j form of cypher/queries/groups_sharing_platform.cypher: a subquery
//   declares what it imports in its scope clause there.
MATCH (p:Platform)
WHERE $platform = '' OR p.id = $platform
WITH p ORDER BY p.id
// In a list: FalkorDB would cut the sort at the limit, as if each gave one row.
WITH collect(p) AS platforms
UNWIND platforms AS p
CALL (p) {
  MATCH (g:Group)-[u:USED]->(p)
  WITH g, u ORDER BY g.id, u.purpose
  RETURN collect({id: g.id, purpose: u.purpose}) AS users
}
WITH p, users
UNWIND range(0, size(users) - 2) AS i
UNWIND range(i + 1, size(users) - 1) AS j
WITH p, users[i] AS a, users[j] AS b
WHERE a.id < b.id
RETURN p.id AS platform, p.name AS platform_name, a.id AS group_a, a.purpose AS purpose_a,
       b.id AS group_b, b.purpose AS purpose_b
LIMIT $limit
