//! `blast-radius test-rules <dir>`: runs a team's own rules against its own annotated fixtures,
//! with the annotation format of the built-in catalog (see `queries/README.md`).
//!
//! Layout: `<dir>/rules/<id>.toml`, `<dir>/<language>/<id>.scm`, and fixtures anywhere below
//! `<dir>/fixtures/`. The built-in rules run too, so a fixture also shows how a team rule
//! interacts with them (an unannotated built-in finding is noise, as in the catalog's own tests).

use std::io::Write;
use std::path::Path;

use crate::analysis::{self, Language, RuleOptions, RuleSet};
use crate::fixtures;
use crate::workspace::{self, display_path};

/// Returns the exit code: 0 all fixtures match, 1 a mismatch, 2 a catalog or usage error.
pub fn run(dir: &Path, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let files = match workspace::read_query_dir(dir) {
        Ok(files) => files,
        Err(message) => {
            let _ = writeln!(err, "error: {message}");
            return 2;
        }
    };
    let (rules, errors) = RuleSet::build(&files, &RuleOptions::default());
    for error in &errors {
        let _ = writeln!(err, "error: {error}");
    }
    if !errors.is_empty() {
        return 2;
    }
    let user_rules: Vec<&str> = rules
        .rules()
        .iter()
        .filter(|r| !r.builtin)
        .map(|r| r.id.as_str())
        .collect();
    let fixture_dir = dir.join("fixtures");
    let mut fixtures_run = 0;
    let mut failures = 0;
    let mut walker = ignore::WalkBuilder::new(&fixture_dir);
    walker.standard_filters(false);
    let mut paths: Vec<_> = walker
        .build()
        .flatten()
        .filter(|e| e.file_type().is_some_and(|t| t.is_file()))
        .map(|e| e.into_path())
        .collect();
    paths.sort();
    for path in paths {
        let shown = display_path(&path);
        let Ok(text) = std::fs::read_to_string(&path) else {
            let _ = writeln!(err, "error: {shown}: cannot read as UTF-8 text");
            failures += 1;
            continue;
        };
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let Some(language) = Language::detect(name, &text) else {
            let _ = writeln!(
                err,
                "warning: {shown}: not a file of a supported language, skipped"
            );
            continue;
        };
        fixtures_run += 1;
        let annotations = fixtures::parse(&text, language);
        let (findings, truncated) = analysis::analyze_checked(&text, language, &rules);
        let mut mismatches = fixtures::compare(&text, &annotations, &findings);
        if truncated {
            mismatches.push(fixtures::Mismatch::Malformed(
                "the analysis stopped early".into(),
            ));
        }
        for mismatch in &mismatches {
            let _ = writeln!(out, "{shown}:{mismatch}");
        }
        if mismatches.is_empty() {
            let _ = writeln!(
                out,
                "ok {shown} ({} expected, {} safe)",
                annotations.expected.len(),
                annotations.safe.len()
            );
        } else {
            failures += 1;
        }
    }
    if fixtures_run == 0 {
        let _ = writeln!(
            err,
            "error: no fixtures found below {}",
            display_path(&fixture_dir)
        );
        return 2;
    }
    let _ = writeln!(
        out,
        "{} passed, {failures} failed ({} user rules: {})",
        fixtures_run - failures,
        user_rules.len(),
        user_rules.join(", ")
    );
    if failures > 0 { 1 } else { 0 }
}
