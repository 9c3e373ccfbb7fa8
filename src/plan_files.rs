//! Finding and reading the Terraform plans (`terraform show -json` output) that cover a module,
//! for the CLI and the language server alike. Plans are only read: terraform is never run.

use std::path::{Path, PathBuf};

use globset::{Glob, GlobSetBuilder};

use crate::analysis::{Finding, RuleSet};
use crate::config::Config;
use crate::provenance::plan::{self, PlanChange};
use crate::workspace::display_path;

/// The default plan file name pattern, beside the module's `.tf` files.
pub const DEFAULT_PATTERN: &str = "*.tfplan.json";

/// What the plans of one module (directory) say, with what is needed to report it.
#[derive(Clone, Debug, Default)]
pub struct ModulePlan {
    /// The plan files read, sorted.
    pub plans: Vec<PathBuf>,
    /// The root-module and child-module resource instances the plans destroy or replace.
    pub changes: Vec<PlanChange>,
    /// `(type, name)` of every `resource` block in the module's `.tf` files on disk.
    pub blocks: Vec<(String, String)>,
    /// The module's first `.tf` file by name: resources destroyed because their block is gone
    /// are reported at its top.
    pub first_file: Option<PathBuf>,
}

impl ModulePlan {
    /// The findings of `tf-plan-destroys` in `file` (a `.tf` file of this module) with `text`.
    pub fn findings(&self, file: &Path, text: &str, rules: &RuleSet) -> Vec<Finding> {
        let orphans_here = self
            .first_file
            .as_deref()
            .is_some_and(|first| first.file_name() == file.file_name());
        plan::findings(text, &self.changes, &self.blocks, orphans_here, rules)
    }

    /// Destroyed and replaced instances of the root module.
    pub fn counts(&self) -> (usize, usize) {
        let root: Vec<PlanChange> = self
            .changes
            .iter()
            .filter(|c| c.module_address.is_none())
            .cloned()
            .collect();
        plan::counts(&root)
    }
}

/// Whether a path is a Terraform configuration file (`.tf`).
pub fn is_terraform_file(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "tf")
}

/// The plans covering the module in `dir`: files in `dir` matching `*.tfplan.json`, or, when
/// the configuration sets `terraform-plans`, files in `dir` whose path relative to `root` (the
/// configuration file's directory) matches one of its globs. `None` when there is no plan file;
/// the errors are `(plan file, message)` for each plan that could not be read or parsed (that
/// plan is left out).
pub fn module_plan(
    dir: &Path,
    config: &Config,
    root: &Path,
) -> (Option<ModulePlan>, Vec<(String, String)>) {
    let mut errors = Vec::new();
    let mut builder = GlobSetBuilder::new();
    let relative_to_root = config.terraform_plans.is_some();
    let patterns: Vec<&str> = match &config.terraform_plans {
        Some(globs) => globs.iter().map(String::as_str).collect(),
        None => vec![DEFAULT_PATTERN],
    };
    for pattern in patterns {
        match Glob::new(pattern) {
            Ok(glob) => {
                builder.add(glob);
            }
            Err(err) => errors.push((
                display_path(root),
                format!("terraform-plans pattern `{pattern}`: {err}"),
            )),
        }
    }
    let Ok(globs) = builder.build() else {
        return (None, errors);
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return (None, errors);
    };
    let absolute_root = std::path::absolute(root).unwrap_or_else(|_| root.to_path_buf());
    let mut plans = Vec::new();
    let mut tf_files = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        if !entry.file_type().is_ok_and(|t| t.is_file()) {
            continue;
        }
        if is_terraform_file(&path) {
            tf_files.push(path.clone());
        }
        let matches = if relative_to_root {
            let absolute = std::path::absolute(&path).unwrap_or_else(|_| path.clone());
            absolute
                .strip_prefix(&absolute_root)
                .is_ok_and(|relative| globs.is_match(relative))
        } else {
            path.file_name().is_some_and(|name| globs.is_match(name))
        };
        if matches {
            plans.push(path);
        }
    }
    if plans.is_empty() {
        return (None, errors);
    }
    plans.sort();
    tf_files.sort();
    let mut module = ModulePlan {
        first_file: tf_files.first().cloned(),
        ..ModulePlan::default()
    };
    for file in &tf_files {
        if let Ok(text) = std::fs::read_to_string(file) {
            module.blocks.extend(
                plan::resource_blocks(&text)
                    .into_iter()
                    .map(|(resource_type, name, _)| (resource_type, name)),
            );
        }
    }
    for path in plans {
        let shown = display_path(&path);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(err) => {
                errors.push((shown, format!("cannot read the Terraform plan: {err}")));
                continue;
            }
        };
        match plan::parse(&text, &shown) {
            Ok(changes) => {
                for change in changes {
                    if !module.changes.contains(&change) {
                        module.changes.push(change);
                    }
                }
                module.plans.push(path);
            }
            Err(err) => {
                let prefix = format!("{shown}: ");
                let message = err.0.strip_prefix(&prefix).unwrap_or(&err.0).to_string();
                errors.push((shown, message));
            }
        }
    }
    if module.plans.is_empty() {
        return (None, errors);
    }
    (Some(module), errors)
}
