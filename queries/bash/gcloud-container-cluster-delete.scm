; gcloud container clusters delete NAME (also through alpha and beta).
((command) @match
  (#cmd? @match "gcloud")
  (#subcmd? @match "container" "clusters" "delete"))
