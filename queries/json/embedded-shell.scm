; npm (and composer) scripts: each string value of the top-level "scripts" object is a shell
; command line (`npm run build` runs it with `sh -c`).
(document
  (object
    (pair
      key: (string
        (string_content) @_key)
      value: (object
        (pair
          value: (string) @shell)))
    (#eq? @_key "scripts")))
