// title: Copy relationships of one type between two labels as they are
UNWIND $rows AS row
MATCH (a:__FROM__ {id: row.src})
MATCH (b:__TO__ {id: row.dst})
MERGE (a)-[r:__TYPE__ {id: row.id}]->(b)
SET r = row.props
RETURN count(*) AS copied
