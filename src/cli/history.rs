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

/// A file of the base revision (`--diff`, else HEAD), below one of the checked directories, that
/// is gone from the working tree.
pub struct DeletedFile {
    /// The path as a walk of the directory would have shown it.
    pub path: PathBuf,
    /// Its text at the revision.
    pub base: String,
}

/// The files of `rev` below `dirs` that no longer exist, except those `.gitignore` (or
/// `.git/info/exclude`) now ignores. Directories outside a repository have none. `Err` is a
/// revision that does not resolve.
pub fn deleted_files(dirs: &[PathBuf], rev: &str) -> Result<Vec<DeletedFile>, String> {
    let mut found = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut ignores = Ignores::default();
    for dir in dirs {
        let Some(repo) = Repo::discover(dir) else {
            continue;
        };
        let Some(prefix) = repo.relative(dir) else {
            continue;
        };
        for relative in repo.files_at(rev, &prefix)? {
            let absolute = repo.workdir().join(&relative);
            if std::fs::symlink_metadata(&absolute).is_ok() || !seen.insert(absolute.clone()) {
                continue;
            }
            if ignores.is_ignored(repo.workdir(), repo.git_dir(), &relative) {
                continue;
            }
            let below = relative
                .strip_prefix(prefix.as_str())
                .unwrap_or(&relative)
                .trim_start_matches('/');
            let path = below.split('/').fold(dir.clone(), |p, part| p.join(part));
            if let Some(base) = repo.text_at(rev, &relative)? {
                found.push(DeletedFile { path, base });
            }
        }
    }
    Ok(found)
}

/// `.gitignore` matchers per directory of a working tree, built on first use.
#[derive(Default)]
struct Ignores {
    by_dir: HashMap<PathBuf, ignore::gitignore::Gitignore>,
}

impl Ignores {
    /// Whether the repository-relative `path` is ignored by the `.gitignore` files of its
    /// directory and those above it, or by `.git/info/exclude`.
    fn is_ignored(&mut self, workdir: &Path, git_dir: &Path, path: &str) -> bool {
        let parts: Vec<&str> = path.split('/').collect();
        let mut dir = workdir.to_path_buf();
        let mut dirs = vec![dir.clone()];
        for part in &parts[..parts.len().saturating_sub(1)] {
            dir = dir.join(part);
            dirs.push(dir.clone());
        }
        let absolute = workdir.join(path);
        // The deepest `.gitignore` decides, as git does; a whitelist (`!pattern`) there wins.
        for (depth, dir) in dirs.iter().enumerate().rev() {
            let matcher = self.by_dir.entry(dir.clone()).or_insert_with(|| {
                let mut builder = ignore::gitignore::GitignoreBuilder::new(dir);
                builder.add(dir.join(".gitignore"));
                if depth == 0 {
                    builder.add(git_dir.join("info").join("exclude"));
                }
                builder
                    .build()
                    .unwrap_or_else(|_| ignore::gitignore::Gitignore::empty())
            });
            let matched = matcher.matched_path_or_any_parents(&absolute, false);
            if matched.is_ignore() {
                return true;
            }
            if matched.is_whitelist() {
                return false;
            }
        }
        false
    }
}

/// Fills in each finding's provenance and policy severity, and applies `--diff` and
/// `--four-eyes`. `Err` is a usage error (exit 2): `--diff` outside a repository or with a
/// revision that does not resolve.
pub fn apply(files: &mut [FileReport], options: &HistoryOptions) -> Result<(), String> {
    let mut repos = Repos::default();
    for file in files.iter_mut() {
        let may_read_git = options.provenance && file.provenance;
        // A deleted file has no lines to blame.
        let read_provenance = may_read_git && !file.deleted;
        // Without `--diff`, the base is HEAD, which is read only where provenance may be (so
        // `--no-provenance` and `provenance = false` keep `check` from reading git at all).
        let wants_diff_rules =
            file.rules.has_diff_rules(file.language) && (options.diff.is_some() || may_read_git);
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
            (Some(rev), Some(relative)) => repo.text_at_or_same(rev, relative, &file.text)?,
            (Some(_), None) => return Err(format!("{}: not inside the repository", file.path)),
            (None, Some(relative)) if wants_diff_rules => repo
                .text_at_or_same("HEAD", relative, &file.text)
                .ok()
                .flatten(),
            (None, _) => None,
        };
        if let (Some(old), true) = (&old, wants_diff_rules) {
            let dir = file.file.parent().unwrap_or(Path::new("."));
            analysis::diff::analyze_diff_with_modules(
                old,
                &file.text,
                file.language,
                &file.rules,
                &mut file.findings,
                &|source| local_module_texts(dir, source),
            );
        }
        if file.deleted {
            let rev = options.diff.as_deref().unwrap_or("HEAD");
            for finding in &mut file.findings {
                finding.message = format!("file deleted since {rev}: {}", finding.message);
            }
        }
        let mut facts = if read_provenance || options.four_eyes {
            let lines = lines_of_interest(file);
            let base: Base = repo.base(&file.file, Some((&file.text, &lines)));
            base.facts(&file.text, None)
        } else {
            FileFacts::unknown()
        };
        if let Some(rev) = &options.diff {
            let mut changed = changed_lines(old.as_deref(), &file.text);
            if file.deleted {
                // The whole file changed; its findings sit on the one (empty) line.
                changed = vec![true];
            }
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

/// The `.tf` files of a module called with a local `source` (`./storage`, `../modules/db`)
/// from `dir`; none for a registry, git or other remote source.
fn local_module_texts(dir: &Path, source: &str) -> Vec<String> {
    if !(source.starts_with("./") || source.starts_with("../")) {
        return Vec::new();
    }
    let Ok(entries) = std::fs::read_dir(dir.join(source)) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "tf") && path.is_file())
        .collect();
    paths.sort();
    paths
        .iter()
        .filter_map(|path| std::fs::read_to_string(path).ok())
        .collect()
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
