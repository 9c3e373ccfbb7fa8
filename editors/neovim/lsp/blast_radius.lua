-- blast-radius language server for Neovim 0.11+ (`vim.lsp.config` format).
--
-- Put this directory on 'runtimepath' (or copy this file to ~/.config/nvim/lsp/) and run
-- `vim.lsp.enable('blast_radius')`. Override any field with
-- `vim.lsp.config('blast_radius', { settings = { blastRadius = { reviewerName = 'Ana Lima' } } })`.

---@type vim.lsp.Config
return {
  cmd = { 'blast-radius', 'server' },
  -- Neovim's filetypes for every language the server reads. The filetype is sent as the
  -- languageId; the server also detects a file by its name, so compound filetypes such as
  -- `yaml.docker-compose` work too.
  filetypes = {
    'sh',
    'bash',
    'zsh',
    'python',
    'sql',
    'terraform',
    'terraform-vars',
    'hcl',
    'javascript',
    'javascriptreact',
    'typescript',
    'typescriptreact',
    'go',
    'rust',
    'yaml',
    'yaml.docker-compose',
    'yaml.gitlab',
    'json',
    'jsonc',
    'dockerfile',
    'make',
    'ps1',
    'dosbatch',
  },
  root_markers = { 'blast-radius.toml', '.git' },
  -- Sent in `workspace/didChangeConfiguration`, and as `initializationOptions` (below).
  -- provenance: use git/AI-authorship facts; bulkInsertLines: a single edit inserting this many
  -- lines is remembered as a bulk insertion (0 = off); policy: overrides of the `[policy]` table
  -- of blast-radius.toml.
  settings = {
    blastRadius = {
      provenance = true,
      bulkInsertLines = 8,
    },
  },
  before_init = function(params, config)
    params.initializationOptions = config.settings
  end,
}
