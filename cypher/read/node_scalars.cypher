// title: Properties of nodes of one label by id, without the provenance lists
// description: Lets the batched loader know which nodes exist and keep the values they
//   hold. $lists names the list properties left out: on a hub (a country) they run to
//   tens of thousands of items. __LABEL__ from the schema.
UNWIND $ids AS id
MATCH (n:__LABEL__ {id: id})
RETURN n.id AS id, [k IN keys(n) WHERE NOT k IN $lists | [k, n[k]]] AS props
