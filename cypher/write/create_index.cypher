// title: Exact-match index on one property of one label
// description: __LABEL__ comes from the schema; __PROP__ is one of the store's own keys.
CREATE INDEX FOR (n:__LABEL__) ON (n.__PROP__)
