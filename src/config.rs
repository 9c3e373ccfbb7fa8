//! `blast-radius.toml`: parsed and validated from a string. Finding the file and reading the user
//! query directories it names is the caller's job.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use serde::{Deserialize, Deserializer};
use toml::Spanned;

use crate::analysis::rules::toml_message;
use crate::analysis::{RuleOptions, RuleSet, Severity};
use crate::provenance::policy::{Policy, PolicyTable};

pub const FILE_NAME: &str = "blast-radius.toml";
pub const DEFAULT_MAX_FILE_SIZE: u64 = 2 * 1024 * 1024;

/// The configuration file as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct ConfigFile {
    #[serde(default)]
    disable: Vec<Spanned<String>>,
    #[serde(default)]
    severity: BTreeMap<String, Spanned<Severity>>,
    fail_on: Option<Severity>,
    #[serde(default, deserialize_with = "size")]
    max_file_size: Option<u64>,
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
    #[serde(default)]
    extra_queries: Vec<String>,
    #[serde(default)]
    policy: PolicyTable,
    /// Read provenance (git history, AI authorship records); on by default.
    provenance: Option<bool>,
    /// Terraform plans exported with `terraform show -json`: globs relative to this file's
    /// directory. Default: `*.tfplan.json` beside each module's `.tf` files.
    terraform_plans: Option<Vec<Spanned<String>>>,
}

/// A validated configuration.
#[derive(Clone, Debug)]
pub struct Config {
    pub rule_options: RuleOptions,
    /// Findings at or above this severity make `check` exit 1.
    pub fail_on: Severity,
    pub max_file_size: u64,
    /// Glob patterns, relative to the directory of the configuration file.
    pub exclude: Vec<String>,
    /// User query directories, relative to the directory of the configuration file.
    pub extra_queries: Vec<String>,
    /// How provenance and change state set severities.
    pub policy: Policy,
    pub provenance: bool,
    /// Globs of Terraform plan JSON files, relative to the directory of the configuration file;
    /// `None`: `*.tfplan.json` in the directory of each `.tf` file. A plan covers the module
    /// in its own directory.
    pub terraform_plans: Option<Vec<String>>,
    /// Rule ids the file names, with the key and line, checked by [`Config::check_rules`].
    rule_references: Vec<(String, &'static str, usize)>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            rule_options: RuleOptions::default(),
            fail_on: Severity::Warning,
            max_file_size: DEFAULT_MAX_FILE_SIZE,
            exclude: Vec::new(),
            extra_queries: Vec::new(),
            policy: Policy::default(),
            provenance: true,
            terraform_plans: None,
            rule_references: Vec::new(),
        }
    }
}

/// A configuration error: the message names the key and its line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError(pub String);

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Config {
    /// Parses a configuration. Rule ids are checked once the rules are loaded, with
    /// [`Config::check_rules`], since the file may name user rules.
    pub fn parse(source: &str) -> Result<Config, ConfigError> {
        let file: ConfigFile =
            toml::from_str(source).map_err(|err| ConfigError(toml_message(&err, source)))?;
        let line_of = |span: std::ops::Range<usize>| {
            source
                .get(..span.start)
                .map_or(1, |before| before.matches('\n').count() + 1)
        };
        let mut rule_references = Vec::new();
        for id in &file.disable {
            rule_references.push((id.get_ref().clone(), "disable", line_of(id.span())));
        }
        let mut severity = HashMap::new();
        for (id, level) in &file.severity {
            rule_references.push((id.clone(), "severity", line_of(level.span())));
            severity.insert(id.clone(), *level.get_ref());
        }
        for glob in &file.exclude {
            if let Err(err) = globset::Glob::new(glob.get_ref()) {
                return Err(ConfigError(format!(
                    "line {}: `exclude` pattern `{}` is invalid: {err}",
                    line_of(glob.span()),
                    glob.get_ref()
                )));
            }
        }
        for glob in file.terraform_plans.iter().flatten() {
            if let Err(err) = globset::Glob::new(glob.get_ref()) {
                return Err(ConfigError(format!(
                    "line {}: `terraform-plans` pattern `{}` is invalid: {err}",
                    line_of(glob.span()),
                    glob.get_ref()
                )));
            }
        }
        Ok(Config {
            rule_options: RuleOptions {
                disabled: file.disable.into_iter().map(Spanned::into_inner).collect(),
                severity,
            },
            fail_on: file.fail_on.unwrap_or(Severity::Warning),
            max_file_size: file.max_file_size.unwrap_or(DEFAULT_MAX_FILE_SIZE),
            exclude: file.exclude.into_iter().map(Spanned::into_inner).collect(),
            extra_queries: file.extra_queries,
            policy: Policy::default().with(&file.policy),
            provenance: file.provenance.unwrap_or(true),
            terraform_plans: file
                .terraform_plans
                .map(|globs| globs.into_iter().map(Spanned::into_inner).collect()),
            rule_references,
        })
    }

    /// Checks that every rule id the file names exists in `rules`.
    pub fn check_rules(&self, rules: &RuleSet) -> Result<(), ConfigError> {
        for (id, key, line) in &self.rule_references {
            if rules.get(id).is_none() {
                return Err(ConfigError(format!(
                    "line {line}: `{key}` names unknown rule `{id}`"
                )));
            }
        }
        Ok(())
    }
}

