export { type BuiltQuery, buildQuery, chineseQuery, glossaryQuery, isChineseTitle, singulars } from './build';
export { GLOSSARY_ENTRIES, glossary } from './glossary';
export { internationalQuery } from './international';
export { MARKETING_WORDS } from './marketing';
