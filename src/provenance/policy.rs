//! The severity policy: a finding's severity from its rule (scope, reversibility, configured
//! severity) combined with its provenance and change state. `[policy]` in `blast-radius.toml`:
//!
//! ```toml
//! [policy]
//! ai = "error"                 # written by an AI, not reviewed, scope at or above ai-min-scope
//! ai-min-scope = "data-store"  # below it, AI-written code keeps the rule's severity
//! changed = "rule"             # in the uncommitted change (or since `--diff <rev>`)
//! unchanged = "lower"          # committed, not attributed to an AI: one step below the rule
//! ```
//!
//! Each value is a severity, `"rule"` (the rule's own severity) or `"lower"` (one step below
//! it, down to hint). Reviewed and ignored
//! findings keep what their directive gives them.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::LineFacts;
use crate::analysis::{Review, Scope, Severity};

/// A policy value: the rule's severity or a fixed one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Rule,
    Lower,
    Fixed(Severity),
}

impl Level {
    fn parse(text: &str) -> Option<Level> {
        if text == "rule" {
            Some(Level::Rule)
        } else if text == "lower" {
            Some(Level::Lower)
        } else {
            Severity::from_name(text).map(Level::Fixed)
        }
    }

    fn apply(self, rule: Severity) -> Severity {
        match self {
            Level::Rule => rule,
            Level::Lower => match rule {
                Severity::Error => Severity::Warning,
                Severity::Warning => Severity::Info,
                Severity::Info | Severity::Hint => Severity::Hint,
            },
            Level::Fixed(severity) => severity,
        }
    }
}

impl<'de> Deserialize<'de> for Level {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Level, D::Error> {
        let text = String::deserialize(deserializer)?;
        Level::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "expected \"rule\", \"lower\", \"hint\", \"info\", \"warning\" or \"error\", not {text:?}"
            ))
        })
    }
}

/// Which `[policy]` key set a finding's severity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PolicyClass {
    Ai,
    Changed,
    Unchanged,
    /// No repository was read: the rule's severity.
    Unknown,
    /// Reviewed or ignored by a directive.
    Directive,
}

impl PolicyClass {
    pub fn name(self) -> &'static str {
        match self {
            PolicyClass::Ai => "ai",
            PolicyClass::Changed => "changed",
            PolicyClass::Unchanged => "unchanged",
            PolicyClass::Unknown => "unknown",
            PolicyClass::Directive => "directive",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Policy {
    pub ai: Level,
    pub ai_min_scope: Scope,
    pub changed: Level,
    pub unchanged: Level,
}

impl Default for Policy {
    fn default() -> Policy {
        Policy {
            ai: Level::Fixed(Severity::Error),
            ai_min_scope: Scope::DataStore,
            changed: Level::Rule,
            unchanged: Level::Lower,
        }
    }
}

/// `[policy]` as written; every key optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct PolicyTable {
    ai: Option<Level>,
    ai_min_scope: Option<Scope>,
    changed: Option<Level>,
    unchanged: Option<Level>,
}

impl Policy {
    pub fn with(mut self, table: &PolicyTable) -> Policy {
        if let Some(ai) = table.ai {
            self.ai = ai;
        }
        if let Some(scope) = table.ai_min_scope {
            self.ai_min_scope = scope;
        }
        if let Some(changed) = table.changed {
            self.changed = changed;
        }
        if let Some(unchanged) = table.unchanged {
            self.unchanged = unchanged;
        }
        self
    }

    /// Applies editor overrides (the `policy` setting, same keys as the table); keys that do
    /// not parse are returned as problems and left as they were.
    pub fn with_json(self, value: &Value) -> (Policy, Vec<String>) {
        match serde_json::from_value::<PolicyTable>(value.clone()) {
            Ok(table) => (self.with(&table), Vec::new()),
            Err(err) => (self, vec![format!("`policy` setting: {err}")]),
        }
    }

    /// The severity of a finding of a rule with `scope` and (configured) `severity`, given its
    /// review state and the facts of its lines.
    pub fn apply(
        &self,
        scope: Scope,
        severity: Severity,
        review: &Review,
        facts: &LineFacts,
        known: bool,
    ) -> (Severity, PolicyClass) {
        if matches!(review, Review::Reviewed { .. } | Review::Ignored { .. }) {
            return (severity, PolicyClass::Directive);
        }
        if facts.ai.is_some() {
            // AI-written code is never treated as settled human code: below the minimum scope
            // it keeps the rule's severity.
            let level = if scope >= self.ai_min_scope {
                self.ai
            } else {
                Level::Rule
            };
            return (level.apply(severity), PolicyClass::Ai);
        }
        if facts.change.is_some() || facts.bulk_insertion {
            return (self.changed.apply(severity), PolicyClass::Changed);
        }
        if !known && facts.ai.is_none() {
            return (severity, PolicyClass::Unknown);
        }
        (self.unchanged.apply(severity), PolicyClass::Unchanged)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::provenance::{AiAttribution, AiSource, Change};

    #[test]
    fn classes() {
        let policy = Policy::default().with(
            &toml::from_str::<PolicyTable>("unchanged = \"hint\"\nai-min-scope = \"host\"")
                .unwrap(),
        );
        let ai = LineFacts {
            ai: Some(Arc::new(AiAttribution {
                source: AiSource::CommitTrailer,
                tool: "Claude".into(),
                evidence: "e".into(),
            })),
            ..LineFacts::default()
        };
        let changed = LineFacts {
            change: Some(Change::Uncommitted),
            ..LineFacts::default()
        };
        let none = LineFacts::default();
        let w = Severity::Warning;
        let r = Review::None;
        assert_eq!(
            policy.apply(Scope::Host, w, &r, &ai, true),
            (Severity::Error, PolicyClass::Ai)
        );
        assert_eq!(
            policy.apply(Scope::Repository, w, &r, &ai, true),
            (w, PolicyClass::Ai)
        );
        assert_eq!(
            policy.apply(Scope::Host, w, &r, &changed, true),
            (w, PolicyClass::Changed)
        );
        assert_eq!(
            policy.apply(Scope::Host, w, &r, &none, true),
            (Severity::Hint, PolicyClass::Unchanged)
        );
        assert_eq!(
            policy.apply(Scope::Host, w, &r, &none, false),
            (w, PolicyClass::Unknown)
        );
        let reviewed = Review::Reviewed { by: "Ann".into() };
        assert_eq!(
            policy.apply(Scope::Host, Severity::Hint, &reviewed, &ai, true),
            (Severity::Hint, PolicyClass::Directive)
        );
        let default = Policy::default();
        assert_eq!(
            default
                .apply(Scope::Host, Severity::Error, &r, &none, true)
                .0,
            w
        );
        assert_eq!(
            default
                .apply(Scope::Host, Severity::Info, &r, &none, true)
                .0,
            Severity::Hint
        );
        let (_, problems) = policy.with_json(&serde_json::json!({"ai": "loud"}));
        assert_eq!(problems.len(), 1);
    }
}
