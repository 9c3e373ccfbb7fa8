-- Enables the blast-radius language server (lsp/blast_radius.lua) and adds its commands.
-- Set `vim.g.blast_radius_enable = false` before this runs to only get the commands.

if vim.g.loaded_blast_radius or vim.fn.has('nvim-0.11') == 0 then
  return
end
vim.g.loaded_blast_radius = true

local function client_for(bufnr)
  return vim.lsp.get_clients({ bufnr = bufnr, name = 'blast_radius' })[1]
end

--- Applies the server's "Request review …" quick fix for the finding under the cursor.
local function request_review()
  if not client_for(0) then
    vim.notify('blast-radius: the server is not attached to this buffer', vim.log.levels.WARN)
    return
  end
  vim.lsp.buf.code_action({
    apply = true,
    context = { only = { 'quickfix' } },
    -- The server's title is "Request review of <rule-id>".
    filter = function(action)
      return vim.startswith(action.title, 'Request review of ')
    end,
  })
end

--- Runs `blast-radius.requestReviewAll`: one request per finding of the buffer.
local function request_review_all()
  local client = client_for(0)
  if not client then
    vim.notify('blast-radius: the server is not attached to this buffer', vim.log.levels.WARN)
    return
  end
  client:exec_cmd({
    title = 'Request review for every finding',
    command = 'blast-radius.requestReviewAll',
    arguments = { vim.uri_from_bufnr(0) },
  }, { bufnr = 0 })
end

--- Runs `blast-radius.scanWorkspace`: findings of the files that are not open go to the
--- diagnostics (and so to `:lua vim.diagnostic.setqflist()`).
local function scan_workspace()
  local client = client_for(0) or vim.lsp.get_clients({ name = 'blast_radius' })[1]
  if not client then
    vim.notify('blast-radius: the server is not running', vim.log.levels.WARN)
    return
  end
  client:request('workspace/executeCommand', { command = 'blast-radius.scanWorkspace', arguments = {} }, function(err, result)
    if err then
      vim.notify('blast-radius: ' .. err.message, vim.log.levels.ERROR)
    elseif result then
      vim.notify(('blast-radius: %d findings in %d files'):format(result.findings, result.files))
    end
  end)
end

vim.api.nvim_create_user_command('BlastRadiusRequestReview', function(opts)
  if opts.bang then
    request_review_all()
  else
    request_review()
  end
end, { bang = true, desc = 'blast-radius: request review of the finding under the cursor (! for the whole file)' })

vim.api.nvim_create_user_command('BlastRadiusScanWorkspace', scan_workspace, {
  desc = 'blast-radius: check every file of the workspace',
})

if vim.g.blast_radius_enable ~= false then
  vim.lsp.enable('blast_radius')
end
