// What the build knows and the loader reads: the embed contract from the Rust crate (src/chart/embed.rs,
// printed by `province-targets embed-contract`), the sha384 hashes and the content-hashed names of the module
// and the bundled dataset. scripts/build-dist.mjs injects all three with esbuild's `define`.

/** The version, the element's name, the options passed to mount() and every attribute. */
export const EMBED = __PT_EMBED__;
/** The sha384 of each of our own files, by logical name: a file changed on the CDN is refused. */
export const INTEGRITY = __PT_INTEGRITY__;
/** The content-hashed name of each of our own files, by logical name (province_targets_bg.<hash>.wasm). */
export const HASHED_NAMES = __PT_HASHED_NAMES__;

export const TAG = EMBED.tag;
export const OPTION_NAMES = EMBED.options;
export const ATTRIBUTES = EMBED.attributes;
