//! The languages blast-radius reads: detection from a file name or a shebang, the tree-sitter
//! grammar, and the comment syntax used for directives and fixture annotations.

use std::fmt;

/// A language with a grammar and a query directory `queries/<name>/`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Language {
    Bash,
    Python,
    Sql,
    Hcl,
    JavaScript,
    TypeScript,
    Tsx,
    Go,
    Rust,
    Yaml,
    Json,
    Dockerfile,
    Make,
    PowerShell,
    Batch,
}

impl Language {
    pub const ALL: [Language; 15] = [
        Language::Bash,
        Language::Python,
        Language::Sql,
        Language::Hcl,
        Language::JavaScript,
        Language::TypeScript,
        Language::Tsx,
        Language::Go,
        Language::Rust,
        Language::Yaml,
        Language::Json,
        Language::Dockerfile,
        Language::Make,
        Language::PowerShell,
        Language::Batch,
    ];

    /// The query directory name and the id used in configuration and output.
    pub fn name(self) -> &'static str {
        match self {
            Language::Bash => "bash",
            Language::Python => "python",
            Language::Sql => "sql",
            Language::Hcl => "hcl",
            Language::JavaScript => "javascript",
            Language::TypeScript => "typescript",
            Language::Tsx => "tsx",
            Language::Go => "go",
            Language::Rust => "rust",
            Language::Yaml => "yaml",
            Language::Json => "json",
            Language::Dockerfile => "dockerfile",
            Language::Make => "make",
            Language::PowerShell => "powershell",
            Language::Batch => "batch",
        }
    }

    pub fn from_name(name: &str) -> Option<Language> {
        Language::ALL.into_iter().find(|l| l.name() == name)
    }

    pub fn grammar(self) -> tree_sitter::Language {
        match self {
            Language::Bash => tree_sitter_bash::LANGUAGE.into(),
            Language::Python => tree_sitter_python::LANGUAGE.into(),
            Language::Sql => tree_sitter_sequel::LANGUAGE.into(),
            Language::Hcl => tree_sitter_hcl::LANGUAGE.into(),
            Language::JavaScript => tree_sitter_javascript::LANGUAGE.into(),
            Language::TypeScript => tree_sitter_typescript::LANGUAGE_TYPESCRIPT.into(),
            Language::Tsx => tree_sitter_typescript::LANGUAGE_TSX.into(),
            Language::Go => tree_sitter_go::LANGUAGE.into(),
            Language::Rust => tree_sitter_rust::LANGUAGE.into(),
            Language::Yaml => tree_sitter_yaml::LANGUAGE.into(),
            Language::Json => tree_sitter_json::LANGUAGE.into(),
            Language::Dockerfile => tree_sitter_containerfile::LANGUAGE.into(),
            Language::Make => tree_sitter_make::LANGUAGE.into(),
            Language::PowerShell => tree_sitter_powershell::LANGUAGE.into(),
            Language::Batch => tree_sitter_batch::LANGUAGE.into(),
        }
    }

    /// The line-comment marker a directive is written after.
    pub fn line_comment(self) -> &'static str {
        match self {
            Language::Bash
            | Language::Python
            | Language::Hcl
            | Language::Yaml
            | Language::Dockerfile
            | Language::Make
            | Language::PowerShell => "#",
            Language::Sql => "--",
            Language::JavaScript
            | Language::TypeScript
            | Language::Tsx
            | Language::Go
            | Language::Rust
            | Language::Json => "//",
            // `::` breaks inside parenthesised blocks; `REM` works everywhere.
            Language::Batch => "REM",
        }
    }

    /// Languages whose grammars extend this one's node types and so also take its queries:
    /// a query under `javascript/` applies to TypeScript and TSX unless they have a file of the
    /// same name.
    pub fn extended_by(self) -> &'static [Language] {
        match self {
            Language::JavaScript => &[Language::TypeScript, Language::Tsx],
            _ => &[],
        }
    }

    /// Whether a comment can be added to a file of this language: JSON documents are read by
    /// strict parsers (IAM, CloudFormation), so no directive is inserted into them.
    pub fn accepts_comments(self) -> bool {
        self != Language::Json
    }

    /// Node kinds of the grammar that are comments (directives live in them).
    pub fn comment_kinds(self) -> &'static [&'static str] {
        match self {
            Language::Sql => &["comment", "marginalia"],
            Language::Rust => &["line_comment", "block_comment"],
            _ => &["comment"],
        }
    }

    /// Detects the language of a file from its name and, for files without a known extension,
    /// the shebang line of its contents.
    pub fn detect(file_name: &str, contents: &str) -> Option<Language> {
        let base = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
        let lower = base.to_ascii_lowercase();
        if let Some(language) = Self::from_file_name(&lower) {
            return Some(language);
        }
        let has_extension = lower.rfind('.').is_some_and(|i| i > 0);
        if has_extension && !lower.ends_with(".in") {
            return None;
        }
        Self::from_shebang(contents)
    }

    fn from_file_name(lower: &str) -> Option<Language> {
        match lower {
            ".bashrc" | ".bash_profile" | ".bash_login" | ".bash_logout" | ".profile"
            | ".zshrc" | ".zprofile" | ".envrc" => return Some(Language::Bash),
            "dockerfile" | "containerfile" => return Some(Language::Dockerfile),
            "makefile" | "gnumakefile" => return Some(Language::Make),
            _ => {}
        }
        if lower.starts_with("dockerfile.") || lower.starts_with("containerfile.") {
            return Some(Language::Dockerfile);
        }
        let extension = lower.rsplit_once('.').map(|(_, ext)| ext)?;
        match extension {
            "sh" | "bash" | "ksh" | "zsh" | "bats" | "command" => Some(Language::Bash),
            "py" | "pyi" | "pyw" => Some(Language::Python),
            "sql" | "psql" | "pgsql" | "mysql" => Some(Language::Sql),
            "tf" | "tfvars" | "hcl" | "tftest" => Some(Language::Hcl),
            "js" | "mjs" | "cjs" | "jsx" => Some(Language::JavaScript),
            "ts" | "mts" | "cts" => Some(Language::TypeScript),
            "tsx" => Some(Language::Tsx),
            "go" => Some(Language::Go),
            "rs" => Some(Language::Rust),
            "yaml" | "yml" => Some(Language::Yaml),
            "json" | "jsonc" => Some(Language::Json),
            "dockerfile" | "containerfile" => Some(Language::Dockerfile),
            "mk" => Some(Language::Make),
            "ps1" | "psm1" => Some(Language::PowerShell),
            "bat" | "cmd" => Some(Language::Batch),
            _ => None,
        }
    }

    /// `#!/bin/sh`, `#!/usr/bin/env bash`, `#!/usr/bin/env -S python3 -u`, ...
    pub fn from_shebang(contents: &str) -> Option<Language> {
        let first = contents.lines().next()?.strip_prefix("#!")?;
        let mut words = first.split_whitespace();
        let mut program = words.next()?.rsplit('/').next()?;
        if program == "env" {
            program = words.find(|w| !w.starts_with('-') && !w.contains('='))?;
        }
        let program = program.trim_end_matches(|c: char| c.is_ascii_digit() || c == '.');
        match program {
            "sh" | "bash" | "dash" | "ksh" | "zsh" | "ash" | "mksh" => Some(Language::Bash),
            "python" | "pypy" => Some(Language::Python),
            "node" | "deno" | "bun" => Some(Language::JavaScript),
            "make" | "gmake" => Some(Language::Make),
            "pwsh" => Some(Language::PowerShell),
            _ => None,
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::Language;

    #[test]
    fn detects_by_extension_name_and_shebang() {
        let cases: &[(&str, &str, Option<Language>)] = &[
            ("deploy.sh", "", Some(Language::Bash)),
            ("dir/.bashrc", "", Some(Language::Bash)),
            ("tool", "#!/usr/bin/env bash\n", Some(Language::Bash)),
            ("tool", "#!/bin/sh -e\n", Some(Language::Bash)),
            (
                "tool",
                "#!/usr/bin/env -S python3 -u\n",
                Some(Language::Python),
            ),
            ("tool", "#!/usr/bin/python3.11\n", Some(Language::Python)),
            ("tool", "#!/usr/bin/perl\n", None),
            ("notes.txt", "#!/bin/sh\n", None),
            ("x.PY", "", Some(Language::Python)),
            ("schema.sql", "", Some(Language::Sql)),
            ("main.tf", "", Some(Language::Hcl)),
            ("prod.tfvars", "", Some(Language::Hcl)),
            ("plan.tf.json", "", Some(Language::Json)),
            ("Dockerfile", "", Some(Language::Dockerfile)),
            ("Dockerfile.prod", "", Some(Language::Dockerfile)),
            ("api.Containerfile", "", Some(Language::Dockerfile)),
            ("app.tsx", "", Some(Language::Tsx)),
            ("deploy.yml", "", Some(Language::Yaml)),
            ("main.go", "", Some(Language::Go)),
            ("lib.rs", "", Some(Language::Rust)),
            ("tool", "#!/usr/bin/env node\n", Some(Language::JavaScript)),
            ("Makefile", "", Some(Language::Make)),
            ("src/makefile", "", Some(Language::Make)),
            ("GNUmakefile", "", Some(Language::Make)),
            ("rules.mk", "", Some(Language::Make)),
            ("Makefile.am", "", None),
            ("build.ps1", "", Some(Language::PowerShell)),
            ("Tools.psm1", "", Some(Language::PowerShell)),
            ("build.cmd", "", Some(Language::Batch)),
            ("CLEAN.BAT", "", Some(Language::Batch)),
            ("rules", "#!/usr/bin/make -f\n", Some(Language::Make)),
            ("tool", "#!/usr/bin/env pwsh\n", Some(Language::PowerShell)),
            ("README", "hello", None),
        ];
        for (name, contents, expected) in cases {
            assert_eq!(Language::detect(name, contents), *expected, "{name}");
        }
    }
}
