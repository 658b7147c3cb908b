/** The package version, written into the bundles by esbuild. */
declare const PM_VERSION: string;
