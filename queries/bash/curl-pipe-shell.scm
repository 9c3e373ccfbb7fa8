; A pipeline where curl, wget or fetch feeds a shell (later in the same pipeline, possibly after
; tee or a decompressor) that reads its script from stdin: not `sh -c '...'` or `bash -n`.
((pipeline
  [
    (command) @_fetch
    (redirected_statement
      body: (command) @_fetch)
  ]
  [
    (command) @_shell
    (redirected_statement
      body: (command) @_shell)
  ]) @match
  (#cmd? @_fetch "curl" "wget" "fetch")
  (#cmd? @_shell "sh" "bash" "zsh" "dash" "ksh" "fish")
  (#not-flag? @_shell "-c" "-n")
  (#arg? @_fetch "^[\"']?((https?|ftp)://|\\$|[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}([/:?\"']|$))"))

; The same into Python, Perl, Ruby or Node reading the program from stdin (no operand but `-`,
; no -c / -e / -m code of its own): curl https://bootstrap.pypa.io/get-pip.py | python3.
((pipeline
  [
    (command) @_fetch
    (redirected_statement
      body: (command) @_fetch)
  ]
  [
    (command) @_shell
    (redirected_statement
      body: (command) @_shell)
  ]) @match
  (#cmd? @_fetch "curl" "wget" "fetch")
  (#cmd-match? @_shell "^(python[0-9.]*|perl|ruby|node)$")
  (#not-flag? @_shell "-c" "-e" "-E" "-m" "-M" "-p" "-n" "--eval" "--print")
  (#not-arg? @_shell "^[^-]")
  (#arg? @_fetch "^[\"']?((https?|ftp)://|\\$|[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}([/:?\"']|$))"))

; A shell or `source` reading a process substitution that downloads: bash <(curl -fsSL URL).
((command
  argument: (process_substitution
    [
      (command) @_fetch
      (redirected_statement
        body: (command) @_fetch)
      (pipeline
        .
        (command) @_fetch)
    ])) @match
  (#cmd? @match "sh" "bash" "zsh" "dash" "ksh" "source" ".")
  (#cmd? @_fetch "curl" "wget" "fetch")
  (#arg? @_fetch "^[\"']?((https?|ftp)://|\\$|[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}([/:?\"']|$))"))

; A shell's -c script that is exactly the output of a download: sh -c "$(curl -fsSL URL)".
((command
  argument: [
    (string
      .
      (command_substitution
        [
          (command) @_fetch
          (redirected_statement
            body: (command) @_fetch)
          (pipeline
            .
            (command) @_fetch)
        ])
      .)
    (command_substitution
      [
        (command) @_fetch
        (redirected_statement
          body: (command) @_fetch)
        (pipeline
          .
          (command) @_fetch)
      ])
  ]) @match
  (#cmd? @match "sh" "bash" "zsh" "dash" "ksh")
  (#flag? @match "-c")
  (#cmd? @_fetch "curl" "wget" "fetch")
  (#arg? @_fetch "^[\"']?((https?|ftp)://|\\$|[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}([/:?\"']|$))"))

; eval of a download: eval "$(curl -fsSL URL)".
((command
  argument: [
    (string
      .
      (command_substitution
        [
          (command) @_fetch
          (redirected_statement
            body: (command) @_fetch)
          (pipeline
            .
            (command) @_fetch)
        ])
      .)
    (command_substitution
      [
        (command) @_fetch
        (redirected_statement
          body: (command) @_fetch)
        (pipeline
          .
          (command) @_fetch)
      ])
  ]) @match
  (#cmd? @match "eval")
  (#cmd? @_fetch "curl" "wget" "fetch")
  (#arg? @_fetch "^[\"']?((https?|ftp)://|\\$|[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}([/:?\"']|$))"))
