; Recursive deletes in Node on a path computed at run time: an identifier (`outDir`), a property
; (`this.root`, `config.dist`), a template string with a substitution (`${base}/cache`), a join
; (`path.join(root, name)`), a concatenation, a call (`process.cwd()`). Left quiet: string
; literals and templates without substitutions, path.join / path.resolve of literals (optionally
; from `__dirname`), and scratch directories (tmp-named variables, os.tmpdir(), mkdtemp).

; fs.rm / fs.rmSync / fs.promises.rm / fsPromises.rm / rm imported from fs/promises, and the
; deprecated recursive rmdir, with `{ recursive: true }`.
((call_expression
  function: [
    (identifier)
    (member_expression)
  ] @_fn
  arguments: (arguments
    .
    (_) @target
    .
    (object
      (pair
        key: (property_identifier) @_key
        value: (true))))) @match
  (#match? @_fn "^((fs|fsp|fsPromises|fsExtra|fse|fs\\.promises|fsp\\.promises)\\.)?(rm|rmSync|rmdir|rmdirSync)$")
  (#eq? @_key "recursive")
  (#not-match? @target "^(\"[^\"]*\"|'[^']*'|`([^`$]|\\$[^{`])*\\$?`)$")
  (#not-match? @target "^path\\.(join|resolve)\\(\\s*((__dirname|import\\.meta\\.dirname|\"[^\"]*\"|'[^']*')\\s*,?\\s*)*\\)$")
  (#not-match? @target "(?i)^(this\\.)?_*(tmp|temp)|\\b(tmpdir|mkdtempSync|mkdtemp)\\("))

; rimraf(p), rimraf.sync(p), rimrafSync(p), and fs-extra's remove / removeSync / emptyDir /
; emptyDirSync, which delete a whole tree with no option needed.
((call_expression
  function: [
    (identifier)
    (member_expression)
  ] @_fn
  arguments: (arguments
    .
    (_) @target)) @match
  (#match? @_fn "^(rimraf(\\.(sync|rimraf|rimrafSync|native|nativeSync|manual|manualSync))?|rimrafSync)$")
  (#not-match? @target "^(\"[^\"]*\"|'[^']*'|`([^`$]|\\$[^{`])*\\$?`)$")
  (#not-match? @target "^path\\.(join|resolve)\\(\\s*((__dirname|import\\.meta\\.dirname|\"[^\"]*\"|'[^']*')\\s*,?\\s*)*\\)$")
  (#not-match? @target "(?i)^(this\\.)?_*(tmp|temp)|\\b(tmpdir|mkdtempSync|mkdtemp)\\(")
  (#file-match? @match "['\"]rimraf['\"]"))

; fs-extra: fse.remove(p), fs.removeSync(p), fse.emptyDir(p), fse.emptyDirSync(p) in a file that
; imports fs-extra (emptyDir keeps the directory and deletes everything in it).
((call_expression
  function: (member_expression
    object: (identifier) @_mod
    property: (property_identifier) @_method)
  arguments: (arguments
    .
    (_) @target)) @match
  (#any-of? @_mod "fs" "fse" "fsExtra" "fsx")
  (#any-of? @_method "remove" "removeSync" "emptyDir" "emptyDirSync" "emptydir")
  (#not-match? @target "^(\"[^\"]*\"|'[^']*'|`([^`$]|\\$[^{`])*\\$?`)$")
  (#not-match? @target "^path\\.(join|resolve)\\(\\s*((__dirname|import\\.meta\\.dirname|\"[^\"]*\"|'[^']*')\\s*,?\\s*)*\\)$")
  (#not-match? @target "(?i)^(this\\.)?_*(tmp|temp)|\\b(tmpdir|mkdtempSync|mkdtemp)\\(")
  (#file-match? @match "['\"]fs-extra['\"]"))
