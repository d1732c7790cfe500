/**
 * The output contract's version (SPEC §9: a change to a field bumps it). In
 * a module of its own, without zod, so that the batch's main thread can key
 * its resume manifest on it without loading the schema.
 */
export const SCHEMA_VERSION = '3'
