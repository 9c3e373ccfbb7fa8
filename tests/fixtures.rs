//! Runs every annotated fixture under `tests/fixtures/`: a finding on an unannotated line fails as
//! noise, an annotation without its finding fails as a miss.

mod common;

use blast_radius::analysis::RuleSet;

#[test]
fn fixtures_match_their_annotations() {
    let rules = RuleSet::builtin();
    let results = common::run_fixtures(&rules);
    assert!(!results.is_empty(), "no fixtures found");
    let mut report = String::new();
    for result in &results {
        let relative = result
            .path
            .strip_prefix(common::root())
            .unwrap_or(&result.path);
        for mismatch in &result.mismatches {
            report.push_str(&format!("{}:{mismatch}\n", relative.display()));
        }
    }
    assert!(report.is_empty(), "fixture mismatches:\n{report}");
}

#[test]
fn diff_fixture_pairs_match_their_annotations() {
    let rules = RuleSet::builtin();
    let results = common::run_diff_fixtures(&rules);
    assert!(!results.is_empty(), "no diff fixtures found");
    let mut report = String::new();
    for result in &results {
        let relative = result
            .path
            .strip_prefix(common::root())
            .unwrap_or(&result.path);
        for mismatch in &result.mismatches {
            report.push_str(&format!("{}:{mismatch}\n", relative.display()));
        }
    }
    assert!(report.is_empty(), "diff fixture mismatches:\n{report}");
}
