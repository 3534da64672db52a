-- Neovim 0.7's built-in LSP client against `editorial-check lsp`, run by Scripts/editor-test.sh as
--   nvim --headless --clean -c 'luafile Tests/Editor/neovim-lsp-test.lua'
-- on a copy of Tests/Editor/Fixtures/bench-letter.md. It starts the server with vim.lsp.start_client (0.7 has no
-- vim.lsp.start), waits for the diagnostics, checks their codes, lines and columns in the negotiated encoding, applies
-- one code action, waits for the server to publish the new state, saves, stops the server and quits with status 0,
-- or with status 1 after writing what went wrong to the log. The shell script compares the saved bytes.
--
-- Environment: EDITORIAL_CHECK (the binary), NK_DRAFT (the copy to edit), NK_LOG (this script's log), NK_CASE:
--   quickfix-utf16  the quick fix of the mojibake after an emoji, positions in UTF-16 (Neovim's default);
--   fixall-utf8     "Fix all safe problems in this file", UTF-8 positions asked for with the offsetEncoding capability;
--   disable-utf16   "Disable mojibake on this line" on the greeting's mojibake.

local binary = os.getenv('EDITORIAL_CHECK')
local draft = os.getenv('NK_DRAFT')
local case = os.getenv('NK_CASE') or ''

-- Every wait is bounded; the shell script also bounds the whole run.
local TIMEOUT_MS = 20000

local log_file = io.open(os.getenv('NK_LOG') or '', 'a') or io.stderr
local function log(format, ...)
  log_file:write(string.format(format, ...), '\n')
  log_file:flush()
end

local function expect(condition, format, ...)
  if not condition then
    error(string.format(format, ...), 0)
  end
end

local function wait_for(description, predicate)
  local done = vim.wait(TIMEOUT_MS, predicate, 20)
  expect(done, 'timed out after %d ms waiting for %s', TIMEOUT_MS, description)
end

-- The fixture's problems (0-based lines). The mojibake after the emoji '🪵' (U+1FAB5: 2 UTF-16 units, 4 UTF-8 bytes)
-- starts at UTF-16 unit 20 or UTF-8 byte 22; 'â€™' is 3 UTF-16 units and 8 UTF-8 bytes.
local GREETING_LINE, EMOJI_LINE, REFERRAL_LINE = 9, 14, 18
local columns = {
  ['utf-16'] = { greeting = { 16, 19 }, emoji = { 20, 23 }, placeholder = { 36, 89 } },
  ['utf-8'] = { greeting = { 16, 24 }, emoji = { 22, 30 }, placeholder = { 36, 89 } },
}

local encoding = case:match('utf8$') and 'utf-8' or 'utf-16'

-- A diagnostic as one comparable string: code@line:start-end (code@line:start-endline:end across lines).
local function describe(diagnostic)
  local start, finish = diagnostic.range.start, diagnostic.range['end']
  local described = string.format('%s@%d:%d-', tostring(diagnostic.code), start.line, start.character)
  if finish.line ~= start.line then
    described = described .. finish.line .. ':'
  end
  return described .. finish.character
end

local function describe_all(diagnostics)
  local described = {}
  for _, diagnostic in ipairs(diagnostics) do
    table.insert(described, describe(diagnostic))
  end
  table.sort(described)
  return table.concat(described, ' ')
end

local function expected_diagnostics(problems)
  local described = {}
  for _, problem in ipairs(problems) do
    local span = columns[encoding][problem[3]]
    table.insert(described, string.format('%s@%d:%d-%d', problem[1], problem[2], span[1], span[2]))
  end
  table.sort(described)
  return table.concat(described, ' ')
end

local initial = expected_diagnostics({
  { 'mojibake', GREETING_LINE, 'greeting' },
  { 'mojibake', EMOJI_LINE, 'emoji' },
  { 'placeholder-link', REFERRAL_LINE, 'placeholder' },
})
local after = ({
  ['quickfix-utf16'] = expected_diagnostics({
    { 'mojibake', GREETING_LINE, 'greeting' },
    { 'placeholder-link', REFERRAL_LINE, 'placeholder' },
  }),
  ['fixall-utf8'] = expected_diagnostics({ { 'placeholder-link', REFERRAL_LINE, 'placeholder' } }),
  -- The inserted comment line moves the later problems down by one.
  ['disable-utf16'] = expected_diagnostics({
    { 'mojibake', EMOJI_LINE + 1, 'emoji' },
    { 'placeholder-link', REFERRAL_LINE + 1, 'placeholder' },
  }),
})[case]

local function run()
  expect(binary and draft, 'EDITORIAL_CHECK and NK_DRAFT must be set')
  expect(after, 'unknown NK_CASE %q', case)
  vim.o.swapfile = false
  vim.lsp.set_log_level('debug')
  vim.cmd('edit ' .. vim.fn.fnameescape(draft))
  local bufnr = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(bufnr)

  local published = {}
  local init_result, exit_code, exit_signal
  local capabilities = vim.lsp.protocol.make_client_capabilities()
  if encoding == 'utf-8' then
    -- clangd's extension, which Neovim 0.7 documents: the server answers with the encoding it picked.
    capabilities.offsetEncoding = { 'utf-8', 'utf-16' }
  end

  local client_id = vim.lsp.start_client({
    name = 'editorial-check',
    cmd = { binary, 'lsp' },
    root_dir = vim.fn.fnamemodify(draft, ':h'),
    capabilities = capabilities,
    on_init = function(client, result)
      init_result = result
      if result.offsetEncoding then
        client.offset_encoding = result.offsetEncoding
      end
    end,
    on_exit = function(code, signal)
      exit_code, exit_signal = code, signal
    end,
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
        if result and result.uri == uri then
          table.insert(published, result)
          log('publishDiagnostics (version %s): %s', tostring(result.version), describe_all(result.diagnostics))
        end
        return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
      end,
    },
  })
  expect(client_id, 'vim.lsp.start_client returned nil')
  expect(vim.lsp.buf_attach_client(bufnr, client_id), 'vim.lsp.buf_attach_client failed')
  wait_for('initialize', function() return init_result ~= nil or exit_code ~= nil end)
  expect(init_result, 'the server exited (code %s, signal %s) before answering initialize', tostring(exit_code),
    tostring(exit_signal))
  local client = vim.lsp.get_client_by_id(client_id)
  log('initialize result: %s', vim.inspect(init_result))
  expect(client.offset_encoding == encoding, 'offset encoding %s, expected %s (initialize result offsetEncoding: %s)',
    client.offset_encoding, encoding, tostring(init_result.offsetEncoding))

  local function latest()
    local last = published[#published]
    return last and describe_all(last.diagnostics) or '(nothing published)'
  end
  local function wait_for_diagnostics(expected, what)
    local matched = vim.wait(TIMEOUT_MS, function() return latest() == expected end, 20)
    expect(matched, 'diagnostics %s: expected %s, latest published %s', what, expected, latest())
  end

  wait_for_diagnostics(initial, 'on open')
  local diagnostics = published[#published].diagnostics
  for _, diagnostic in ipairs(diagnostics) do
    expect(diagnostic.source == 'editorial-check', 'source %s, expected editorial-check', tostring(diagnostic.source))
    expect(diagnostic.severity == vim.lsp.protocol.DiagnosticSeverity.Error, 'severity %s for %s, expected 1 (Error)',
      tostring(diagnostic.severity), describe(diagnostic))
  end
  -- Neovim's own view of them: columns converted to byte columns from whichever encoding was negotiated.
  local byte_columns = {}
  for _, diagnostic in ipairs(vim.diagnostic.get(bufnr)) do
    if diagnostic.lnum == EMOJI_LINE then
      table.insert(byte_columns, diagnostic.col .. '-' .. diagnostic.end_col)
    end
  end
  expect(table.concat(byte_columns, ' ') == '22-30', 'Neovim places the emoji line mojibake at bytes %s, expected 22-30',
    table.concat(byte_columns, ' '))

  local function find(line, code)
    for _, diagnostic in ipairs(diagnostics) do
      if diagnostic.range.start.line == line and diagnostic.code == code then
        return diagnostic
      end
    end
    error(string.format('no %s diagnostic on line %d', code, line), 0)
  end

  local function code_actions(range, context)
    local params = { textDocument = { uri = uri }, range = range, context = context }
    local responses, err = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, TIMEOUT_MS)
    expect(responses, 'textDocument/codeAction: %s', tostring(err))
    local response = responses[client_id]
    expect(response and not response.err, 'textDocument/codeAction failed: %s', vim.inspect(response))
    local actions = response.result or {}
    local titles = {}
    for _, action in ipairs(actions) do
      table.insert(titles, string.format('%s (%s)', tostring(action.title), tostring(action.kind)))
    end
    log('code actions: %s', table.concat(titles, '; '))
    return actions
  end

  local function pick(actions, title, kind)
    for _, action in ipairs(actions) do
      if action.title == title and action.kind == kind then
        expect(action.edit, 'code action %q carries no WorkspaceEdit: %s', title, vim.inspect(action))
        return action
      end
    end
    error(string.format('no code action titled %q of kind %s', title, kind), 0)
  end

  local action
  if case == 'quickfix-utf16' then
    local mojibake = find(EMOJI_LINE, 'mojibake')
    local actions = code_actions(mojibake.range, { diagnostics = { mojibake } })
    pick(actions, 'Disable mojibake on this line', 'quickfix')
    action = pick(actions, "replace 'â€™' with '’'", 'quickfix')
  elseif case == 'fixall-utf8' then
    local whole = { start = { line = 0, character = 0 }, ['end'] = { line = 0, character = 0 } }
    -- What an editor asks for to fix on save: every action of the source.fixAll family.
    action = pick(code_actions(whole, { diagnostics = {}, only = { 'source.fixAll' } }),
      'Fix all safe problems in this file', 'source.fixAll.editorial-check')
  else
    local mojibake = find(GREETING_LINE, 'mojibake')
    action = pick(code_actions(mojibake.range, { diagnostics = { mojibake } }), 'Disable mojibake on this line', 'quickfix')
  end
  log('applying: %s', vim.inspect(action.edit))
  vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
  wait_for_diagnostics(after, 'after the code action (sent as incremental changes)')

  vim.cmd('write')
  vim.lsp.stop_client(client_id)
  wait_for('the server to exit after shutdown', function() return exit_code ~= nil end)
  expect(exit_code == 0 and exit_signal == 0, 'the server exited with code %s, signal %s', tostring(exit_code),
    tostring(exit_signal))
end

local ok, message = xpcall(run, debug.traceback)
if ok then
  log('PASS %s', case)
  log_file:flush()
  vim.cmd('qall!')
else
  log('FAIL %s: %s', case, message)
  log_file:flush()
  vim.cmd('cquit 1')
end
