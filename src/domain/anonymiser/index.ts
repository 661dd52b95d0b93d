/** R16 Anonymisation of incident summaries for awareness training (pure). */
export { anonymise, createAnonymiser, type Anonymiser, type KnownEntities, type KnownPerson, type PseudonymKind } from './anonymise';
export { parseIPv4, parseIPv6 } from './ip';
