// title: People named in the graph, with their role
// description: The redactor replaces these names by the role for readers without the right.
MATCH (p:Person)
WHERE p.named = true
RETURN p.name AS name, p.aliases AS aliases, p.role AS role
