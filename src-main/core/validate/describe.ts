// Flag sentences live in the wording module (core/wording/flags.ts); this
// name stays for callers that know it.
export { flagText as describeFlag, type FlagLike } from '../wording/flags.js';
export type { Lang } from '../wording/words.js';
