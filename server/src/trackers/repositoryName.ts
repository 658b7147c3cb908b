// What a GitHub repository setting must look like ("owner/repo"), written once for the server's
// config file, the client's setting and prompt, and the generated JSON schema. package.json's
// settings schema cannot import it: a unit test (clientHelpers) keeps its pattern equal to this one.

/** The JSON-schema pattern (ECMAScript syntax, no delimiters) of an "owner/repo" name. */
export const GITHUB_REPOSITORY_PATTERN = '^[\\w.-]+/[\\w.-]+$';

/** The same pattern as a RegExp (no global flag, so `test` keeps no state between calls). */
export const GITHUB_REPOSITORY = new RegExp(GITHUB_REPOSITORY_PATTERN);
