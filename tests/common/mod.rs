//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod git_repo;
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

/// The base version of a diff fixture: `name.base.ext` beside `name.ext`.
pub fn base_of(path: &Path) -> PathBuf {
    let name = path.file_name().unwrap().to_string_lossy();
    let base = match name.split_once('.') {
        Some((stem, ext)) => format!("{stem}.base.{ext}"),
        None => format!("{name}.base"),
    };
    path.with_file_name(base)
}

/// Runs every fixture pair below `tests/diff-fixtures/` (`name.base.ext`, the base version, and
/// `name.ext`, the current version with the annotations): the findings of the current version
/// analysed with its base, diff rules included, must match the annotations.
pub fn run_diff_fixtures(rules: &RuleSet) -> Vec<FixtureResult> {
    let dir = root().join("tests/diff-fixtures");
    files_below(&dir)
        .into_iter()
        .filter(|path| !path.to_string_lossy().contains(".base."))
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("fixture is UTF-8");
            let base_path = base_of(&path);
            let base = std::fs::read_to_string(&base_path)
                .unwrap_or_else(|_| panic!("{}: no base version", base_path.display()));
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            let language = Language::detect(&name, &text)
                .unwrap_or_else(|| panic!("{}: no language for this fixture", path.display()));
            let annotations = fixtures::parse(&text, language);
            let (mut findings, truncated) = analysis::analyze_checked(&text, language, rules);
            let diff_truncated = analysis::diff::analyze_diff(
                &base,
                None,
                &text,
                None,
                language,
                rules,
                &mut findings,
            );
            let mut mismatches = fixtures::compare(&text, &annotations, &findings);
            if truncated || diff_truncated {
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
