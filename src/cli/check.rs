//! `blast-radius check`: finds the files, the configuration of each, and analyses them in
//! parallel with the same function the language server uses.

use std::collections::HashMap;
use std::fs;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use globset::{Glob, GlobSet, GlobSetBuilder};

use crate::analysis::{
    self, CatalogError, Finding, Language, LineIndex, Review, RuleSet, Severity,
};
use crate::config::{self, Config};
use crate::plan_files::{self, ModulePlan};
use crate::provenance::Policy;
use crate::workspace::{self, Settings, display_path};

/// The findings of one file, with what output needs to show them.
pub struct FileReport {
    pub path: String,
    /// The file on disk (for reading its history).
    pub file: PathBuf,
    pub text: String,
    pub language: Language,
    pub lines: LineIndex,
    pub findings: Vec<Finding>,
    pub rules: Arc<RuleSet>,
    pub fail_on: Severity,
    pub policy: Policy,
    /// Whether the configuration allows reading provenance.
    pub provenance: bool,
    /// The file exists at the base revision (`--diff`, else HEAD) and no longer on disk: `text`
    /// is empty and the findings are what the deletion removed.
    pub deleted: bool,
}

impl FileReport {
    /// A finding blocks (exit 1) when it is not ignored and at or above the fail-on severity;
    /// a reviewed finding is a hint, so it blocks only with `fail-on = "hint"`.
    pub fn is_blocking(&self, finding: &Finding) -> bool {
        !matches!(finding.review, Review::Ignored { .. }) && finding.severity >= self.fail_on
    }
}

/// A file that could not be checked, or a problem with the rules or configuration.
pub struct Problem {
    pub path: String,
    pub message: String,
    /// An error (exit 2) rather than a warning about a skipped file.
    pub is_error: bool,
}

pub struct CheckReport {
    /// Files with findings, sorted by path.
    pub files: Vec<FileReport>,
    pub problems: Vec<Problem>,
    pub files_checked: usize,
}

impl CheckReport {
    /// One line saying whether the review gate passes and why.
    pub fn gate_summary(&self, four_eyes: bool) -> String {
        let mut blocking = 0;
        let mut requested = 0;
        let mut rejected = 0;
        let mut reviewed = 0;
        for file in &self.files {
            for finding in &file.findings {
                let review_rejected = finding
                    .provenance
                    .as_ref()
                    .is_some_and(|p| p.review_rejected.is_some());
                if file.is_blocking(finding) {
                    blocking += 1;
                    if finding.review == Review::Requested {
                        requested += 1;
                    }
                    if review_rejected {
                        rejected += 1;
                    }
                } else if matches!(finding.review, Review::Reviewed { .. }) && !review_rejected {
                    reviewed += 1;
                }
            }
        }
        let rule = if four_eyes { " (four-eyes)" } else { "" };
        if blocking == 0 {
            format!("gate{rule}: passed; {reviewed} reviewed")
        } else {
            let mut parts = vec![format!("{requested} with review requested")];
            if four_eyes {
                parts.push(format!("{rejected} with a review that does not count"));
            }
            format!(
                "gate{rule}: blocked; {blocking} {} at or above fail-on without a valid `reviewed` directive ({}); {reviewed} reviewed",
                if blocking == 1 { "finding" } else { "findings" },
                parts.join(", ")
            )
        }
    }

    pub fn exit_code(&self) -> u8 {
        if self.problems.iter().any(|p| p.is_error) {
            2
        } else if self
            .files
            .iter()
            .any(|f| f.findings.iter().any(|x| f.is_blocking(x)))
        {
            1
        } else {
            0
        }
    }
}

/// The configuration and rules in force for a part of the tree.
struct Context {
    settings: Settings,
    exclude: GlobSet,
}

