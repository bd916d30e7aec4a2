-- Headless check of the tvmscript language server in Neovim (tests/server/test_nvim.py).
-- Waits for the diagnostics of the current buffer, hovers on a function name and on `T.grid`,
-- formats the buffer and writes what it saw as JSON to $TVMSCRIPT_PROBE_OUT.

local out = vim.env.TVMSCRIPT_PROBE_OUT
local result = { diagnostics = {}, errors = {} }

-- The position of the first (or the last) match of `pattern`.
local function find(pattern, last)
  local found = nil
  for number, line in ipairs(vim.api.nvim_buf_get_lines(0, 0, -1, false)) do
    local column = line:find(pattern)
    if column ~= nil then
      found = { line = number - 1, character = column - 1 }
      if not last then
        return found
      end
    end
  end
  return found
end

local function hover_at(position)
  local params = { textDocument = vim.lsp.util.make_text_document_params(), position = position }
  local answers = vim.lsp.buf_request_sync(0, "textDocument/hover", params, 10000) or {}
  for _, answer in pairs(answers) do
    if answer.error ~= nil then
      table.insert(result.errors, answer.error.message)
    elseif answer.result ~= nil then
      local contents = answer.result.contents
      return type(contents) == "table" and (contents.value or vim.inspect(contents)) or contents
    end
  end
  return vim.NIL
end

local ok, failure = pcall(function()
  local attached = vim.wait(30000, function()
    return #vim.lsp.buf_get_clients(0) > 0
  end, 20)
  result.attached = attached
  result.got_diagnostics = vim.wait(30000, function()
    return #vim.diagnostic.get(0) > 0
  end, 20)
  for _, d in ipairs(vim.diagnostic.get(0)) do
    table.insert(result.diagnostics, {
      line = d.lnum,
      col = d.col,
      code = d.code,
      message = d.message,
      severity = d.severity,
    })
  end
  local def = find("def [%w_]+%(", true) -- the last function (the first has an error)
  if def ~= nil then
    def.character = def.character + 5
    result.hover_function = hover_at(def)
  end
  local grid = find("T%.grid")
  if grid ~= nil then
    grid.character = grid.character + 3
    result.hover_grid = hover_at(grid)
  end
  vim.lsp.buf.formatting_sync(nil, 10000)
  result.formatted = vim.api.nvim_buf_get_lines(0, 0, -1, false)
end)
if not ok then
  table.insert(result.errors, tostring(failure))
end
vim.fn.writefile({ vim.fn.json_encode(result) }, out)
vim.cmd("qa!")
