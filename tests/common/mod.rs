//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod lsp_client;

use std::path::{Path, PathBuf};

use blast_radius::analysis::{self, Language, RuleSet};
use blast_radius::fixtures::{self, Annotations, Mismatch};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every file below `dir`, sorted.
pub fn files_below(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

pub struct FixtureResult {
    pub path: PathBuf,
    pub annotations: Annotations,
    pub mismatches: Vec<Mismatch>,
}

/// Runs every fixture below `tests/fixtures/` against `rules`.
pub fn run_fixtures(rules: &RuleSet) -> Vec<FixtureResult> {
    let dir = root().join("tests/fixtures");
    files_below(&dir)
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("fixture is UTF-8");
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            let language = Language::detect(&name, &text)
                .unwrap_or_else(|| panic!("{}: no language for this fixture", path.display()));
            let annotations = fixtures::parse(&text, language);
            let (findings, truncated) = analysis::analyze_checked(&text, language, rules);
            let mut mismatches = fixtures::compare(&text, &annotations, &findings);
            if truncated {
                mismatches.push(Mismatch::Malformed(
                    "the analysis stopped early (match limit or time budget)".into(),
                ));
            }
            FixtureResult {
                path,
                annotations,
                mismatches,
            }
        })
        .collect()
}
