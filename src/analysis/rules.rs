//! The rule catalog: rule metadata (`rules/<id>.toml`) and queries (`<language>/<id>.scm`), built
//! from strings handed in by the caller. Built-in files are embedded at compile time; user files
//! are read by the caller. Nothing here touches the file system.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::language::Language;
use super::query::CompiledLanguage;

mod builtin {
    include!(concat!(env!("OUT_DIR"), "/builtin_catalog.rs"));
}

/// The built-in catalog files, as `(path relative to queries/, contents)`.
pub fn builtin_files() -> &'static [(&'static str, &'static str)] {
    builtin::BUILTIN_FILES
}

/// Rules implemented by the engine itself rather than by a query: they report problems with
/// `blast-radius:` directives.
pub const DIRECTIVE_INVALID: &str = "directive-invalid";
pub const DIRECTIVE_UNUSED: &str = "directive-unused";
/// A `reviewed` directive that was kept while the line it covers changed since the base.
pub const REVIEW_STALE: &str = "review-stale";
pub const ENGINE_RULES: [&str; 3] = [DIRECTIVE_INVALID, DIRECTIVE_UNUSED, REVIEW_STALE];

/// `<language>/embedded-shell.scm` is not a rule: it marks the strings and argument lists of a
/// language that hold shell commands, which the shell rules then check.
pub const EMBEDDED_SHELL: &str = "embedded-shell";

/// How far the effect of a mistake reaches, from narrowest to widest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scope {
    Process,
    Repository,
    Host,
    DataStore,
    Cluster,
    CloudAccount,
    Organization,
}

impl Scope {
    pub fn name(self) -> &'static str {
        match self {
            Scope::Process => "process",
            Scope::Repository => "repository",
            Scope::Host => "host",
            Scope::DataStore => "data-store",
            Scope::Cluster => "cluster",
            Scope::CloudAccount => "cloud-account",
            Scope::Organization => "organization",
        }
    }

    /// The scope in prose: "cloud account".
    pub fn label(self) -> &'static str {
        match self {
            Scope::DataStore => "data store",
            Scope::CloudAccount => "cloud account",
            other => other.name(),
        }
    }
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Severity, ordered from least to most severe.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Hint,
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Hint => "hint",
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn from_name(name: &str) -> Option<Severity> {
        match name {
            "hint" => Some(Severity::Hint),
            "info" => Some(Severity::Info),
            "warning" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }

    /// The default severity a scope and reversibility give: an irreversible effect on shared data
    /// or wider is an error; irreversible but local, or reversible but cluster-wide, a warning.
    pub fn default_for(scope: Scope, reversible: bool) -> Severity {
        match (
            reversible,
            scope >= Scope::DataStore,
            scope >= Scope::Cluster,
        ) {
            (false, true, _) => Severity::Error,
            (false, false, _) | (true, _, true) => Severity::Warning,
            (true, _, false) => Severity::Info,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One rule's metadata as written in `rules/<id>.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleRecord {
    title: String,
    scope: Scope,
    reversible: bool,
    severity: Option<Severity>,
    message: String,
    why: String,
    safer: String,
    #[serde(default)]
    references: Vec<String>,
    fix: Option<FixRecord>,
    #[serde(default)]
    kind: RuleKind,
    /// `renamed` rules: the message for an address gone with no new one of its type (a
    /// deleted manifest); without it, such a deletion is not reported.
    deleted: Option<String>,
}

/// What a rule's query is run on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RuleKind {
    /// The current text: every match is a finding.
    #[default]
    Text,
    /// The base and the current text (a diff rule): a match of the base with no equal match
    /// (same rule, `@target` and `@match` text) in the current text is a finding, reported
    /// where it was in the current text.
    Removed,
    /// The base and the current text (a diff rule): a `@target`/`@match` pair (type and name)
    /// of the base that is gone from the current text while a new one of the same type
    /// appeared, with no `moved` block (`#set! role "moved"`) naming the old one.
    Renamed,
    /// The base and the current text (a diff rule): a `@target` present in both whose `@match`
    /// text changed (`count` became `for_each`), with no `moved` block naming one of its
    /// instances (`{target}[...]`).
    Changed,
    /// No query: findings come from a Terraform plan exported as JSON, matched against the
    /// `resource` blocks of the module by the caller that read the plan.
    Plan,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FixRecord {
    title: String,
    find: String,
    replace: String,
    #[serde(default)]
    on: FixOn,
}

/// Which text a mechanical fix rewrites.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FixOn {
    /// The reported range.
    #[default]
    Match,
    /// The operand (`@target`), falling back to the reported range.
    Target,
}

/// A mechanical version of the safer alternative: a regex replacement on the finding's text,
/// offered as a code action.
#[derive(Clone, Debug)]
pub struct Fix {
    pub title: String,
    pub find: regex::Regex,
    /// The replacement, with `$1` / `${name}` for groups.
    pub replace: String,
    pub on: FixOn,
}

impl Fix {
    /// The rewritten text, when the regex changes anything.
    pub fn apply(&self, text: &str) -> Option<String> {
        let rewritten = self.find.replace_all(text, self.replace.as_str());
        (rewritten != text).then(|| rewritten.into_owned())
    }
}

/// A rule: one concept with a stable id, implemented by queries in one or more languages.
#[derive(Clone, Debug)]
pub struct Rule {
    pub id: String,
    pub title: String,
    pub scope: Scope,
    pub reversible: bool,
    /// The rule's own default severity (metadata, else derived from scope and reversibility).
    pub default_severity: Severity,
    /// The severity in force: the default unless configuration overrides it.
    pub severity: Severity,
    /// The finding message; `{target}` is replaced by the text of the affected operand.
    pub message: String,
    pub why: String,
    pub safer: String,
    pub references: Vec<String>,
    /// Languages with a query for this rule.
    pub languages: Vec<Language>,
    pub builtin: bool,
    pub enabled: bool,
    pub fix: Option<Fix>,
    pub kind: RuleKind,
    /// `renamed` rules: the message for an address deleted with no new one of its type.
    pub deleted: Option<String>,
}

impl Rule {
    /// A diff rule compares the current text with a base version (HEAD, or `--diff <rev>`).
    pub fn is_diff(&self) -> bool {
        self.kind != RuleKind::Text || self.id == REVIEW_STALE
    }

    pub fn is_engine_rule(&self) -> bool {
        ENGINE_RULES.contains(&self.id.as_str())
    }

    pub fn reversibility(&self) -> &'static str {
        if self.reversible {
            "reversible"
        } else {
            "irreversible"
        }
    }

    /// "cloud account, irreversible"
    pub fn radius(&self) -> String {
        format!("{}, {}", self.scope.label(), self.reversibility())
    }

    /// The "why", "safer alternative" and "references" sections in Markdown, with headings of
    /// the given level (`"##"`), as `explain` and hover show them.
    pub fn explanation_markdown(&self, heading: &str) -> String {
        let mut text = format!(
            "{heading} Why is this dangerous?\n\n{}\n\n",
            self.why.trim()
        );
        text.push_str(&format!(
            "{heading} Safer alternative\n\n{}\n",
            self.safer.trim()
        ));
        if !self.references.is_empty() {
            text.push_str(&format!("\n{heading} References\n\n"));
            for reference in &self.references {
                text.push_str(&format!("- {reference}\n"));
            }
        }
        text
    }
}

