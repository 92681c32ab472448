// title: The full-text index behind entity search
// description: One index over every node (label Entity) on its folded names and aliases,
//   without stemming or stop words: names of groups and agencies are not English prose.
CALL db.idx.fulltext.createNodeIndex({label: 'Entity', language: 'english', stopwords: []}, 'search')
