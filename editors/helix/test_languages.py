"""Checks editors/helix/languages.toml as data and against the real server.

    python3 editors/helix/test_languages.py [path/to/blast-radius]

No Helix binary can be installed here, so this checks what Helix would do with the file:
- it parses as TOML and has only the keys Helix reads for these entries;
- `[language-server.blast-radius]` runs a command that exists, and that command speaks LSP;
- every language the server supports is covered by some Helix language;
- each entry keeps Helix's default servers (in order) and adds blast-radius once;
- for every entry, the server, opened with the languageId Helix sends for it and a file name
  Helix gives that language, publishes the expected finding.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
import unittest
from pathlib import Path

EDITORS = Path(__file__).resolve().parent.parent
REPO = EDITORS.parent
CONFIG = EDITORS / "helix" / "languages.toml"
FIXTURES = EDITORS / "fixtures"

# Helix's built-in language servers per language, from its languages.toml at commit
# 0003a117b461 (the defaults the entries must keep), and the languageId Helix sends: its
# `language-id`, else the language name.
HELIX_DEFAULTS = {
    "bash": ("bash", ["bash-language-server"]),
    "python": ("python", ["ty", "ruff", "jedi", "pylsp", "zuban"]),
    "sql": ("sql", []),
    "hcl": ("terraform", ["terraform-ls"]),
    "tfvars": ("terraform-vars", ["terraform-ls"]),
    "javascript": ("javascript", ["typescript-language-server"]),
    "jsx": ("javascriptreact", ["typescript-language-server"]),
    "typescript": ("typescript", ["typescript-language-server"]),
    "tsx": ("typescriptreact", ["typescript-language-server"]),
    "go": ("go", ["gopls", "golangci-lint-lsp"]),
    "rust": ("rust", ["rust-analyzer"]),
    "yaml": ("yaml", ["yaml-language-server", "ansible-language-server"]),
    "docker-compose": (
        "dockercompose",
        ["docker-compose-langserver", "yaml-language-server", "docker-language-server"],
    ),
    "github-action": (
        "github-action",
        ["actions-language-server", "yaml-language-server", "zizmor"],
    ),
    "json": ("json", ["vscode-json-language-server"]),
    "jsonc": ("jsonc", ["vscode-json-language-server"]),
    "dockerfile": ("dockerfile", ["docker-langserver", "docker-language-server"]),
    "make": ("make", []),
}

# Server languages Helix has no built-in language for (no grammar, file types or language id to
# attach a server to): a user would first have to define the language itself.
NOT_BUILT_INTO_HELIX = {"powershell", "batch"}

# For each Helix language: a file name Helix gives that language, the fixture whose text it
# holds, and a finding the server must report. Some contents are borrowed from a neighbouring
# language (tfvars, compose, jsonc): what is checked there is that the server reads the document
# with the right grammar.
CASES = {
    "bash": ("deploy.sh", "deploy.sh", "rm-recursive-unguarded"),
    "python": ("job.py", "job.py", "recursive-delete-dynamic-path"),
    "sql": ("migration.sql", "migration.sql", "sql-drop-table"),
    "hcl": ("main.tf", "main.tf", "tf-force-destroy"),
    "tfvars": ("prod.tfvars", "main.tf", "tf-force-destroy"),
    "javascript": ("clean.js", "clean.js", "recursive-delete-dynamic-path"),
    "jsx": ("clean.jsx", "clean.js", "recursive-delete-dynamic-path"),
    "typescript": ("clean.ts", "clean.ts", "recursive-delete-dynamic-path"),
    "tsx": ("clean.tsx", "clean.tsx", "recursive-delete-dynamic-path"),
    "go": ("clean.go", "clean.go", "recursive-delete-dynamic-path"),
    "rust": ("clean.rs", "clean.rs", "recursive-delete-dynamic-path"),
    "yaml": ("binding.yaml", "binding.yaml", "k8s-cluster-admin-binding"),
    "docker-compose": ("compose.yaml", "binding.yaml", "k8s-cluster-admin-binding"),
    "github-action": (".github/workflows/ci.yml", "workflow.yml", "gha-permissions-write-all"),
    "json": ("policy.json", "policy.json", "iam-wildcard-action"),
    "jsonc": ("tsconfig.json", "policy.json", "iam-wildcard-action"),
    "dockerfile": ("Dockerfile", "Dockerfile", "dockerfile-add-remote-url"),
    "make": ("Makefile", "Makefile", "rm-recursive-unguarded"),
}


def server_languages():
    """The language names of `Language::name` in src/analysis/language.rs."""
    source = (REPO / "src" / "analysis" / "language.rs").read_text()
    body = source[source.index("pub fn name(self)") :]
    body = body[: body.index("pub fn from_name")]
    return set(re.findall(r'Language::\w+ => "([a-z]+)"', body))


def language_ids():
    """languageId -> server language, from `detect_language` in src/lsp/document.rs."""
    source = (REPO / "src" / "lsp" / "document.rs").read_text()
    body = source[source.index("pub fn detect_language") :]
    body = body[: body.index("_ => None")]
    names = {
        "Bash": "bash", "Python": "python", "Sql": "sql", "Hcl": "hcl",
        "JavaScript": "javascript", "TypeScript": "typescript", "Tsx": "tsx", "Go": "go",
        "Rust": "rust", "Yaml": "yaml", "Json": "json", "Dockerfile": "dockerfile",
        "Make": "make", "PowerShell": "powershell", "Batch": "batch",
    }
    mapping = {}
    for ids, variant in re.findall(r"((?:\"[a-z-]+\"\s*\|?\s*)+)=> Some\(Language::(\w+)\)", body):
        for language_id in re.findall(r'"([a-z-]+)"', ids):
            mapping[language_id] = names[variant]
    return mapping


class Lsp:
    """A minimal LSP client over the server's stdio."""

    def __init__(self, argv, root):
        self.process = subprocess.Popen(
            argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
        self.next_id = 0
        self.root = root

    def send(self, message):
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def receive(self):
        length = None
        while True:
            line = self.process.stdout.readline()
            if not line:
                raise EOFError("the server closed its output")
            line = line.strip()
            if not line:
                break
            name, _, value = line.partition(b":")
            if name.lower() == b"content-length":
                length = int(value)
        return json.loads(self.process.stdout.read(length))

    def request(self, method, params):
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        while True:
            message = self.receive()
            if message.get("id") == self.next_id and "method" not in message:
                return message
            if "id" in message and "method" in message:
                # A request from the server (registerCapability, workDoneProgress/create, ...).
                self.send({"id": message["id"], "result": None})


class HelixLanguages(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        with CONFIG.open("rb") as f:
            cls.config = tomllib.load(f)
        cls.languages = {entry["name"]: entry for entry in cls.config["language"]}
        cls.server = cls.config["language-server"]["blast-radius"]

    def test_only_keys_helix_reads(self):
        self.assertEqual(set(self.config), {"language-server", "language"})
        self.assertEqual(set(self.config["language-server"]), {"blast-radius"})
        self.assertLessEqual(set(self.server), {"command", "args", "config", "environment", "timeout"})
        for entry in self.config["language"]:
            self.assertEqual(set(entry), {"name", "language-servers"}, entry["name"])
        self.assertEqual(len(self.languages), len(self.config["language"]), "a language twice")

    def test_settings_are_the_servers(self):
        settings = self.server["config"]["blastRadius"]
        known = {"reviewerName", "rulesUrl", "provenance", "bulkInsertLines", "policy"}
        self.assertLessEqual(set(settings), known)

    def test_keeps_helix_defaults_and_adds_blast_radius(self):
        self.assertEqual(set(self.languages), set(HELIX_DEFAULTS))
        for name, entry in self.languages.items():
            _, defaults = HELIX_DEFAULTS[name]
            self.assertEqual(entry["language-servers"], defaults + ["blast-radius"], name)

    def test_covers_every_server_language(self):
        ids = language_ids()
        covered = {ids[HELIX_DEFAULTS[name][0]] for name in self.languages if HELIX_DEFAULTS[name][0] in ids}
        self.assertEqual(covered, server_languages() - NOT_BUILT_INTO_HELIX)

    def test_command_exists_and_finds_every_language(self):
        command = shutil.which(self.server["command"])
        self.assertIsNotNone(command, f"`{self.server['command']}` is not on PATH")
        with tempfile.TemporaryDirectory() as root:
            root = Path(root)
            lsp = Lsp([command, *self.server["args"]], root)
            try:
                init = lsp.request(
                    "initialize",
                    {
                        "processId": os.getpid(),
                        "rootUri": root.as_uri(),
                        "capabilities": {},
                        "initializationOptions": self.server["config"],
                    },
                )
                self.assertIn("capabilities", init["result"])
                lsp.send({"method": "initialized", "params": {}})
                expected = {}
                for name in self.languages:
                    file_name, fixture, rule = CASES[name]
                    path = root / name / file_name
                    path.parent.mkdir(parents=True, exist_ok=True)
                    text = (FIXTURES / fixture).read_text()
                    path.write_text(text)
                    expected[path.as_uri()] = (name, rule)
                    lsp.send(
                        {
                            "method": "textDocument/didOpen",
                            "params": {
                                "textDocument": {
                                    "uri": path.as_uri(),
                                    "languageId": HELIX_DEFAULTS[name][0],
                                    "version": 1,
                                    "text": text,
                                }
                            },
                        }
                    )
                found = {}
                while len(found) < len(expected):
                    message = lsp.receive()
                    if message.get("method") == "textDocument/publishDiagnostics":
                        uri = message["params"]["uri"]
                        if uri in expected:
                            found[uri] = {d.get("code") for d in message["params"]["diagnostics"]}
                    elif "id" in message and "method" in message:
                        lsp.send({"id": message["id"], "result": None})
                for uri, (name, rule) in expected.items():
                    with self.subTest(language=name):
                        self.assertIn(rule, found[uri], f"{name}: {found[uri]}")
                lsp.request("shutdown", None)
                lsp.send({"method": "exit"})
                self.assertEqual(lsp.process.wait(timeout=10), 0)
            finally:
                if lsp.process.poll() is None:
                    lsp.process.kill()
                    lsp.process.wait()
                lsp.process.stdin.close()
                lsp.process.stdout.close()


if __name__ == "__main__":
    if len(sys.argv) > 1:
        os.environ["PATH"] = str(Path(sys.argv.pop(1)).resolve().parent) + os.pathsep + os.environ["PATH"]
    unittest.main(verbosity=2)
