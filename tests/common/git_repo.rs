//! A git repository in a temp dir and the built binary, for the end-to-end tests of provenance
//! and diff rules.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

/// A git repository in a temp dir, with git's own configuration isolated from the machine's.
pub struct Repo {
    dir: tempfile::TempDir,
}

impl Repo {
    pub fn new() -> Repo {
        let repo = Repo {
            dir: tempfile::tempdir().unwrap(),
        };
        repo.git(&["init", "-q", "-b", "main"], None);
        repo
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn git(&self, args: &[&str], author: Option<(&str, &str)>) -> String {
        let (name, email) = author.unwrap_or(("Ann", "ann@example.com"));
        let output = Command::new("git")
            .args(args)
            .current_dir(self.path())
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_AUTHOR_NAME", name)
            .env("GIT_AUTHOR_EMAIL", email)
            .env("GIT_COMMITTER_NAME", name)
            .env("GIT_COMMITTER_EMAIL", email)
            .output()
            .expect("git runs");
        assert!(
            output.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8_lossy(&output.stdout).trim().to_string()
    }

    pub fn write(&self, path: &str, text: &str) {
        let path = self.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    /// Writes files and commits them as `author` with `message`; returns the commit id.
    pub fn commit(&self, files: &[(&str, &str)], message: &str, author: (&str, &str)) -> String {
        for (path, text) in files {
            self.write(path, text);
        }
        self.git(&["add", "-A"], Some(author));
        self.git(&["commit", "-q", "-m", message], Some(author));
        self.git(&["rev-parse", "HEAD"], None)
    }
}

pub fn blast_radius(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_blast-radius"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

pub fn json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    })
}
