// Bundles the extension and vscode-languageclient into dist/extension.js (the `vscode` module is
// provided by the editor), so the .vsix needs no node_modules.
import * as esbuild from "esbuild";

await esbuild.build({
  entryPoints: ["src/extension.ts"],
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node18",
  outfile: "dist/extension.js",
  external: ["vscode"],
  minify: process.argv.includes("--production"),
  sourcemap: !process.argv.includes("--production"),
  logLevel: "warning",
});