/// A catalog file handed in by the caller: its path (for messages and to tell metadata from
/// queries: `rules/<id>.toml` or `<language>/<id>.scm`) and its text.
#[derive(Clone, Debug)]
pub struct CatalogFile {
    pub path: String,
    pub contents: String,
}

/// A problem with a catalog file; the rest of the catalog still works.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CatalogError {
    pub path: String,
    pub message: String,
}

impl fmt::Display for CatalogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Per-rule settings from configuration.
#[derive(Clone, Debug, Default)]
pub struct RuleOptions {
    pub disabled: HashSet<String>,
    pub severity: HashMap<String, Severity>,
}

/// The query source of one rule in one language (`rule` is `None` for `embedded-shell.scm`).
#[derive(Clone, Debug)]
pub(crate) struct QuerySource {
    pub rule: Option<usize>,
    pub path: String,
    pub text: String,
}

/// All rules, with their queries compiled lazily per language into one combined query each.
pub struct RuleSet {
    rules: Vec<Rule>,
    by_id: HashMap<String, usize>,
    sources: BTreeMap<Language, Vec<QuerySource>>,
    /// The queries of diff rules, run on the base and the current text, never in `analyze`.
    diff_sources: BTreeMap<Language, Vec<QuerySource>>,
    /// Per language: the combined query of the text rules and that of the diff rules.
    compiled: [OnceLock<(CompiledLanguage, CompiledLanguage)>; Language::ALL.len()],
    compile_errors: [OnceLock<Vec<CatalogError>>; Language::ALL.len()],
}

impl fmt::Debug for RuleSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RuleSet")
            .field("rules", &self.rules.len())
            .finish()
    }
}

impl RuleSet {
    /// The built-in catalog with default settings.
    pub fn builtin() -> RuleSet {
        let (set, errors) = RuleSet::build(&[], &RuleOptions::default());
        debug_assert!(errors.is_empty(), "built-in catalog errors: {errors:?}");
        set
    }

