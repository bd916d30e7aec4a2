-- Headless check of the tvmscript language server in Neovim (0.7 with init.lua, 0.11+ with
-- lsp/tvmscript.lua): tests/server/test_nvim.py and tests/editors/test_nvim*.py.
-- Waits for the diagnostics of the current buffer; hovers on the last function's name, on its
-- first parameter (a buffer) and on `T.grid`; asks for completions right after that `T.`;
-- formats the buffer; writes what it saw as JSON to $TVMSCRIPT_PROBE_OUT.

local out = vim.env.TVMSCRIPT_PROBE_OUT
local result = { diagnostics = {}, errors = {}, version = tostring(vim.version()) }

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

local function clients()
  if vim.lsp.get_clients ~= nil then -- Neovim 0.10+
    return vim.lsp.get_clients({ bufnr = 0 })
  end
  return vim.lsp.buf_get_clients(0)
end

local function request(method, position)
  local params = { textDocument = vim.lsp.util.make_text_document_params(), position = position }
  local answers = vim.lsp.buf_request_sync(0, method, params, 30000) or {}
  for _, answer in pairs(answers) do
    if answer.error ~= nil then
      table.insert(result.errors, answer.error.message)
    elseif answer.result ~= nil then
      return answer.result
    end
  end
  return nil
end

local function hover_at(position)
  local answer = request("textDocument/hover", position)
  if answer == nil then
    return vim.NIL
  end
  local contents = answer.contents
  return type(contents) == "table" and (contents.value or vim.inspect(contents)) or contents
end

local function completion_at(position)
  local answer = request("textDocument/completion", position)
  local labels = {}
  for _, item in ipairs((answer or {}).items or answer or {}) do
    table.insert(labels, item.label)
  end
  return labels
end

local function format()
  if vim.lsp.buf.format ~= nil then -- Neovim 0.8+
    vim.lsp.buf.format({ timeout_ms = 30000 })
  else
    vim.lsp.buf.formatting_sync(nil, 30000)
  end
end

local ok, failure = pcall(function()
  result.attached = vim.wait(60000, function()
    return #clients() > 0
  end, 20)
  result.got_diagnostics = vim.wait(60000, function()
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
    result.hover_function = hover_at({ line = def.line, character = def.character + 5 })
    local line = vim.api.nvim_buf_get_lines(0, def.line, def.line + 1, false)[1]
    local open = line:find("(", 1, true)
    result.hover_buffer = hover_at({ line = def.line, character = open }) -- its first parameter
  end
  local grid = find("T%.grid", true)
  if grid ~= nil then
    result.hover_grid = hover_at({ line = grid.line, character = grid.character + 3 })
    result.completion = completion_at({ line = grid.line, character = grid.character + 2 })
  end
  format()
  result.formatted = vim.api.nvim_buf_get_lines(0, 0, -1, false)
end)
if not ok then
  table.insert(result.errors, tostring(failure))
end
vim.fn.writefile({ vim.fn.json_encode(result) }, out)
vim.cmd("qa!")
