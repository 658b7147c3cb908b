-- Headless Neovim check of the README's setup: starts postmortem-language-server over stdio for a
-- Markdown buffer and waits for its diagnostics. Run by test/editors/neovim.sh; exits non-zero
-- when no diagnostics arrive. vim.lsp.start_client is used because it exists in every Neovim
-- with built-in LSP (0.5+); vim.lsp.start and vim.lsp.config (README) are built on it.
local server = assert(os.getenv('PM_SERVER'), 'PM_SERVER')
local file = assert(os.getenv('PM_FILE'), 'PM_FILE')
vim.cmd('edit ' .. vim.fn.fnameescape(file))
vim.bo.filetype = 'markdown'
local client_id = vim.lsp.start_client({
  name = 'postmortem',
  cmd = { 'node', server, '--stdio' },
  root_dir = vim.fn.fnamemodify(file, ':h'),
})
vim.lsp.buf_attach_client(0, client_id)
local arrived = vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 100)
for _, d in ipairs(vim.diagnostic.get(0)) do
  io.stdout:write(string.format('%d:%d %s %s\n', d.lnum + 1, d.col + 1, tostring(d.source), tostring(d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code))))
end
io.stdout:flush()
vim.lsp.stop_client(client_id)
vim.cmd(arrived and 'qa!' or 'cq!')
