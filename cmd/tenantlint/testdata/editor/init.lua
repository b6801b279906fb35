-- Neovim configuration for TestNeovim (cmd/tenantlint/editor_test.go): attach `tenantlint lsp`
-- to a Go file, wait for its diagnostics, apply the quick fix offered on the unused directive,
-- save, wait for the new diagnostics, stop the server, and write what happened to $TENANTLINT_OUT
-- for the Go test to check. It is also a working example of attaching the server by hand.
--
-- Environment: TENANTLINT_BIN (the tenantlint binary), TENANTLINT_FILE (the Go file to open),
-- TENANTLINT_ROOT (the workspace folder), TENANTLINT_OUT (the report).

local bin = os.getenv("TENANTLINT_BIN")
local file = os.getenv("TENANTLINT_FILE")
local root = os.getenv("TENANTLINT_ROOT")
local out = assert(io.open(os.getenv("TENANTLINT_OUT"), "w"))

-- A guard against a server that never answers, not a measure of speed.
local guard_ms = 300000

local function say(s)
  out:write(s, "\n")
  out:flush()
end

local function main()
  say("nvim " .. tostring(vim.version().major) .. "." .. tostring(vim.version().minor))
  vim.cmd("edit " .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(bufnr)

  local publishes = 0
  local exit_code = nil
  local config = {
    name = "tenantlint",
    cmd = { bin, "lsp" },
    root_dir = root,
    handlers = {
      ["textDocument/publishDiagnostics"] = function(err, result, ctx, cfg)
        vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, cfg)
        if result and vim.uri_to_fname(result.uri) == vim.uri_to_fname(uri) then
          publishes = publishes + 1
        end
      end,
    },
    on_exit = function(code, _)
      exit_code = code
    end,
  }
  local client_id
  if vim.lsp.start then -- Neovim 0.8 and later
    client_id = vim.lsp.start(config)
  else -- Neovim 0.7 (Debian 12)
    client_id = vim.lsp.start_client(config)
    vim.lsp.buf_attach_client(bufnr, client_id)
  end
  if not client_id then
    error("the client did not start")
  end

  local function wait_publish(n, what)
    if not vim.wait(guard_ms, function() return publishes >= n end, 20) then
      error("no diagnostics " .. what)
    end
  end

  local function dump(header)
    say(header)
    local diags = vim.diagnostic.get(bufnr)
    table.sort(diags, function(a, b)
      if a.lnum ~= b.lnum then return a.lnum < b.lnum end
      return a.col < b.col
    end)
    for _, d in ipairs(diags) do
      local lsp = (d.user_data and d.user_data.lsp) or {}
      local href = lsp.codeDescription and lsp.codeDescription.href or ""
      say(string.format("diag %d:%d %s %s %s", d.lnum + 1, d.col + 1, d.source or "", d.code or lsp.code or "", d.message))
      say("  href " .. href)
      for _, r in ipairs(lsp.relatedInformation or {}) do
        say(string.format("  related %s:%d:%d %s", vim.fn.fnamemodify(vim.uri_to_fname(r.location.uri), ":t"),
          r.location.range.start.line + 1, r.location.range.start.character + 1, r.message))
      end
    end
    return diags
  end

  wait_publish(1, "after opening the file")
  local diags = dump("opened")

  -- The quick fix for each diagnostic that has one, asked for at its position.
  local client = vim.lsp.get_client_by_id(client_id)
  for _, d in ipairs(diags) do
    local at = { line = d.lnum, character = d.col }
    local params = {
      textDocument = { uri = uri },
      range = { start = at, ["end"] = at },
      context = { diagnostics = {} },
    }
    local responses = vim.lsp.buf_request_sync(bufnr, "textDocument/codeAction", params, guard_ms) or {}
    for _, resp in pairs(responses) do
      if resp.error then
        error("codeAction: " .. vim.inspect(resp.error))
      end
      for _, action in ipairs(resp.result or {}) do
        say(string.format("action %d:%d %s %s", d.lnum + 1, d.col + 1, action.kind, action.title))
        vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
      end
    end
  end

  vim.cmd("write")
  wait_publish(2, "after saving the file")
  dump("saved")

  vim.lsp.stop_client(client_id)
  if not vim.wait(guard_ms, function() return exit_code ~= nil end, 20) then
    error("the server did not exit")
  end
  say("exit " .. tostring(exit_code))
end

local ok, err = pcall(main)
if not ok then
  say("ERROR " .. tostring(err))
end
out:close()
vim.cmd("qall!")