impl Context {
    fn new(settings: Settings) -> Result<Context, String> {
        let mut builder = GlobSetBuilder::new();
        for pattern in &settings.config.exclude {
            let glob =
                Glob::new(pattern).map_err(|e| format!("exclude pattern `{pattern}`: {e}"))?;
            builder.add(glob);
        }
        let exclude = builder.build().map_err(|e| e.to_string())?;
        Ok(Context { settings, exclude })
    }
}

struct Candidate {
    path: PathBuf,
    explicit: bool,
    context: Arc<Context>,
    /// For a `.tf` file, the Terraform plans of its module, when it has any.
    plan: Option<Arc<ModulePlan>>,
    /// For a file deleted since the base revision, its text there.
    deleted: Option<String>,
}

/// Resolves the configuration of each directory: `--config`, else the nearest
/// `blast-radius.toml` above the file, else the defaults.
struct Contexts {
    fixed: Option<Arc<Context>>,
    by_dir: HashMap<PathBuf, Arc<Context>>,
    default: Option<Arc<Context>>,
    problems: Vec<Problem>,
}

impl Contexts {
    fn for_file(&mut self, file: &Path) -> Result<Arc<Context>, String> {
        if let Some(fixed) = &self.fixed {
            return Ok(fixed.clone());
        }
        let absolute = std::path::absolute(file).map_err(|e| format!("{}: {e}", file.display()))?;
        let mut visited = Vec::new();
        let mut dir = absolute.parent();
        let found = loop {
            let Some(current) = dir else { break None };
            if let Some(context) = self.by_dir.get(current) {
                break Some(context.clone());
            }
            visited.push(current.to_path_buf());
            let candidate = current.join(config::FILE_NAME);
            if candidate.is_file() {
                break Some(Arc::new(load_context(&candidate, &mut self.problems)?));
            }
            dir = current.parent();
        };
        let context = match found {
            Some(context) => context,
            None => match &self.default {
                Some(default) => default.clone(),
                None => {
                    let context = Arc::new(default_context(&mut self.problems)?);
                    self.default = Some(context.clone());
                    context
                }
            },
        };
        for dir in visited {
            self.by_dir.insert(dir, context.clone());
        }
        Ok(context)
    }
}

fn load_context(path: &Path, problems: &mut Vec<Problem>) -> Result<Context, String> {
    let (settings, errors) = workspace::load(path)?;
    add_catalog_errors(errors, problems);
    Context::new(settings)
}

fn default_context(problems: &mut Vec<Problem>) -> Result<Context, String> {
    let root = std::env::current_dir().unwrap_or_default();
    let (settings, errors) = workspace::with_config(Config::default(), root, None)?;
    add_catalog_errors(errors, problems);
    Context::new(settings)
}

fn add_catalog_errors(errors: Vec<CatalogError>, problems: &mut Vec<Problem>) {
    problems.extend(errors.into_iter().map(|e| Problem {
        path: e.path,
        message: e.message,
        is_error: true,
    }));
}

/// How `check` uses git.
#[derive(Clone, Debug, Default)]
pub struct HistoryOptions {
    /// Report only findings on lines changed since this revision.
    pub diff: Option<String>,
    /// A `reviewed` directive counts only when committed by another author than the risky line.
    pub four_eyes: bool,
    /// Read provenance at all (`--no-provenance` turns it off).
    pub provenance: bool,
}