/// A size: a number of bytes, or a string such as `"512KiB"`, `"2MiB"`, `"1GiB"`.
fn size<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<u64>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Size {
        Bytes(u64),
        Text(String),
    }
    let parsed = match Size::deserialize(deserializer)? {
        Size::Bytes(bytes) => bytes,
        Size::Text(text) => parse_size(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "`max-file-size` must be a number of bytes or a size like \"2MiB\", not {text:?}"
            ))
        })?,
    };
    Ok(Some(parsed))
}

fn parse_size(text: &str) -> Option<u64> {
    let text = text.trim();
    let digits = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let number: u64 = text[..digits].parse().ok()?;
    let unit = match text[digits..].trim() {
        "" | "B" => 1,
        "KiB" | "K" | "KB" => 1024,
        "MiB" | "M" | "MB" => 1024 * 1024,
        "GiB" | "G" | "GB" => 1024 * 1024 * 1024,
        _ => return None,
    };
    number.checked_mul(unit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_full_config() {
        let config = Config::parse(
            "disable = [\"git-reset-hard\"]\nfail-on = \"error\"\nmax-file-size = \"1MiB\"\n\
             exclude = [\"vendor/**\"]\nextra-queries = [\"rules\"]\n\
             terraform-plans = [\"plans/*.json\"]\n[severity]\nsql-truncate = \"hint\"\n",
        )
        .unwrap();
        assert!(config.rule_options.disabled.contains("git-reset-hard"));
        assert_eq!(config.rule_options.severity["sql-truncate"], Severity::Hint);
        assert_eq!(config.fail_on, Severity::Error);
        assert_eq!(config.max_file_size, 1024 * 1024);
        assert_eq!(config.exclude, ["vendor/**"]);
        assert_eq!(
            config.terraform_plans,
            Some(vec!["plans/*.json".to_string()])
        );
        assert_eq!(Config::parse("").unwrap().terraform_plans, None);
    }

    #[test]
    fn errors_name_the_key_and_line() {
        let cases = [
            (
                "fail-on = \"error\"\nbogus = 1\n",
                "line 2, column 1: unknown field `bogus`",
            ),
            (
                "[severity]\nsql-truncate = \"loud\"\n",
                "line 2, column 16: unknown variant `loud`",
            ),
            (
                "max-file-size = \"lots\"\n",
                "line 1, column 17: `max-file-size` must be",
            ),
            (
                "exclude = [\"a/[\"]\n",
                "line 1: `exclude` pattern `a/[` is invalid",
            ),
            ("disable = \"x\"\n", "line 1, column 11: invalid type"),
            (
                "terraform-plans = [\"p/[\"]\n",
                "line 1: `terraform-plans` pattern `p/[` is invalid",
            ),
            (
                "terraform-plan = \"x.json\"\n",
                "line 1, column 1: unknown field `terraform-plan`",
            ),
            (
                "terraform-plans = \"x.json\"\n",
                "line 1, column 19: invalid type",
            ),
        ];
        for (source, expected) in cases {
            let err = Config::parse(source).unwrap_err();
            assert!(err.0.starts_with(expected), "{source:?}: got {:?}", err.0);
        }
    }

    #[test]
    fn unknown_rule_ids_name_the_key_and_line() {
        let rules = RuleSet::builtin();
        let config = Config::parse("disable = [\n  \"nope\"]\n").unwrap();
        let err = config.check_rules(&rules).unwrap_err();
        assert_eq!(err.0, "line 2: `disable` names unknown rule `nope`");
        let config = Config::parse("[severity]\n\nbogus-rule = \"hint\"\n").unwrap();
        let err = config.check_rules(&rules).unwrap_err();
        assert_eq!(err.0, "line 3: `severity` names unknown rule `bogus-rule`");
    }
}
