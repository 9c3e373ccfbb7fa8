//! What `check` learns from git: provenance and the severity policy for each finding,
//! `--diff <rev>` (only findings on changed lines) and `--four-eyes` (a review counts only when
//! another author committed it). Only files with findings are looked up, and only the lines of
//! findings and directives are blamed.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::check::{FileReport, HistoryOptions};
use crate::analysis::{self, Finding, Review, Scope};
use crate::provenance::git::{Base, Repo, changed_lines};
use crate::provenance::{Change, FileFacts, Provenance, finding_lines};

/// Repositories by directory, opened once.
#[derive(Default)]
struct Repos {
    repos: Vec<Repo>,
    by_dir: HashMap<PathBuf, Option<usize>>,
}

impl Repos {
    fn for_file(&mut self, file: &Path) -> Option<&mut Repo> {
        let dir = std::path::absolute(file).ok()?.parent()?.to_path_buf();
        let index = match self.by_dir.get(&dir) {
            Some(index) => *index,
            None => {
                let found = Repo::discover(&dir).map(|repo| {
                    match self
                        .repos
                        .iter()
                        .position(|r| r.workdir() == repo.workdir())
                    {
                        Some(index) => index,
                        None => {
                            self.repos.push(repo);
                            self.repos.len() - 1
                        }
                    }
                });
                self.by_dir.insert(dir, found);
                found
            }
        };
        self.repos.get_mut(index?)
    }
}

/// Fills in each finding's provenance and policy severity, and applies `--diff` and
/// `--four-eyes`. `Err` is a usage error (exit 2): `--diff` outside a repository or with a
/// revision that does not resolve.
pub fn apply(files: &mut [FileReport], options: &HistoryOptions) -> Result<(), String> {
    let mut repos = Repos::default();
    for file in files.iter_mut() {
        let read_provenance = options.provenance && file.provenance;
        // Without `--diff`, the base is HEAD, which is read only where provenance may be (so
        // `--no-provenance` and `provenance = false` keep `check` from reading git at all).
        let wants_diff_rules =
            file.rules.has_diff_rules(file.language) && (options.diff.is_some() || read_provenance);
        let needs_git =
            read_provenance || options.diff.is_some() || options.four_eyes || wants_diff_rules;
        let repo = if needs_git {
            repos.for_file(&file.file)
        } else {
            None
        };
        let Some(repo) = repo else {
            if options.diff.is_some() {
                return Err(format!(
                    "--diff needs a git repository, and {} is not in one",
                    file.path
                ));
            }
            judge(file, &FileFacts::unknown(), options.four_eyes);
            continue;
        };
        // The base version: the file at `--diff <rev>`, else at HEAD. Diff rules compare the
        // file with it (a file new since the base has nothing to compare with).
        let relative = repo.relative(&file.file);
        let old = match (&options.diff, &relative) {
            (Some(rev), Some(relative)) => repo.text_at(rev, relative)?,
            (Some(_), None) => return Err(format!("{}: not inside the repository", file.path)),
            (None, Some(relative)) if wants_diff_rules => {
                repo.text_at("HEAD", relative).ok().flatten()
            }
            (None, _) => None,
        };
        if let (Some(old), true) = (&old, wants_diff_rules) {
            analysis::diff::analyze_diff(
                old,
                None,
                &file.text,
                None,
                file.language,
                &file.rules,
                &mut file.findings,
            );
        }
        let mut facts = if read_provenance || options.four_eyes {
            let lines = lines_of_interest(file);
            let base: Base = repo.base(&file.file, Some((&file.text, &lines)));
            base.facts(&file.text, None)
        } else {
            FileFacts::unknown()
        };
        if let Some(rev) = &options.diff {
            let changed = changed_lines(old.as_deref(), &file.text);
            if facts.lines.len() < changed.len() {
                facts.lines.resize(changed.len(), Default::default());
            }
            for (slot, changed) in facts.lines.iter_mut().zip(&changed) {
                if *changed && slot.change.is_none() {
                    slot.change = Some(Change::SinceRevision(rev.clone()));
                }
            }
            let lines = &file.lines;
            let rules = &file.rules;
            // Diff findings are about the change itself, whether or not their line changed (a
            // guard removed is reported on its block's unchanged first line).
            file.findings.retain(|f| {
                let (first, last) = finding_lines(lines, f);
                rules.get(&f.rule).is_some_and(|r| r.is_diff())
                    || (first..=last).any(|l| changed.get(l).copied().unwrap_or(false))
            });
        }
        judge(file, &facts, options.four_eyes);
    }
    Ok(())
}

/// The 0-based lines of findings and of their directives.
fn lines_of_interest(file: &FileReport) -> Vec<usize> {
    let mut lines = Vec::new();
    for finding in &file.findings {
        let (first, last) = finding_lines(&file.lines, finding);
        lines.extend(first..=last);
        if let Some(directive) = &finding.directive {
            lines.push(file.lines.line_of(directive.start));
        }
    }
    lines.sort_unstable();
    lines.dedup();
    lines
}

/// Sets each finding's severity by the policy and records its provenance; with `--four-eyes`,
/// a review that fails the rule does not count and the finding is judged as unreviewed.
fn judge(file: &mut FileReport, facts: &FileFacts, four_eyes: bool) {
    let mut findings = std::mem::take(&mut file.findings);
    crate::provenance::judge(&mut findings, &file.lines, &file.rules, facts, &file.policy);
    if four_eyes {
        for finding in &mut findings {
            if !matches!(finding.review, Review::Reviewed { .. }) {
                continue;
            }
            let Some(reason) = review_problem(file, finding, facts) else {
                continue;
            };
            let rule = file.rules.get(&finding.rule);
            let scope = rule.map_or(Scope::Process, |r| r.scope);
            let unreviewed = rule.map_or(finding.severity, |r| r.severity);
            let (first, last) = finding_lines(&file.lines, finding);
            let line_facts = facts.for_lines(first..last + 1);
            let (severity, class) =
                file.policy
                    .apply(scope, unreviewed, &Review::None, &line_facts, facts.known);
            finding.severity = severity;
            let mut provenance = Provenance::new(line_facts, class);
            provenance.review_rejected = Some(reason);
            finding.provenance = Some(Arc::new(provenance));
        }
    }
    file.findings = findings;
}

/// Why a `reviewed` directive fails the four-eyes rule, if it does.
fn review_problem(file: &FileReport, finding: &Finding, facts: &FileFacts) -> Option<String> {
    if !facts.known {
        return Some("--four-eyes needs git history, and this file is not in a repository".into());
    }
    let directive_line = file.lines.line_of(finding.directive.as_ref()?.start);
    let risky_line = file.lines.line_of(finding.range.start);
    let directive = facts.lines.get(directive_line).cloned().unwrap_or_default();
    let risky = facts.lines.get(risky_line).cloned().unwrap_or_default();
    if directive.change == Some(Change::Uncommitted) {
        return Some("the `reviewed` directive is not committed yet".into());
    }
    if risky.change == Some(Change::Uncommitted) {
        return Some("the reviewed line is not committed yet".into());
    }
    let (Some(review_commit), Some(risky_commit)) = (&directive.commit, &risky.commit) else {
        return Some("the history of the reviewed line or its directive cannot be read".into());
    };
    if review_commit
        .email
        .eq_ignore_ascii_case(&risky_commit.email)
    {
        return Some(format!(
            "the review (commit {}) was committed by {}, who also wrote the line (commit {}); \
             another person must commit it",
            review_commit.id, review_commit.email, risky_commit.id
        ));
    }
    None
}
