// title: Names of the nodes of one label shared by name
// description: Every node of __LABEL__ (a label the schema shares by name across
//   dossiers) with its shown name and aliases: what resolution compares new names with.
MATCH (n:__LABEL__)
RETURN n.id AS id, n.name AS name, n.aliases AS aliases
ORDER BY id
