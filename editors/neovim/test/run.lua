-- Headless test of the Neovim integration with a real Neovim and the real server:
--   nvim --headless --clean -i NONE -l editors/neovim/test/run.lua
-- `blast-radius` must be on PATH (the documented `cmd`). It loads the plugin as a user would,
-- opens one fixture per supported filetype and waits for the server's diagnostic, then runs the
-- "Request review" and "Record review" code actions and `:BlastRadiusRequestReview!` and checks
-- the buffer text the server's edits produce.

local here = vim.fs.dirname(vim.fs.abspath(debug.getinfo(1, 'S').source:sub(2)))
local plugin_root = vim.fs.dirname(here)
local timeout_ms = tonumber(vim.env.BLAST_RADIUS_TEST_TIMEOUT_MS) or 20000

vim.opt.runtimepath:prepend(plugin_root)
vim.o.swapfile = false
vim.o.hidden = true
-- Opening a Python file would otherwise probe for the Python provider (seconds per start).
vim.g.loaded_python3_provider = 0
-- The reviewer name a user would set; "Record review" must write it.
vim.lsp.config('blast_radius', { settings = { blastRadius = { reviewerName = 'Test Reviewer' } } })
vim.cmd.runtime('plugin/blast_radius.lua')

local failures = 0
local function say(text)
  io.stdout:write(text, '\n')
end
local function check(name, fn)
  local started = vim.uv.hrtime()
  local ok, err = pcall(fn)
  local ms = (vim.uv.hrtime() - started) / 1e6
  if ok then
    say(('ok   %-44s %6.0f ms'):format(name, ms))
  else
    failures = failures + 1
    say(('FAIL %-44s %6.0f ms\n     %s'):format(name, ms, err))
  end
end

local function wait_for(what, cond)
  if not vim.wait(timeout_ms, cond, 20) then
    error('timed out after ' .. timeout_ms .. ' ms waiting for ' .. what, 2)
  end
end

local function findings(bufnr)
  return vim.tbl_filter(function(d)
    return d.source == 'blast-radius'
  end, vim.diagnostic.get(bufnr))
end

local function lines(bufnr)
  return vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
end

local function expect_lines(bufnr, expected)
  local got = lines(bufnr)
  if not vim.deep_equal(got, expected) then
    error(('buffer text\n  got:      %s\n  expected: %s'):format(vim.inspect(got), vim.inspect(expected)), 2)
  end
end

-- A scratch copy of the fixtures: the test edits buffers (never writes them).
local workspace = vim.fn.tempname()
vim.fn.mkdir(workspace, 'p')
local fixtures = vim.fs.joinpath(plugin_root, '..', 'fixtures')
for name in vim.fs.dir(fixtures) do
  vim.uv.fs_copyfile(vim.fs.joinpath(fixtures, name), vim.fs.joinpath(workspace, name))
end

local function open(name)
  local path = vim.fs.joinpath(workspace, name)
  local bufnr = vim.fn.bufnr(path)
  if bufnr > 0 then
    vim.api.nvim_set_current_buf(bufnr)
  else
    vim.cmd.edit(vim.fn.fnameescape(path))
  end
  return vim.api.nvim_get_current_buf()
end

-- { file, Neovim's filetype for it, a rule the server reports, its 1-based line }
local cases = {
  { 'deploy.sh', 'sh', 'rm-recursive-unguarded', 3 },
  { 'job.py', 'python', 'recursive-delete-dynamic-path', 5 },
  { 'migration.sql', 'sql', 'sql-drop-table', 1 },
  { 'main.tf', 'terraform', 'tf-force-destroy', 3 },
  { 'clean.js', 'javascript', 'recursive-delete-dynamic-path', 2 },
  { 'clean.ts', 'typescript', 'recursive-delete-dynamic-path', 3 },
  { 'clean.tsx', 'typescriptreact', 'recursive-delete-dynamic-path', 3 },
  { 'clean.go', 'go', 'recursive-delete-dynamic-path', 6 },
  { 'clean.rs', 'rust', 'recursive-delete-dynamic-path', 2 },
  { 'binding.yaml', 'yaml', 'k8s-cluster-admin-binding', 8 },
  { 'policy.json', 'json', 'iam-wildcard-action', 3 },
  { 'Dockerfile', 'dockerfile', 'dockerfile-add-remote-url', 2 },
}

for _, case in ipairs(cases) do
  local file, filetype, rule, line = unpack(case)
  check(('diagnostic in %s (%s)'):format(file, filetype), function()
    local bufnr = open(file)
    assert(vim.bo[bufnr].filetype == filetype, 'filetype is ' .. vim.bo[bufnr].filetype)
    wait_for(rule, function()
      for _, d in ipairs(findings(bufnr)) do
        if d.code == rule and d.lnum == line - 1 then
          return true
        end
      end
      return false
    end)
  end)
end

check('the server was started once, from the documented config', function()
  local clients = vim.lsp.get_clients({ name = 'blast_radius' })
  assert(#clients == 1, #clients .. ' clients')
  assert(clients[1].config.cmd[1] == 'blast-radius', vim.inspect(clients[1].config.cmd))
end)

check(':BlastRadiusRequestReview inserts the directive', function()
  local bufnr = open('deploy.sh')
  vim.api.nvim_win_set_cursor(0, { 3, 0 })
  vim.cmd('BlastRadiusRequestReview')
  wait_for('the edit', function()
    return #lines(bufnr) == 4
  end)
  expect_lines(bufnr, {
    '#!/usr/bin/env bash',
    'set -eu',
    '# blast-radius: review-requested rm-recursive-unguarded',
    'rm -rf "$BUILD_DIR"/*',
  })
  wait_for('the diagnostic to say "review requested"', function()
    local d = findings(bufnr)[1]
    return d ~= nil and d.message:find('review requested', 1, true) ~= nil
  end)
end)

check('"Record review" writes the reviewerName setting', function()
  local bufnr = open('deploy.sh')
  vim.api.nvim_win_set_cursor(0, { 4, 0 })
  local title
  vim.lsp.buf.code_action({
    apply = true,
    filter = function(action)
      if vim.startswith(action.title, 'Record review of ') then
        title = action.title
        return true
      end
      return false
    end,
  })
  wait_for('the edit', function()
    return lines(bufnr)[3] ~= '# blast-radius: review-requested rm-recursive-unguarded'
  end)
  assert(title == 'Record review of rm-recursive-unguarded by Test Reviewer', tostring(title))
  expect_lines(bufnr, {
    '#!/usr/bin/env bash',
    'set -eu',
    '# blast-radius: reviewed rm-recursive-unguarded by Test Reviewer',
    'rm -rf "$BUILD_DIR"/*',
  })
end)

check(':BlastRadiusRequestReview! requests review for the whole file', function()
  local bufnr = open('release.sh')
  wait_for('two findings', function()
    return #findings(bufnr) == 2
  end)
  vim.cmd('BlastRadiusRequestReview!')
  wait_for('the edit', function()
    return #lines(bufnr) == 5
  end)
  expect_lines(bufnr, {
    '#!/bin/sh',
    '# blast-radius: review-requested git-force-push',
    'git push --force origin main',
    '# blast-radius: review-requested rm-recursive-unguarded',
    'rm -rf "$CACHE_DIR"/*',
  })
end)

vim.fn.delete(workspace, 'rf')
if failures > 0 then
  say(failures .. ' failed')
  os.exit(1)
end
say('all passed')
os.exit(0)
