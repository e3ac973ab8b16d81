export declare const QUERIES: Readonly<
  Record<'fearTertiaryTerms' | 'positiveOpposites' | 'multiPrimaryTerms' | 'constructHierarchy' | 'countByPredicate', string>
>;
