//! Editor settings (initialization options and `workspace/didChangeConfiguration`) and the
//! `blast-radius.toml` in force for each document, cached per file and reloaded when it changes.
//! A broken configuration is reported and the last good one stays in force.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde_json::Value;

use crate::config::Config;
use crate::workspace::{self, Settings};

/// Settings the editor passes, under `blastRadius` or at the top level.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EditorSettings {
    /// The name "Record review" writes; else `user.name` from git's configuration files.
    pub reviewer_name: Option<String>,
    /// Link of a rule's documentation; `{rule}` is replaced by the rule id.
    pub rules_url: Option<String>,
    /// Read provenance (git history, AI authorship records).
    pub provenance: bool,
    /// Lines one edit must insert to be remembered as a bulk insertion; 0 turns it off.
    pub bulk_insert_lines: usize,
    /// Overrides of the `[policy]` table of `blast-radius.toml`.
    pub policy: Option<Value>,
}

pub const DEFAULT_BULK_INSERT_LINES: usize = 8;

impl Default for EditorSettings {
    fn default() -> EditorSettings {
        EditorSettings {
            reviewer_name: None,
            rules_url: None,
            provenance: true,
            bulk_insert_lines: DEFAULT_BULK_INSERT_LINES,
            policy: None,
        }
    }
}

pub const DEFAULT_RULES_URL: &str =
    "https://github.com/blast-radius/blast-radius/blob/main/docs/rules.md#{rule}";

impl EditorSettings {
    pub fn from_json(value: Option<&Value>) -> EditorSettings {
        let Some(value) = value else {
            return EditorSettings::default();
        };
        let section = value
            .get("blastRadius")
            .or_else(|| value.get("blast-radius"))
            .unwrap_or(value);
        let text = |key: &str| {
            section
                .get(key)
                .and_then(Value::as_str)
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
        };
        EditorSettings {
            reviewer_name: text("reviewerName"),
            rules_url: text("rulesUrl"),
            provenance: section
                .get("provenance")
                .and_then(Value::as_bool)
                .unwrap_or(true),
            bulk_insert_lines: section
                .get("bulkInsertLines")
                .and_then(Value::as_u64)
                .map_or(DEFAULT_BULK_INSERT_LINES, |n| n.min(1_000_000) as usize),
            policy: section.get("policy").filter(|p| p.is_object()).cloned(),
        }
    }

    pub fn rule_url(&self, rule: &str) -> String {
        self.rules_url
            .as_deref()
            .unwrap_or(DEFAULT_RULES_URL)
            .replace("{rule}", rule)
    }
}

/// A configuration problem to show the user: the file and the message.
#[derive(Clone, Debug)]
pub struct ConfigProblem {
    pub path: PathBuf,
    pub message: String,
}

/// Loaded configurations by file, plus the defaults for documents without one.
#[derive(Default)]
pub struct ConfigCache {
    loaded: HashMap<PathBuf, Arc<Settings>>,
    /// Configurations that failed to load, with the last good one still in force.
    last_good: HashMap<PathBuf, Arc<Settings>>,
    default: Option<Arc<Settings>>,
}

impl ConfigCache {
    /// The settings for a document at `path` (or the defaults for an unsaved one), loading its
    /// configuration on first use. Problems come back for reporting.
    pub fn for_path(&mut self, path: Option<&Path>) -> (Arc<Settings>, Vec<ConfigProblem>) {
        let config_path = path.and_then(Path::parent).and_then(workspace::find_config);
        let Some(config_path) = config_path else {
            return (self.defaults(), Vec::new());
        };
        if let Some(settings) = self.loaded.get(&config_path) {
            return (settings.clone(), Vec::new());
        }
        match workspace::load(&config_path) {
            Ok((settings, errors)) => {
                let settings = Arc::new(settings);
                self.loaded.insert(config_path.clone(), settings.clone());
                self.last_good.insert(config_path.clone(), settings.clone());
                let problems = errors
                    .into_iter()
                    .map(|e| ConfigProblem {
                        message: format!("{}: {}", e.path, e.message),
                        path: PathBuf::from(e.path),
                    })
                    .collect();
                (settings, problems)
            }
            Err(message) => {
                let fallback = self
                    .last_good
                    .get(&config_path)
                    .cloned()
                    .unwrap_or_else(|| self.defaults());
                self.loaded.insert(config_path.clone(), fallback.clone());
                (
                    fallback,
                    vec![ConfigProblem {
                        path: config_path,
                        message,
                    }],
                )
            }
        }
    }

    /// Forgets every loaded configuration (a configuration or query file changed).
    pub fn invalidate(&mut self) {
        self.loaded.clear();
    }

    fn defaults(&mut self) -> Arc<Settings> {
        self.default
            .get_or_insert_with(|| {
                let root = std::env::current_dir().unwrap_or_default();
                let settings = workspace::with_config(Config::default(), root.clone(), None)
                    .map(|(settings, _)| settings)
                    .unwrap_or_else(|_| Settings {
                        config: Config::default(),
                        rules: Arc::new(crate::analysis::RuleSet::builtin()),
                        root,
                        path: None,
                    });
                Arc::new(settings)
            })
            .clone()
    }
}

/// The 0-based line a configuration message names (`line 3, ...`), for its diagnostic.
pub fn line_of(message: &str) -> u32 {
    message
        .split("line ")
        .nth(1)
        .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|n| n.parse::<u32>().ok())
        .map_or(0, |n| n.saturating_sub(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editor_settings_from_either_shape() {
        let nested = serde_json::json!({"blastRadius": {"reviewerName": "Ana", "rulesUrl": "https://x/{rule}"}});
        let flat = serde_json::json!({"reviewerName": " Bo "});
        assert_eq!(
            EditorSettings::from_json(Some(&nested))
                .reviewer_name
                .as_deref(),
            Some("Ana")
        );
        assert_eq!(
            EditorSettings::from_json(Some(&nested)).rule_url("a-b"),
            "https://x/a-b"
        );
        assert_eq!(
            EditorSettings::from_json(Some(&flat))
                .reviewer_name
                .as_deref(),
            Some("Bo")
        );
        assert_eq!(EditorSettings::from_json(None), EditorSettings::default());
        assert_eq!(line_of("x.toml: line 3, column 1: unknown field"), 2);
        assert_eq!(line_of("no line here"), 0);
    }
}
