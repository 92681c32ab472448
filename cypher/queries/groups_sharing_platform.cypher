// title: Groups that used the same platform
// description: Pairs of groups that both used one platform (a payment processor, a
//   messaging service...), with what each used it for.
// param platform: str = "" -- a platform id to look at only that one (empty: all)
// param limit: int = 1000 -- at most this many rows
MATCH (p:Platform)
WHERE $platform = '' OR p.id = $platform
WITH p ORDER BY p.id
// In a list: FalkorDB would cut the sort at the limit, as if each gave one row.
WITH collect(p) AS platforms
UNWIND platforms AS p
CALL {
  WITH p
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