    /// Builds the rule set from the built-in catalog plus user files. Errors name the file; a
    /// broken file is left out and everything else keeps working.
    pub fn build(user: &[CatalogFile], options: &RuleOptions) -> (RuleSet, Vec<CatalogError>) {
        let builtin = builtin_files()
            .iter()
            .map(|(path, contents)| (true, *path, *contents));
        let user = user
            .iter()
            .map(|f| (false, f.path.as_str(), f.contents.as_str()));
        let files: Vec<(bool, &str, &str)> = builtin.chain(user).collect();

        let mut errors = Vec::new();
        let mut rules: Vec<Rule> = Vec::new();
        let mut by_id = HashMap::new();
        for &(is_builtin, path, contents) in &files {
            let Some(id) = metadata_id(path) else {
                continue;
            };
            if let Err(message) = check_rule_id(id) {
                errors.push(CatalogError {
                    path: path.to_string(),
                    message,
                });
                continue;
            }
            let record: RuleRecord = match toml::from_str(contents) {
                Ok(record) => record,
                Err(err) => {
                    let message = toml_message(&err, contents);
                    errors.push(CatalogError {
                        path: path.to_string(),
                        message,
                    });
                    continue;
                }
            };
            if by_id.contains_key(id) {
                errors.push(CatalogError {
                    path: path.to_string(),
                    message: format!("rule `{id}` is already defined"),
                });
                continue;
            }
            let fix = match record.fix {
                None => None,
                Some(fix) => match regex::Regex::new(&fix.find) {
                    Ok(find) => Some(Fix {
                        title: fix.title,
                        find,
                        replace: fix.replace,
                        on: fix.on,
                    }),
                    Err(err) => {
                        errors.push(CatalogError {
                            path: path.to_string(),
                            message: format!("fix.find is not a valid regex: {err}"),
                        });
                        None
                    }
                },
            };
            let default_severity = record
                .severity
                .unwrap_or_else(|| Severity::default_for(record.scope, record.reversible));
            by_id.insert(id.to_string(), rules.len());
            rules.push(Rule {
                id: id.to_string(),
                title: record.title,
                scope: record.scope,
                reversible: record.reversible,
                default_severity,
                severity: options
                    .severity
                    .get(id)
                    .copied()
                    .unwrap_or(default_severity),
                message: record.message,
                why: record.why,
                safer: record.safer,
                references: record.references,
                languages: Vec::new(),
                builtin: is_builtin,
                enabled: !options.disabled.contains(id),
                fix,
                kind: record.kind,
                deleted: record.deleted,
            });
        }

        let mut sources: BTreeMap<Language, Vec<QuerySource>> = BTreeMap::new();
        let mut diff_sources: BTreeMap<Language, Vec<QuerySource>> = BTreeMap::new();
        // (language, file name) of every query, so a language's own file wins over one it
        // would take from the language it extends.
        let own_files: HashSet<(&str, &str)> = files
            .iter()
            .filter_map(|(_, path, _)| {
                let (dir, file) = path.rsplit_once('/')?;
                Some((dir.rsplit('/').next().unwrap_or(dir), file))
            })
            .collect();
        for &(_, path, contents) in &files {
            let Some((language_dir, file)) = path.rsplit_once('/') else {
                continue;
            };
            let Some(id) = file.strip_suffix(".scm") else {
                continue;
            };
            let language_dir = language_dir.rsplit('/').next().unwrap_or(language_dir);
            let Some(language) = Language::from_name(language_dir) else {
                errors.push(CatalogError {
                    path: path.to_string(),
                    message: format!(
                        "`{language_dir}` is not a supported language (expected one of: {})",
                        Language::ALL.map(|l| l.name()).join(", ")
                    ),
                });
                continue;
            };
            let targets = std::iter::once(language).chain(
                language
                    .extended_by()
                    .iter()
                    .copied()
                    .filter(|l| !own_files.contains(&(l.name(), file))),
            );
            if id == EMBEDDED_SHELL {
                for target in targets {
                    let source = QuerySource {
                        rule: None,
                        path: path.to_string(),
                        text: contents.to_string(),
                    };
                    sources.entry(target).or_default().push(source);
                }
                continue;
            }
            let Some(&rule) = by_id.get(id) else {
                errors.push(CatalogError {
                    path: path.to_string(),
                    message: format!("no metadata for rule `{id}` (expected rules/{id}.toml)"),
                });
                continue;
            };
            for target in targets {
                if !rules[rule].languages.contains(&target) {
                    rules[rule].languages.push(target);
                }
                if rules[rule].enabled {
                    let source = QuerySource {
                        rule: Some(rule),
                        path: path.to_string(),
                        text: contents.to_string(),
                    };
                    let into = if rules[rule].kind == RuleKind::Text {
                        &mut sources
                    } else {
                        &mut diff_sources
                    };
                    into.entry(target).or_default().push(source);
                }
            }
        }
        for rule in &mut rules {
            rule.languages.sort();
        }

        let set = RuleSet {
            rules,
            by_id,
            sources,
            diff_sources,
            compiled: Default::default(),
            compile_errors: Default::default(),
        };
        // User queries are compiled now so their errors are reported up front; built-in ones are
        // tested and compile lazily, per language, when a file of that language is first seen.
        let user_languages: HashSet<Language> = files
            .iter()
            .filter(|(is_builtin, path, _)| !is_builtin && path.ends_with(".scm"))
            .filter_map(|(_, path, _)| {
                path.rsplit_once('/')
                    .and_then(|(dir, _)| Language::from_name(dir.rsplit('/').next().unwrap_or(dir)))
            })
            .flat_map(|language| {
                std::iter::once(language).chain(language.extended_by().iter().copied())
            })
            .collect();
        for language in Language::ALL {
            if user_languages.contains(&language) {
                errors.extend(set.compile_errors(language).iter().cloned());
            }
        }
        (set, errors)
    }

    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.by_id.get(id).map(|&i| &self.rules[i])
    }

    pub(crate) fn rule(&self, index: usize) -> &Rule {
        &self.rules[index]
    }

    /// The combined query of a language, compiled on first use.
    pub(crate) fn compiled(&self, language: Language) -> &CompiledLanguage {
        &self.compiled_both(language).0
    }

    /// The combined query of the diff rules of a language, compiled with the text rules.
    pub(crate) fn compiled_diff(&self, language: Language) -> &CompiledLanguage {
        &self.compiled_both(language).1
    }

    /// Whether any enabled diff rule has a query in `language`, or the engine's own diff rule
    /// (`review-stale`) is on: only then is a base version worth reading.
    pub fn has_diff_rules(&self, language: Language) -> bool {
        self.diff_sources.contains_key(&language)
            || self.get(REVIEW_STALE).is_some_and(|r| r.enabled)
    }

    /// Whether any enabled diff rule has a query in `language`: files of such a language are
    /// worth comparing with their base even when the plain analysis finds nothing.
    pub fn has_diff_queries(&self, language: Language) -> bool {
        self.diff_sources.contains_key(&language)
    }

    fn compiled_both(&self, language: Language) -> &(CompiledLanguage, CompiledLanguage) {
        let slot = language_slot(language);
        self.compiled[slot].get_or_init(|| {
            let of = |map: &BTreeMap<Language, Vec<QuerySource>>| {
                CompiledLanguage::compile(
                    language,
                    map.get(&language).map(Vec::as_slice).unwrap_or(&[]),
                )
            };
            let (compiled, mut errors) = of(&self.sources);
            let (diff, diff_errors) = of(&self.diff_sources);
            errors.extend(diff_errors);
            let _ = self.compile_errors[slot].set(errors);
            (compiled, diff)
        })
    }

    /// Problems found while compiling the queries of a language (compiles them if needed).
    pub fn compile_errors(&self, language: Language) -> &[CatalogError] {
        self.compiled(language);
        self.compile_errors[language_slot(language)]
            .get()
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }
}

fn language_slot(language: Language) -> usize {
    Language::ALL
        .iter()
        .position(|&l| l == language)
        .unwrap_or(0)
}

/// `rules/<id>.toml` -> `<id>`.
fn metadata_id(path: &str) -> Option<&str> {
    let (dir, file) = path.rsplit_once('/')?;
    let dir = dir.rsplit('/').next().unwrap_or(dir);
    (dir == "rules").then_some(())?;
    file.strip_suffix(".toml")
}

/// Rule ids are kebab-case: lowercase ASCII letters, digits and single dashes.
pub fn check_rule_id(id: &str) -> Result<(), String> {
    let valid = !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        });
    if valid {
        Ok(())
    } else {
        Err(format!("`{id}` is not a kebab-case rule id"))
    }
}

/// A TOML error as one line: "line 3, column 1: unknown field `x`, expected ...".
pub fn toml_message(err: &toml::de::Error, source: &str) -> String {
    let message = err.message().trim_end();
    match err.span() {
        Some(span) => {
            let before = source.get(..span.start).unwrap_or(source);
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            format!("line {line}, column {column}: {message}")
        }
        None => message.to_string(),
    }
}
