// Realistic SPARQL queries over emokb, shared by bench/sparql.mjs and the README's examples.
const PREFIXES = `PREFIX emo: <https://w3id.org/emokb/ontology#>
PREFIX emotion: <https://w3id.org/emokb/emotion/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX ontolex: <http://www.w3.org/ns/lemon/ontolex#>
`;

export const QUERIES = {
  // The status test as FILTER EXISTS: as a plain pattern inside OPTIONAL, Oxigraph joined it first
  // with every accepted entry (1.0-1.4 s against 11-47 ms, measured on the seeded store).
  fearTertiaryTerms: `${PREFIXES}SELECT ?emotion ?label (GROUP_CONCAT(DISTINCT ?term; separator=", ") AS ?terms) WHERE {
  ?secondary skos:broader emotion:fear-primary . ?emotion skos:broader ?secondary ; skos:prefLabel ?label .
  OPTIONAL {
    ?sense ontolex:reference ?emotion . ?entry ontolex:sense ?sense ; ontolex:canonicalForm/ontolex:writtenRep ?term .
    FILTER EXISTS { ?entry emo:status emo:Accepted }
  }
} GROUP BY ?emotion ?label ORDER BY ?label`,
  positiveOpposites: `${PREFIXES}SELECT DISTINCT ?emotion ?opposite WHERE {
  ?e emo:valence emo:Positive ; emo:isOppositeOf ?o .
  BIND (STRAFTER(STR(?e), STR(emotion:)) AS ?emotion) BIND (STRAFTER(STR(?o), STR(emotion:)) AS ?opposite)
} ORDER BY ?emotion ?opposite`,
  multiPrimaryTerms: `${PREFIXES}SELECT ?term (GROUP_CONCAT(DISTINCT ?primaryLabel; separator=", ") AS ?primaries) WHERE {
  ?entry ontolex:canonicalForm/ontolex:writtenRep ?term ; emo:status emo:Accepted ; ontolex:sense/ontolex:reference ?emotion .
  ?emotion skos:broader* ?primary . ?primary emo:tier emo:Primary ; skos:prefLabel ?primaryLabel .
} GROUP BY ?term HAVING (COUNT(DISTINCT ?primary) > 1) ORDER BY ?term`,
  constructHierarchy: `${PREFIXES}CONSTRUCT { ?e skos:broader ?p ; skos:prefLabel ?l } WHERE { ?e skos:broader ?p ; skos:prefLabel ?l }`,
  countByPredicate: `SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p ORDER BY DESC(?n)`,
};
