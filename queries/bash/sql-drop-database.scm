; PostgreSQL's dropdb and MySQL's `mysqladmin drop`: the shell front ends of DROP DATABASE.
((command) @match
  (#cmd? @match "dropdb")
  (#not-flag? @match "--help" "-?" "--version" "-V")
  (#set! message "`dropdb` drops a whole PostgreSQL database: every schema, table and row in it is deleted, and every application using it fails"))

((command) @match
  (#cmd? @match "mysqladmin" "mariadb-admin")
  (#arg? @match "^[\"']?(?i:drop)[\"']?$")
  (#set! message "`mysqladmin drop` drops a whole MySQL database: every table and row in it is deleted, and every application using it fails"))
