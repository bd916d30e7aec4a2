-- Neovim (0.7+) setup for the tvmscript language server. On Neovim 0.11+, prefer
-- lsp/tvmscript.lua beside this file (vim.lsp.config / vim.lsp.enable).
--
-- Try it: nvim -u editors/nvim/init.lua kernel.py
-- or copy the `start_tvmscript` part into your own init.lua.
-- The server is `python -m tvmscript_server`, run by $TVMSCRIPT_PYTHON, else by this
-- checkout's .venv/bin/python, else by python3 (tvmscript must be installed for it).

local here = debug.getinfo(1, "S").source:sub(2):match("(.*/)") or "./"
local repo = vim.fn.fnamemodify(here .. "../..", ":p")

local function server_python()
  local chosen = vim.env.TVMSCRIPT_PYTHON
  if chosen ~= nil and chosen ~= "" then
    return chosen
  end
  local venv = repo .. ".venv/bin/python"
  if vim.fn.executable(venv) == 1 then
    return venv
  end
  return "python3"
end

local client_id = nil

local function start_tvmscript(bufnr)
  if client_id == nil or vim.lsp.get_client_by_id(client_id) == nil then
    client_id = vim.lsp.start_client({
      name = "tvmscript",
      cmd = { server_python(), "-m", "tvmscript_server" },
      root_dir = vim.fn.getcwd(),
    })
  end
  if client_id ~= nil then
    vim.lsp.buf_attach_client(bufnr, client_id)
  end
end

vim.api.nvim_create_autocmd("FileType", {
  pattern = "python",
  callback = function(args)
    start_tvmscript(args.buf)
  end,
})

vim.keymap.set("n", "K", vim.lsp.buf.hover, { desc = "tvmscript: hover" })
vim.keymap.set("n", "<leader>f", function()
  if vim.lsp.buf.format ~= nil then -- Neovim 0.8+
    vim.lsp.buf.format({ timeout_ms = 5000 })
  else
    vim.lsp.buf.formatting_sync(nil, 5000)
  end
end, { desc = "tvmscript: format the file" })