/// Checks `paths`. `Err` is a fatal usage or configuration error (exit 2).
pub fn run(
    paths: &[PathBuf],
    config_path: Option<&Path>,
    history: &HistoryOptions,
) -> Result<CheckReport, String> {
    for path in paths {
        if fs::symlink_metadata(path).is_err() {
            return Err(format!("{}: no such file or directory", path.display()));
        }
    }
    let mut contexts = Contexts {
        fixed: None,
        by_dir: HashMap::new(),
        default: None,
        problems: Vec::new(),
    };
    if let Some(path) = config_path {
        if !path.is_file() {
            return Err(format!("{}: configuration file not found", path.display()));
        }
        contexts.fixed = Some(Arc::new(load_context(path, &mut contexts.problems)?));
    }
    let mut candidates = Vec::new();
    for path in paths {
        if path.is_file() {
            let context = contexts.for_file(path)?;
            candidates.push(Candidate {
                path: path.clone(),
                explicit: true,
                context,
                plan: None,
                deleted: None,
            });
            continue;
        }
        let walker = ignore::WalkBuilder::new(path)
            .hidden(false)
            .require_git(false)
            .filter_entry(|entry| entry.file_name() != ".git")
            .build();
        for entry in walker {
            let entry = match entry {
                Ok(entry) => entry,
                Err(err) => {
                    contexts.problems.push(Problem {
                        path: path.display().to_string(),
                        message: err.to_string(),
                        is_error: true,
                    });
                    continue;
                }
            };
            if !entry.file_type().is_some_and(|t| t.is_file()) {
                continue;
            }
            let file = entry.into_path();
            let context = contexts.for_file(&file)?;
            if is_excluded(&context, &file) {
                continue;
            }
            candidates.push(Candidate {
                path: file,
                explicit: false,
                context,
                plan: None,
                deleted: None,
            });
        }
    }
    // Files of the base deleted since: the diff rules report what went with them. The base is
    // the `--diff` revision, else HEAD where git may be read (not with `--no-provenance` or
    // `provenance = false`), and a repository without a HEAD simply has no deleted files.
    let mut deleted = Vec::new();
    for dir in paths.iter().filter(|p| p.is_dir()) {
        let dirs = std::slice::from_ref(dir);
        match &history.diff {
            Some(rev) => deleted.extend(super::history::deleted_files(dirs, rev)?),
            None if history.provenance => {
                let context = contexts.for_file(&dir.join(config::FILE_NAME))?;
                if context.settings.config.provenance {
                    deleted.extend(super::history::deleted_files(dirs, "HEAD").unwrap_or_default());
                }
            }
            None => {}
        }
    }
    let mut listed = std::collections::HashSet::new();
    for deleted in deleted {
        let absolute = std::path::absolute(&deleted.path).unwrap_or_else(|_| deleted.path.clone());
        if !listed.insert(absolute) {
            continue;
        }
        let context = contexts.for_file(&deleted.path)?;
        if is_excluded(&context, &deleted.path)
            || history.diff.is_none() && !context.settings.config.provenance
        {
            continue;
        }
        candidates.push(Candidate {
            path: deleted.path,
            explicit: false,
            context,
            plan: None,
            deleted: Some(deleted.base),
        });
    }
    let mut problems = std::mem::take(&mut contexts.problems);
    attach_plans(&mut candidates, &mut problems);
    let outcomes = analyse_all(&candidates);
    let mut files = Vec::new();
    let mut files_checked = 0;
    for outcome in outcomes {
        match outcome {
            Outcome::Checked { report, warning } => {
                files_checked += 1;
                files.extend(report);
                problems.extend(warning);
            }
            Outcome::Skipped(problem) => problems.push(problem),
            Outcome::NotSource => {}
        }
    }
    super::history::apply(&mut files, history)?;
    files.retain(|f| !f.findings.is_empty());
    files.sort_by(|a, b| a.path.cmp(&b.path));
    problems.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(CheckReport {
        files,
        problems,
        files_checked,
    })
}

