-- Neovim 0.11+ config for the tvmscript language server (`:help lsp-config`).
--
-- Install: copy this file to ~/.config/nvim/lsp/tvmscript.lua (or put editors/nvim on
-- 'runtimepath'), then, in your init.lua:
--
--   vim.lsp.enable("tvmscript")
--
-- Override any field with vim.lsp.config("tvmscript", { ... }), e.g. another `cmd` or target.
-- The server is `python -m tvmscript_server`, run by $TVMSCRIPT_PYTHON, else by the
-- .venv/bin/python of the checkout this file is in, else `tvmscript lsp` from PATH, else by
-- python3 (tvmscript must be installed for it). It serves every Python buffer and answers
-- only for TVMScript definitions (plain Python gets nothing).

local function checkout_python()
  local source = debug.getinfo(1, "S").source
  if source:sub(1, 1) ~= "@" then
    return nil
  end
  local here = vim.fs.dirname(vim.fs.normalize(source:sub(2)))
  local python = vim.fs.joinpath(here, "..", "..", "..", ".venv", "bin", "python")
  return vim.fn.executable(python) == 1 and vim.fs.normalize(python) or nil
end

local function server_cmd()
  local chosen = vim.env.TVMSCRIPT_PYTHON
  if chosen ~= nil and chosen ~= "" then
    return { chosen, "-m", "tvmscript_server" }
  end
  local python = checkout_python()
  if python ~= nil then
    return { python, "-m", "tvmscript_server" }
  end
  if vim.fn.executable("tvmscript") == 1 then
    return { "tvmscript", "lsp" }
  end
  return { "python3", "-m", "tvmscript_server" }
end

-- The server's options, as the VS Code extension's settings of the same names.
local options = {
  target = "llvm", -- checked against; Show Lowered TIR / Show LLVM compile for it
  diagnostics = {
    enabled = true,
    buildWarnings = true, -- the build-* warnings
    ignore = {}, -- codes never shown, e.g. { "dtype-mismatch" }
  },
  inlayHints = { enabled = true },
}

---@type vim.lsp.Config
return {
  cmd = server_cmd(),
  filetypes = { "python" },
  root_markers = { "pyproject.toml", "setup.py", "setup.cfg", ".git" },
  init_options = options,
  settings = { tvmscript = options },
}
