// Realistic SPARQL queries over emokb, shared by bench/sparql.mjs and the README's examples.
const PREFIXES = `PREFIX emo: <https://w3id.org/emokb/ontology#>
PREFIX emotion: <https://w3id.org/emokb/emotion/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX ontolex: <http://www.w3.org/ns/lemon/ontolex#>
`;

export const QUERIES = {
  fearTertiaryTerms: `${PREFIXES}SELECT ?emotion ?label (GROUP_CONCAT(DISTINCT ?term; separator=", ") AS ?terms) WHERE {
  ?emotion emo:tier emo:Tertiary ; skos:broader/skos:broader emotion:fear-primary ; skos:prefLabel ?label .
  OPTIONAL { ?sense ontolex:reference ?emotion . ?entry ontolex:sense ?sense ; emo:status emo:Accepted ; ontolex:canonicalForm/ontolex:writtenRep ?term }
} GROUP BY ?emotion ?label ORDER BY ?label`,
  positiveOpposites: `${PREFIXES}SELECT ?label ?oppositeLabel WHERE {
  ?emotion emo:valence emo:Positive ; skos:prefLabel ?label ; emo:isOppositeOf ?opposite .
  ?opposite skos:prefLabel ?oppositeLabel .
} ORDER BY ?label ?oppositeLabel`,
  multiPrimaryTerms: `${PREFIXES}SELECT ?term (GROUP_CONCAT(DISTINCT ?primaryLabel; separator=", ") AS ?primaries) WHERE {
  ?entry ontolex:canonicalForm/ontolex:writtenRep ?term ; emo:status emo:Accepted ; ontolex:sense/ontolex:reference ?emotion .
  ?emotion skos:broader* ?primary . ?primary emo:tier emo:Primary ; skos:prefLabel ?primaryLabel .
} GROUP BY ?term HAVING (COUNT(DISTINCT ?primary) > 1) ORDER BY ?term`,
  constructHierarchy: `${PREFIXES}CONSTRUCT { ?e skos:broader ?p ; skos:prefLabel ?l } WHERE { ?e skos:broader ?p ; skos:prefLabel ?l }`,
  countByPredicate: `SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p ORDER BY DESC(?n)`,
};