/// Reads the Terraform plans of the module (directory) of each `.tf` candidate, once per
/// directory; a plan that cannot be read or parsed is an error naming it. The plan files
/// themselves are data for this, not JSON to analyse (they are often megabytes): a walk does
/// not check them.
fn attach_plans(candidates: &mut Vec<Candidate>, problems: &mut Vec<Problem>) {
    let mut by_dir: HashMap<PathBuf, Option<Arc<ModulePlan>>> = HashMap::new();
    for candidate in candidates.iter_mut() {
        if !plan_files::is_terraform_file(&candidate.path) || candidate.deleted.is_some() {
            continue;
        }
        let absolute =
            std::path::absolute(&candidate.path).unwrap_or_else(|_| candidate.path.clone());
        let Some(dir) = absolute.parent() else {
            continue;
        };
        let plan = by_dir.entry(dir.to_path_buf()).or_insert_with(|| {
            let settings = &candidate.context.settings;
            let (plan, errors) = plan_files::module_plan(dir, &settings.config, &settings.root);
            problems.extend(errors.into_iter().map(|(path, message)| Problem {
                path,
                message,
                is_error: true,
            }));
            plan.map(Arc::new)
        });
        candidate.plan = plan.clone();
    }
    let plan_files: std::collections::HashSet<&PathBuf> = by_dir
        .values()
        .flatten()
        .flat_map(|plan| &plan.plans)
        .collect();
    if plan_files.is_empty() {
        return;
    }
    candidates.retain(|candidate| {
        candidate.explicit
            || !std::path::absolute(&candidate.path).is_ok_and(|path| plan_files.contains(&path))
    });
}

fn is_excluded(context: &Context, file: &Path) -> bool {
    if context.exclude.is_empty() {
        return false;
    }
    let absolute = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf());
    let root = &context.settings.root;
    let root = std::path::absolute(root).unwrap_or_else(|_| root.clone());
    absolute
        .strip_prefix(&root)
        .is_ok_and(|relative| context.exclude.is_match(relative))
}

enum Outcome {
    /// Analysed; the report is there when it has findings, the warning when the analysis
    /// stopped early.
    Checked {
        report: Option<FileReport>,
        warning: Option<Problem>,
    },
    Skipped(Problem),
    /// Not a file of a supported language.
    NotSource,
}

/// Analyses the candidates on all cores; outcomes come back in candidate order.
fn analyse_all(candidates: &[Candidate]) -> Vec<Outcome> {
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<(usize, Outcome)>> = Mutex::new(Vec::with_capacity(candidates.len()));
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(candidates.len().max(1));
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                let mut local = Vec::new();
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(candidate) = candidates.get(index) else {
                        break;
                    };
                    local.push((index, check_file(candidate)));
                }
                results
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .extend(local);
            });
        }
    });
    let mut results = results.into_inner().unwrap_or_else(|e| e.into_inner());
    results.sort_by_key(|(index, _)| *index);
    results.into_iter().map(|(_, outcome)| outcome).collect()
}

