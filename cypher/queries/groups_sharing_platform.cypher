// title: Groups that used the same platform
// description: Pairs of groups that both used one platform (a payment processor, a
//   messaging service...), with what each used it for.
// param platform: str = "" -- a platform id to look at only that one (empty: all)
// param limit: int = 1000 -- at most this many rows
MATCH (g:Group)-[u1:USED]->(p:Platform)<-[u2:USED]-(h:Group)
WHERE g.id < h.id AND ($platform = '' OR p.id = $platform)
RETURN p.id AS platform, p.name AS platform_name, g.id AS group_a, u1.purpose AS purpose_a,
       h.id AS group_b, u2.purpose AS purpose_b
ORDER BY platform, group_a, group_b
LIMIT $limit
