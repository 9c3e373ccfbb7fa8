; Shell run by Python: os.system / os.popen, and the subprocess functions with a command string
; (a shell script with shell=True; otherwise a program name, which is harmless to read as one).
(call
  function: (attribute
    object: (identifier) @_module
    attribute: (identifier) @_function)
  arguments: (argument_list
    .
    (string) @shell)
  (#eq? @_module "os")
  (#any-of? @_function "system" "popen"))

(call
  function: (attribute
    object: (identifier) @_module
    attribute: (identifier) @_function)
  arguments: (argument_list
    .
    (string) @shell)
  (#eq? @_module "subprocess")
  (#any-of? @_function "run" "call" "check_call" "check_output" "Popen" "getoutput" "getstatusoutput"))

; The argument-list form: subprocess.run(["rm", "-rf", path]).
(call
  function: (attribute
    object: (identifier) @_module
    attribute: (identifier) @_function)
  arguments: (argument_list
    .
    (list) @argv)
  (#eq? @_module "subprocess")
  (#any-of? @_function "run" "call" "check_call" "check_output" "Popen"))