fn check_file(candidate: &Candidate) -> Outcome {
    if let Some(base) = &candidate.deleted {
        return check_deleted(candidate, base);
    }
    let path = &candidate.path;
    let shown = display_path(path);
    let skipped = |message: String, is_error: bool| {
        Outcome::Skipped(Problem {
            path: shown.clone(),
            message,
            is_error,
        })
    };
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let by_name = Language::detect(name, "");
    let extensionless = !name.contains('.') || name.starts_with('.') && !name[1..].contains('.');
    if by_name.is_none() && !extensionless && !candidate.explicit {
        return Outcome::NotSource;
    }
    let limit = candidate.context.settings.config.max_file_size;
    match fs::metadata(path) {
        Ok(meta) if meta.len() > limit => {
            if by_name.is_none() && !candidate.explicit {
                return Outcome::NotSource;
            }
            return skipped(
                format!(
                    "skipped: {} is over the size limit of {} (max-file-size)",
                    human_size(meta.len()),
                    human_size(limit)
                ),
                false,
            );
        }
        Ok(_) => {}
        Err(err) => return skipped(format!("cannot read: {err}"), true),
    }
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(err) => return skipped(format!("cannot read: {err}"), true),
    };
    if by_name.is_none() && !bytes.starts_with(b"#!") {
        return if candidate.explicit {
            skipped(
                "skipped: not a file of a supported language".to_string(),
                false,
            )
        } else {
            Outcome::NotSource
        };
    }
    if bytes[..bytes.len().min(8192)].contains(&0) {
        return skipped("skipped: binary file".to_string(), false);
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            let at = err.utf8_error().valid_up_to();
            return skipped(
                format!("skipped: not valid UTF-8 (invalid byte at offset {at})"),
                false,
            );
        }
    };
    let Some(language) = by_name.or_else(|| Language::from_shebang(&text)) else {
        return if candidate.explicit {
            skipped(
                "skipped: not a file of a supported language".to_string(),
                false,
            )
        } else {
            Outcome::NotSource
        };
    };
    let rules = &candidate.context.settings.rules;
    let analysed = panic::catch_unwind(AssertUnwindSafe(|| {
        analysis::analyze_within(&text, language, rules, analysis::CLI_DOCUMENT_BUDGET)
    }));
    let Ok((mut findings, truncated)) = analysed else {
        return skipped("internal error while analysing this file".to_string(), true);
    };
    // What was found is still reported; the warning says it may be incomplete.
    let warning = truncated.then(|| Problem {
        path: shown.clone(),
        message:
            "analysis stopped early (query match limit or time budget): findings may be missing"
                .into(),
        is_error: false,
    });
    // What the module's Terraform plan destroys or replaces, on the `resource` blocks.
    if let Some(plan) = &candidate.plan
        && language == Language::Hcl
    {
        let found = plan.findings(path, &text, rules);
        if !found.is_empty() {
            // `ignore`, `review-requested` and `reviewed` directives apply as to any finding.
            match analysis::parse(language, &text, None) {
                Some(tree) => findings.extend(analysis::apply_directives_to(
                    &text, &tree, language, rules, found,
                )),
                None => findings.extend(found),
            }
        }
        findings.sort_by(|a, b| {
            (a.range.start, a.range.end, &a.rule).cmp(&(b.range.start, b.range.end, &b.rule))
        });
    }
    // A file without findings may still have lost a guard since its base: diff rules need it.
    if findings.is_empty() && !rules.has_diff_queries(language) {
        return Outcome::Checked {
            report: None,
            warning,
        };
    }
    let config = &candidate.context.settings.config;
    let report = Some(FileReport {
        language,
        path: shown,
        file: path.clone(),
        lines: LineIndex::new(&text),
        text,
        findings,
        rules: rules.clone(),
        fail_on: config.fail_on,
        policy: config.policy,
        provenance: config.provenance,
        deleted: false,
    });
    Outcome::Checked { report, warning }
}

/// A file deleted since the base revision: kept, with an empty text, when its language has
/// diff rules (they compare it with `base` later); binary, oversized and unknown files are
/// passed over as a walk would.
fn check_deleted(candidate: &Candidate, base: &str) -> Outcome {
    let path = &candidate.path;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let config = &candidate.context.settings.config;
    let rules = &candidate.context.settings.rules;
    let binary = base.as_bytes()[..base.len().min(8192)].contains(&0);
    let language = Language::detect(name, base);
    let Some(language) = language.filter(|_| !binary && base.len() as u64 <= config.max_file_size)
    else {
        return Outcome::NotSource;
    };
    let report = rules.has_diff_queries(language).then(|| FileReport {
        language,
        path: display_path(path),
        file: path.clone(),
        lines: LineIndex::new(""),
        text: String::new(),
        findings: Vec::new(),
        rules: rules.clone(),
        fail_on: config.fail_on,
        policy: config.policy,
        provenance: config.provenance,
        deleted: true,
    });
    Outcome::Checked {
        report,
        warning: None,
    }
}

fn human_size(bytes: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if bytes >= MIB {
        format!("{:.1} MiB", bytes as f64 / MIB as f64)
    } else if bytes >= 1024 {
        format!("{:.1} KiB", bytes as f64 / 1024.0)
    } else {
        format!("{bytes} B")
    }
}
