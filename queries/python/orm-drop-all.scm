; SQLAlchemy MetaData.drop_all / Flask-SQLAlchemy db.drop_all. The receiver must look like a
; metadata object (`metadata`, `Base.metadata`, `metadata_obj`) or a Flask-SQLAlchemy handle
; (`db`, `self.db`), so an unrelated `cache.drop_all()` stays quiet. An engine bound in the same
; scope to an in-memory SQLite database (`create_engine("sqlite://")`) is a scratch database and
; stays quiet too.

; drop_all(engine), the engine a name: quiet when it is bound to in-memory SQLite.
((call
  function: (attribute
    object: (_) @target
    attribute: (identifier) @_method)
  arguments: (argument_list
    .
    (identifier) @_engine)) @match
  (#eq? @_method "drop_all")
  (#match? @target "(^|\\.)(([a-z_]*_)?meta(data)?(_obj)?|_?db)$")
  (#not-bound-to? @_engine "create_(async_)?engine\\(\\s*[\"']sqlite(\\+\\w+)?://(/:memory:)?[\"']"))

; drop_all(bind=engine), the same with the keyword.
((call
  function: (attribute
    object: (_) @target
    attribute: (identifier) @_method)
  arguments: (argument_list
    (keyword_argument
      name: (identifier) @_kw
      value: (identifier) @_engine))) @match
  (#eq? @_method "drop_all")
  (#eq? @_kw "bind")
  (#match? @target "(^|\\.)(([a-z_]*_)?meta(data)?(_obj)?|_?db)$")
  (#not-bound-to? @_engine "create_(async_)?engine\\(\\s*[\"']sqlite(\\+\\w+)?://(/:memory:)?[\"']"))

; drop_all() without arguments, or with a bind that is not a plain name (`bind=self.engine`,
; `drop_all(get_engine())`).
((call
  function: (attribute
    object: (_) @target
    attribute: (identifier) @_method)
  arguments: (argument_list) @_args) @match
  (#eq? @_method "drop_all")
  (#match? @target "(^|\\.)(([a-z_]*_)?meta(data)?(_obj)?|_?db)$")
  (#not-match? @_args "^\\(\\s*[A-Za-z_]\\w*\\s*[,)]|\\bbind\\s*=\\s*[A-Za-z_]\\w*\\s*[,)]"))
