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
}

impl Language {
    pub const ALL: [Language; 4] = [
        Language::Bash,
        Language::Python,
        Language::Sql,
        Language::Hcl,
    ];

    /// The query directory name and the id used in configuration and output.
    pub fn name(self) -> &'static str {
        match self {
            Language::Bash => "bash",
            Language::Python => "python",
            Language::Sql => "sql",
            Language::Hcl => "hcl",
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
        }
    }

    /// The line-comment marker a directive is written after.
    pub fn line_comment(self) -> &'static str {
        match self {
            Language::Bash | Language::Python | Language::Hcl => "#",
            Language::Sql => "--",
        }
    }

    /// Node kinds of the grammar that are comments (directives live in them).
    pub fn comment_kinds(self) -> &'static [&'static str] {
        match self {
            Language::Bash | Language::Python | Language::Hcl => &["comment"],
            Language::Sql => &["comment", "marginalia"],
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
            _ => {}
        }
        let extension = lower.rsplit_once('.').map(|(_, ext)| ext)?;
        match extension {
            "sh" | "bash" | "ksh" | "zsh" | "bats" | "command" => Some(Language::Bash),
            "py" | "pyi" | "pyw" => Some(Language::Python),
            "sql" | "psql" | "pgsql" | "mysql" => Some(Language::Sql),
            "tf" | "tfvars" | "hcl" | "tftest" if !lower.ends_with(".tf.json") => {
                Some(Language::Hcl)
            }
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
            ("plan.tf.json", "", None),
            ("README", "hello", None),
        ];
        for (name, contents, expected) in cases {
            assert_eq!(Language::detect(name, contents), *expected, "{name}");
        }
    }
}
