//! Compiles every rule query of a language into one tree-sitter query, so a document is walked
//! once however many rules there are, and implements the custom predicates the queries use
//! (documented in `queries/README.md`).

use std::collections::HashMap;
use std::ops::Range;

use regex::{Regex, RegexSet};
use tree_sitter::{Node, Query, QueryPredicateArg};

use super::language::Language;
use super::rules::{CatalogError, QuerySource};
use super::shell::ShellCommand;

/// Capture names a rule query may use; names starting with `_` are free for predicates.
pub const CAPTURE_VOCABULARY: [&str; 3] = ["match", "target", "scope"];
/// Capture names of `embedded-shell.scm`: `@shell` is a node whose text is a shell script,
/// `@argv` a node whose named children are the words of one command.
pub const EMBED_VOCABULARY: [&str; 2] = ["shell", "argv"];
/// Custom predicates the queries may use (documented in `queries/README.md`).
pub const PREDICATES: [&str; 13] = [
    "cmd?",
    "cmd-match?",
    "subcmd?",
    "flag?",
    "not-flag?",
    "arg?",
    "not-arg?",
    "not-kind?",
    "not-bound-to?",
    "not-has-child?",
    "file-match?",
    "not-followed-by?",
    "narrow!",
];
/// `#set!` keys the queries may use.
pub const PROPERTIES: [&str; 2] = ["message", "role"];
/// Internal capture for comments, where directives live.
const DIRECTIVE_CAPTURE: &str = "directive";

/// One custom predicate of a pattern, with its capture index resolved.
#[derive(Debug)]
pub(crate) enum Predicate {
    /// `#cmd? @c "rm" "unlink"`: the command runs one of these programs.
    Command { capture: u32, names: Vec<String> },
    /// `#cmd-match? @c "^mkfs(\\..+)?$"`: the program name matches the regex.
    CommandMatch { capture: u32, regex: Regex },
    /// `#subcmd? @c "s3" "rb"`: the operands spell these words (each may be `a|b`).
    Subcommand { capture: u32, words: Vec<String> },
    /// `#flag? @c "-f" "--force"` / `#not-flag? ...`
    Flag {
        capture: u32,
        flags: Vec<String>,
        negate: bool,
    },
    /// `#arg? @c "regex"` / `#not-arg? ...`: some operand's source text matches.
    Arg {
        capture: u32,
        regex: Regex,
        negate: bool,
    },
    /// `#not-kind? @x "string" "integer"`: the node is none of these kinds.
    NotKind { capture: u32, kinds: Vec<String> },
    /// `#not-bound-to? @x "regex"`: the identifier is not assigned, in its enclosing function or
    /// module, a value whose text matches (`d = tempfile.mkdtemp()`, `with ... as d`).
    NotBoundTo { capture: u32, regex: Regex },
    /// `#not-has-child? @x "where"`: no direct child of the node is of these kinds.
    NotHasChild { capture: u32, kinds: Vec<String> },
    /// `#file-match? @x "regex"`: the whole document matches (for example, imports boto3).
    FileMatch { capture: u32, regex: Regex },
    /// `#not-followed-by? @x "kind" "stop"...`: no later sibling of the node has the first kind
    /// before one of the stop kinds (or the end): "the last USER of its stage".
    NotFollowedBy {
        capture: u32,
        kind: String,
        stops: Vec<String>,
    },
}

/// What the combined query knows of one pattern.
#[derive(Debug)]
pub(crate) enum PatternRole {
    Rule(RulePattern),
    /// A pattern of `embedded-shell.scm`: its `@shell` / `@argv` capture is checked by the shell
    /// rules.
    Embed(Vec<Predicate>),
    Comment,
    /// A pattern of a source that failed validation: it never reports.
    Disabled,
}

#[derive(Debug)]
pub(crate) struct RulePattern {
    pub rule: usize,
    pub predicates: Vec<Predicate>,
    /// `#set! message "..."`: a pattern-specific message.
    pub message: Option<String>,
    /// `#narrow! @match "regex"`: report each match of the regex inside the capture instead of
    /// the whole node.
    pub narrow: Option<(u32, Regex)>,
    /// `#set! role "moved"`: in a `renamed` diff rule, the pattern finds the `from` address of
    /// a `moved` block rather than a resource.
    pub role: Option<String>,
}

pub(crate) struct CompiledLanguage {
    pub query: Option<Query>,
    /// The regexes of `#file-match?` predicates: their results are facts about the whole
    /// document, which an edit anywhere can change.
    pub document_regexes: RegexSet,
    pub patterns: Vec<PatternRole>,
    pub match_capture: Option<u32>,
    pub target_capture: Option<u32>,
    pub scope_capture: Option<u32>,
    pub shell_capture: Option<u32>,
    pub argv_capture: Option<u32>,
    /// How many consecutive siblings the longest pattern without a single root spans (1 when
    /// every pattern has one root; `usize::MAX` when a quantifier makes it unbounded): an edit
    /// re-queries that many neighbours of what it touched.
    pub sibling_span: usize,
    /// The node kinds a match can be rooted at (the top-level node of each pattern): `None`
    /// when some pattern starts with a wildcard or a shape [`pattern_roots`] does not read.
    pub root_kinds: Option<Vec<String>>,
    /// What a document must contain for some pattern to match (`None`: some pattern needs
    /// nothing): see [`required_literals`]. A document that fails it has no match, so it is
    /// neither parsed nor queried by a whole-document analysis.
    pub prefilter: Option<Prefilter>,
}

impl CompiledLanguage {
    /// Whether a match of this query can be rooted at a node of `kind`.
    pub fn may_root(&self, kind: &str) -> bool {
        self.query.is_some()
            && self
                .root_kinds
                .as_ref()
                .is_none_or(|kinds| kinds.iter().any(|k| k == kind))
    }
}

impl CompiledLanguage {
    pub fn compile(
        language: Language,
        sources: &[QuerySource],
    ) -> (CompiledLanguage, Vec<CatalogError>) {
        let grammar = language.grammar();
        let mut errors = Vec::new();
        // Sources that do not compile on their own are left out, so one broken user query does
        // not take the others down.
        let combined = match build(language, &grammar, sources.iter().collect()) {
            Ok(built) => built,
            Err(_) => {
                let good: Vec<&QuerySource> = sources
                    .iter()
                    .filter(|source| match Query::new(&grammar, &source.text) {
                        Ok(_) => true,
                        Err(err) => {
                            errors.push(CatalogError {
                                path: source.path.clone(),
                                message: format!(
                                    "line {}, column {}: {:?} error: {}",
                                    err.row + 1,
                                    err.column + 1,
                                    err.kind,
                                    err.message.trim()
                                ),
                            });
                            false
                        }
                    })
                    .collect();
                match build(language, &grammar, good) {
                    Ok(built) => built,
                    Err(message) => {
                        errors.push(CatalogError {
                            path: language.name().to_string(),
                            message,
                        });
                        return (
                            CompiledLanguage {
                                query: None,
                                document_regexes: RegexSet::empty(),
                                patterns: Vec::new(),
                                match_capture: None,
                                target_capture: None,
                                scope_capture: None,
                                shell_capture: None,
                                argv_capture: None,
                                sibling_span: 1,
                                root_kinds: Some(Vec::new()),
                                prefilter: None,
                            },
                            errors,
                        );
                    }
                }
            }
        };
        let (mut query, owners, text) = combined;
        let mut patterns = Vec::with_capacity(query.pattern_count());
        let mut sibling_span = 1;
        let mut root_kinds = Some(Vec::new());
        // Each pattern's clauses; `None` once a pattern needs none.
        let mut needs: Option<Vec<Vec<Vec<String>>>> = Some(Vec::new());
        for index in 0..query.pattern_count() {
            let pattern_text =
                &text[query.start_byte_for_pattern(index)..query.end_byte_for_pattern(index)];
            if !query.is_pattern_rooted(index) {
                sibling_span = sibling_span.max(top_level_steps(pattern_text));
            }
            root_kinds = match (root_kinds, pattern_roots(pattern_text)) {
                (Some(mut kinds), Some(more)) => {
                    for kind in more {
                        if !kinds.contains(&kind) {
                            kinds.push(kind);
                        }
                    }
                    Some(kinds)
                }
                _ => None,
            };
            let role = match owners[index] {
                None => PatternRole::Comment,
                Some(source) => {
                    let pattern_text = &text
                        [query.start_byte_for_pattern(index)..query.end_byte_for_pattern(index)];
                    match rule_pattern(&query, index, source, pattern_text) {
                        Ok(pattern) if source.rule.is_none() => {
                            PatternRole::Embed(pattern.predicates)
                        }
                        Ok(pattern) => PatternRole::Rule(pattern),
                        Err(message) => {
                            errors.push(CatalogError {
                                path: source.path.clone(),
                                message,
                            });
                            PatternRole::Disabled
                        }
                    }
                }
            };
            if matches!(role, PatternRole::Disabled) {
                query.disable_pattern(index);
            } else {
                let clauses = match &role {
                    PatternRole::Comment => vec![vec![super::directives::MARKER.to_string()]],
                    _ => required_literals(&query, index, pattern_text),
                };
                needs = needs.filter(|_| !clauses.is_empty()).map(|mut all| {
                    all.push(clauses);
                    all
                });
            }
            patterns.push(role);
        }
        let mut document_regexes: Vec<Regex> = Vec::new();
        for pattern in &patterns {
            let predicates = match pattern {
                PatternRole::Rule(rule) => Some(&rule.predicates),
                PatternRole::Embed(predicates) => Some(predicates),
                _ => None,
            };
            if let Some(predicates) = predicates {
                for predicate in predicates {
                    if let Predicate::FileMatch { regex, .. } = predicate {
                        if !document_regexes
                            .iter()
                            .any(|r| r.as_str() == regex.as_str())
                        {
                            document_regexes.push(regex.clone());
                        }
                    }
                }
            }
        }
        let match_capture = query.capture_index_for_name("match");
        let shell_capture = query.capture_index_for_name("shell");
        let argv_capture = query.capture_index_for_name("argv");
        let target_capture = query.capture_index_for_name("target");
        let scope_capture = query.capture_index_for_name("scope");
        (
            CompiledLanguage {
                query: Some(query),
                // One pass over the text answers them all (they are checked on every edit).
                document_regexes: RegexSet::new(document_regexes.iter().map(Regex::as_str))
                    .unwrap_or_else(|_| RegexSet::empty()),
                prefilter: needs.and_then(Prefilter::new),
                patterns,
                match_capture,
                target_capture,
                scope_capture,
                shell_capture,
                argv_capture,
                sibling_span,
                root_kinds,
            },
            errors,
        )
    }
}

/// The number of sibling nodes a pattern without a single root matches: its top-level groups
/// (`((a) . (b) [(c) (d)])` has three), `usize::MAX` when one is quantified (`(a)+`). Strings and
/// comments are skipped; predicates do not count.
fn top_level_steps(pattern: &str) -> usize {
    let bytes = pattern.as_bytes();
    let mut at = 0;
    let mut depth = 0usize;
    let mut steps = 0usize;
    while at < bytes.len() {
        match bytes[at] {
            b'"' => {
                if string_at(bytes, &mut at).is_none() {
                    break;
                }
                continue;
            }
            b';' => {
                skip_blank(bytes, &mut at);
                continue;
            }
            b'(' | b'[' => {
                depth += 1;
                let predicate = bytes.get(at + 1) == Some(&b'#');
                if depth == 2 && !predicate {
                    steps += 1;
                }
            }
            b')' | b']' => {
                depth = depth.saturating_sub(1);
                if depth == 1 {
                    at += 1;
                    skip_blank(bytes, &mut at);
                    if matches!(bytes.get(at), Some(b'*' | b'+')) {
                        return usize::MAX;
                    }
                    continue;
                }
            }
            _ => {}
        }
        at += 1;
    }
    steps.max(1)
}

/// The strings the patterns of a query need ([`required_literals`]), found in one pass.
pub(crate) struct Prefilter {
    strings: aho_corasick::AhoCorasick,
    /// Per pattern, its clauses as indices into `strings`.
    patterns: Vec<Vec<Vec<usize>>>,
}

impl Prefilter {
    fn new(needs: Vec<Vec<Vec<String>>>) -> Option<Prefilter> {
        let mut strings: Vec<String> = needs.iter().flatten().flatten().cloned().collect();
        strings.sort();
        strings.dedup();
        let index = |s: &String| strings.binary_search(s).unwrap_or(0);
        let mut patterns: Vec<Vec<Vec<usize>>> = needs
            .iter()
            .map(|clauses| {
                clauses
                    .iter()
                    .map(|clause| clause.iter().map(index).collect())
                    .collect()
            })
            .collect();
        patterns.sort();
        patterns.dedup();
        let strings = aho_corasick::AhoCorasick::new(&strings).ok()?;
        Some(Prefilter { strings, patterns })
    }

    /// Whether some pattern has each of its clauses met by a string `text` contains.
    pub fn admits(&self, text: &str) -> bool {
        let mut found = vec![false; self.strings.patterns_len()];
        let met = |found: &[bool]| {
            self.patterns
                .iter()
                .any(|clauses| clauses.iter().all(|c| c.iter().any(|&i| found[i])))
        };
        for hit in self.strings.find_overlapping_iter(text) {
            let i = hit.pattern().as_usize();
            if !found[i] {
                found[i] = true;
                if met(&found) {
                    return true;
                }
            }
        }
        false
    }
}

/// What a document must contain for the pattern to match: clauses, each a list of strings one
/// of which it contains. A clause comes from
/// - a `#eq?` or `#any-of?` on a capture every match has (quantifier one or one-or-more), whose
///   text is one of the strings, so the document contains it;
/// - the prefix literals of a `#match?` or `#narrow!` regex on such a capture
///   ([`regex_prefixes`]);
/// - the prefix literals of a `#file-match?` regex, which the whole document must match.
///
/// Empty when the pattern has none of these.
fn required_literals(query: &Query, index: usize, pattern: &str) -> Vec<Vec<String>> {
    use tree_sitter::CaptureQuantifier;
    let quantifiers = query.capture_quantifiers(index);
    let bytes = pattern.as_bytes();
    let mut clauses = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'"' => {
                if string_at(bytes, &mut at).is_none() {
                    return Vec::new();
                }
                continue;
            }
            b';' => {
                skip_blank(bytes, &mut at);
                continue;
            }
            b'(' if bytes.get(at + 1) == Some(&b'#') => {}
            _ => {
                at += 1;
                continue;
            }
        }
        at += 2;
        let operator_start = at;
        while at < bytes.len() && !bytes[at].is_ascii_whitespace() && bytes[at] != b')' {
            at += 1;
        }
        let operator = &pattern[operator_start..at];
        let mut capture = None;
        let mut strings = Vec::new();
        let mut other = false;
        loop {
            skip_blank(bytes, &mut at);
            let Some(&next) = bytes.get(at) else {
                return Vec::new();
            };
            match next {
                b')' => {
                    at += 1;
                    break;
                }
                b'"' => match string_at(bytes, &mut at) {
                    Some(string) => strings.push(string),
                    None => return Vec::new(),
                },
                b'@' => {
                    at += 1;
                    let start = at;
                    skip_capture_name(bytes, &mut at);
                    if capture.is_none() {
                        capture = Some(&pattern[start..at]);
                    } else {
                        other = true;
                    }
                }
                _ => {
                    other = true;
                    at += 1;
                }
            }
        }
        if other || strings.is_empty() {
            continue;
        }
        let always = match operator {
            "eq?" | "any-of?" | "match?" | "narrow!" => capture
                .and_then(|name| query.capture_index_for_name(name))
                .is_some_and(|id| {
                    matches!(
                        quantifiers.get(id as usize),
                        Some(CaptureQuantifier::One | CaptureQuantifier::OneOrMore)
                    )
                }),
            "file-match?" => true,
            _ => false,
        };
        if !always {
            continue;
        }
        // Every match of a regex begins with one of its prefix literals, when it has a finite
        // set of them (`#narrow!` reports nothing without a match of its regex).
        let clause = match (operator, strings.as_slice()) {
            ("eq?" | "any-of?", _) => Some(strings),
            (_, [regex]) => regex_prefixes(regex),
            _ => None,
        };
        if let Some(clause) = clause.filter(|c| !c.is_empty() && c.iter().all(|s| !s.is_empty())) {
            clauses.push(clause);
        }
    }
    clauses
}

/// The literals every match of `regex` begins with (`None` when there is no finite set of
/// non-empty ones).
fn regex_prefixes(regex: &str) -> Option<Vec<String>> {
    let hir = regex_syntax::parse(regex).ok()?;
    let seq = regex_syntax::hir::literal::Extractor::new().extract(&hir);
    let literals = seq.literals()?;
    if literals.is_empty() || literals.iter().any(|l| l.as_bytes().is_empty()) {
        return None;
    }
    literals
        .iter()
        .map(|l| String::from_utf8(l.as_bytes().to_vec()).ok())
        .collect()
}

/// The node kinds a pattern's matches are rooted at: the kind of its top-level node, of each
/// alternative of a top-level `[...]`, of each node of a top-level group. `None` for a wildcard
/// (`(_)`, `_`) or anything else this does not read, which callers take as "any kind".
pub(crate) fn pattern_roots(pattern: &str) -> Option<Vec<String>> {
    let bytes = pattern.as_bytes();
    let mut at = 0;
    let mut kinds = Vec::new();
    roots_of_item(bytes, &mut at, &mut kinds)?;
    skip_blank(bytes, &mut at);
    (at == bytes.len()).then_some(kinds)
}

fn skip_blank(bytes: &[u8], at: &mut usize) {
    while *at < bytes.len() {
        match bytes[*at] {
            b if b.is_ascii_whitespace() => *at += 1,
            b';' => {
                while *at < bytes.len() && bytes[*at] != b'\n' {
                    *at += 1;
                }
            }
            _ => break,
        }
    }
}

/// Moves past a capture name starting at `at` (after its `@`).
fn skip_capture_name(bytes: &[u8], at: &mut usize) {
    while *at < bytes.len() && (bytes[*at].is_ascii_alphanumeric() || b"_-.".contains(&bytes[*at]))
    {
        *at += 1;
    }
}

/// Moves past a string literal starting at `at` (on its opening quote); returns its contents.
fn string_at(bytes: &[u8], at: &mut usize) -> Option<String> {
    let mut value = Vec::new();
    *at += 1;
    while *at < bytes.len() {
        match bytes[*at] {
            b'\\' => {
                let escaped = *bytes.get(*at + 1)?;
                value.push(match escaped {
                    b'n' => b'\n',
                    b't' => b'\t',
                    b'r' => b'\r',
                    b'0' => 0,
                    other => other,
                });
                *at += 2;
            }
            b'"' => {
                *at += 1;
                return String::from_utf8(value).ok();
            }
            b => {
                value.push(b);
                *at += 1;
            }
        }
    }
    None
}

/// Moves past the rest of a parenthesised or bracketed form whose opening byte is before `at`.
fn skip_to_close(bytes: &[u8], at: &mut usize) -> Option<()> {
    let mut depth = 1usize;
    while *at < bytes.len() {
        match bytes[*at] {
            b'"' => {
                string_at(bytes, at)?;
                continue;
            }
            b';' => {
                skip_blank(bytes, at);
                continue;
            }
            b'(' | b'[' => depth += 1,
            b')' | b']' => {
                depth -= 1;
                if depth == 0 {
                    *at += 1;
                    return Some(());
                }
            }
            _ => {}
        }
        *at += 1;
    }
    None
}

/// Reads one item (a node, an alternation, a group, a string) with its captures and
/// quantifier, adding the kinds it can be rooted at.
fn roots_of_item(bytes: &[u8], at: &mut usize, kinds: &mut Vec<String>) -> Option<()> {
    skip_blank(bytes, at);
    match *bytes.get(*at)? {
        b'"' => kinds.push(string_at(bytes, at)?),
        b'[' => {
            *at += 1;
            loop {
                skip_blank(bytes, at);
                if *bytes.get(*at)? == b']' {
                    *at += 1;
                    break;
                }
                roots_of_item(bytes, at, kinds)?;
            }
        }
        b'(' => {
            *at += 1;
            skip_blank(bytes, at);
            match *bytes.get(*at)? {
                // A group: its nodes (siblings, or one node with predicates).
                b'(' | b'[' | b'"' => loop {
                    skip_blank(bytes, at);
                    match *bytes.get(*at)? {
                        b')' => {
                            *at += 1;
                            break;
                        }
                        b'.' => *at += 1,
                        b'(' if bytes.get(*at + 1) == Some(&b'#') => {
                            *at += 1;
                            skip_to_close(bytes, at)?;
                        }
                        _ => roots_of_item(bytes, at, kinds)?,
                    }
                },
                _ => {
                    let start = *at;
                    while *at < bytes.len()
                        && (bytes[*at].is_ascii_alphanumeric() || bytes[*at] == b'_')
                    {
                        *at += 1;
                    }
                    let name = std::str::from_utf8(&bytes[start..*at]).ok()?;
                    if name.is_empty() || name == "_" {
                        return None;
                    }
                    kinds.push(name.to_string());
                    skip_to_close(bytes, at)?;
                }
            }
        }
        _ => return None,
    }
    // Captures and a quantifier.
    loop {
        skip_blank(bytes, at);
        match bytes.get(*at) {
            Some(b'@') => {
                *at += 1;
                skip_capture_name(bytes, at);
            }
            Some(b'?' | b'*' | b'+') => *at += 1,
            _ => return Some(()),
        }
    }
}

type Built<'s> = (Query, Vec<Option<&'s QuerySource>>, String);

/// Concatenates the sources plus the comment pattern and maps each pattern back to its source.
fn build<'s>(
    language: Language,
    grammar: &tree_sitter::Language,
    sources: Vec<&'s QuerySource>,
) -> Result<Built<'s>, String> {
    let mut text = String::new();
    let mut starts = Vec::with_capacity(sources.len());
    for source in &sources {
        starts.push(text.len());
        text.push_str(&source.text);
        text.push('\n');
    }
    let comment_start = text.len();
    let kinds: Vec<String> = language
        .comment_kinds()
        .iter()
        .map(|k| format!("({k})"))
        .collect();
    text.push_str(&format!("[{}] @{DIRECTIVE_CAPTURE}\n", kinds.join(" ")));
    let query = Query::new(grammar, &text).map_err(|err| err.message)?;
    let owners = (0..query.pattern_count())
        .map(|index| {
            let start = query.start_byte_for_pattern(index);
            if start >= comment_start {
                None
            } else {
                let i = starts.partition_point(|&s| s <= start).saturating_sub(1);
                Some(sources[i])
            }
        })
        .collect();
    Ok((query, owners, text))
}

/// Validates one pattern of a rule query and reads its predicates and properties.
fn rule_pattern(
    query: &Query,
    index: usize,
    source: &QuerySource,
    pattern_text: &str,
) -> Result<RulePattern, String> {
    let first_line = pattern_text.lines().next().unwrap_or("").trim();
    let at = |message: String| format!("pattern `{first_line}`: {message}");
    let (vocabulary, required, names) = match source.rule {
        Some(_) => (&CAPTURE_VOCABULARY[..], "match", "@match, @target, @scope"),
        None => (&EMBED_VOCABULARY[..], "", "@shell, @argv"),
    };
    let mut has_required = false;
    for name in captures_in(pattern_text) {
        if name == required || (required.is_empty() && vocabulary.contains(&name)) {
            has_required = true;
        }
        if !name.starts_with('_') && !vocabulary.contains(&name) {
            return Err(at(format!(
                "capture `@{name}` is not in the vocabulary ({names}, or @_name for predicates)"
            )));
        }
    }
    if !has_required {
        return Err(at(format!("pattern has none of the captures {names}")));
    }
    let mut predicates = Vec::new();
    let mut narrow = None;
    for predicate in query.general_predicates(index) {
        let operator = predicate.operator.as_ref();
        let (capture, strings) = split_args(&predicate.args)
            .ok_or_else(|| at(format!("#{operator} takes a capture followed by strings")))?;
        let regex = |strings: &[String]| -> Result<Regex, String> {
            let [pattern] = strings else {
                return Err(at(format!("#{operator} takes one regex")));
            };
            Regex::new(pattern).map_err(|e| at(format!("#{operator}: invalid regex: {e}")))
        };
        let parsed = match operator {
            "cmd?" => Predicate::Command {
                capture,
                names: strings,
            },
            "cmd-match?" => Predicate::CommandMatch {
                capture,
                regex: regex(&strings)?,
            },
            "subcmd?" => Predicate::Subcommand {
                capture,
                words: strings,
            },
            "flag?" | "not-flag?" => Predicate::Flag {
                capture,
                flags: strings,
                negate: operator == "not-flag?",
            },
            "arg?" | "not-arg?" => Predicate::Arg {
                capture,
                regex: regex(&strings)?,
                negate: operator == "not-arg?",
            },
            "not-kind?" => Predicate::NotKind {
                capture,
                kinds: strings,
            },
            "not-bound-to?" => Predicate::NotBoundTo {
                capture,
                regex: regex(&strings)?,
            },
            "not-has-child?" => Predicate::NotHasChild {
                capture,
                kinds: strings,
            },
            "not-followed-by?" => {
                let Some((kind, stops)) = strings.split_first() else {
                    return Err(at(
                        "#not-followed-by? takes a node kind, then stop kinds".into()
                    ));
                };
                Predicate::NotFollowedBy {
                    capture,
                    kind: kind.clone(),
                    stops: stops.to_vec(),
                }
            }
            "file-match?" => Predicate::FileMatch {
                capture,
                regex: regex(&strings)?,
            },
            "narrow!" => {
                narrow = Some((capture, regex(&strings)?));
                continue;
            }
            other => return Err(at(format!("unknown predicate #{other}"))),
        };
        if strings_required(&parsed) {
            return Err(at(format!(
                "#{operator} needs at least one string argument"
            )));
        }
        predicates.push(parsed);
    }
    let mut message = None;
    let mut role = None;
    for property in query.property_settings(index) {
        match property.key.as_ref() {
            "message" => message = property.value.as_ref().map(|v| v.to_string()),
            "role" => role = property.value.as_ref().map(|v| v.to_string()),
            other => {
                return Err(at(format!(
                    "unknown #set! key `{other}` (known: message, role)"
                )));
            }
        }
    }
    Ok(RulePattern {
        rule: source.rule.unwrap_or(usize::MAX),
        predicates,
        message,
        narrow,
        role,
    })
}

fn strings_required(predicate: &Predicate) -> bool {
    match predicate {
        Predicate::Command { names, .. } => names.is_empty(),
        Predicate::Subcommand { words, .. } => words.is_empty(),
        Predicate::Flag { flags, .. } => flags.is_empty(),
        Predicate::NotKind { kinds, .. } | Predicate::NotHasChild { kinds, .. } => kinds.is_empty(),
        _ => false,
    }
}

/// Capture names written in a pattern's text, outside strings and comments.
pub fn captures_in(pattern: &str) -> Vec<&str> {
    let bytes = pattern.as_bytes();
    let mut names = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'"' => {
                if string_at(bytes, &mut at).is_none() {
                    break;
                }
            }
            b';' => skip_blank(bytes, &mut at),
            b'@' => {
                at += 1;
                let start = at;
                skip_capture_name(bytes, &mut at);
                names.push(&pattern[start..at]);
            }
            _ => at += 1,
        }
    }
    names
}

fn split_args(args: &[QueryPredicateArg]) -> Option<(u32, Vec<String>)> {
    let (first, rest) = args.split_first()?;
    let QueryPredicateArg::Capture(capture) = first else {
        return None;
    };
    let strings = rest
        .iter()
        .map(|arg| match arg {
            QueryPredicateArg::String(s) => Some(s.to_string()),
            QueryPredicateArg::Capture(_) => None,
        })
        .collect::<Option<Vec<_>>>()?;
    Some((*capture, strings))
}

/// Per-document cache of what predicates compute: parsed shell commands, keyed by node id, and
/// whole-document regex results, keyed by pattern text.
#[derive(Default)]
pub(crate) struct CommandCache<'t> {
    commands: HashMap<usize, Option<ShellCommand<'t>>>,
    file_matches: HashMap<String, bool>,
    /// Set by a predicate that reads more than its captures: the range it read (the scope whose
    /// bindings `#not-bound-to?` searched, the siblings `#not-followed-by?` walked). The caller
    /// resets it before each match and records such matches, so an edit elsewhere in that range
    /// re-evaluates them.
    pub reads: Option<Range<usize>>,
}

impl<'t> CommandCache<'t> {
    /// Records that a predicate read `range`.
    pub(crate) fn read(&mut self, range: Range<usize>) {
        self.reads = Some(match self.reads.take() {
            Some(before) => before.start.min(range.start)..before.end.max(range.end),
            None => range,
        });
    }

    fn get(&mut self, node: Node<'_>, text: &'t str) -> Option<&ShellCommand<'t>> {
        self.commands
            .entry(node.id())
            .or_insert_with(|| ShellCommand::from_node(node, text))
            .as_ref()
    }
}

/// Evaluates the custom predicates of a match. Returns `None` when one fails, otherwise the range
/// of the operand a shell predicate singled out (used as the finding's target).
pub(crate) fn evaluate<'t>(
    predicates: &[Predicate],
    capture_node: impl Fn(u32) -> Option<Node<'t>>,
    text: &'t str,
    commands: &mut CommandCache<'t>,
) -> Option<Option<Range<usize>>> {
    let mut target = None;
    for predicate in predicates {
        let ok = match predicate {
            Predicate::Command { capture, names } => {
                let command = commands.get(capture_node(*capture)?, text)?;
                names.contains(&command.program)
            }
            Predicate::CommandMatch { capture, regex } => {
                let command = commands.get(capture_node(*capture)?, text)?;
                regex.is_match(&command.program)
            }
            Predicate::Subcommand { capture, words } => commands
                .get(capture_node(*capture)?, text)?
                .has_subcommand(words),
            Predicate::Flag {
                capture,
                flags,
                negate,
            } => {
                let command = commands.get(capture_node(*capture)?, text)?;
                command.has_flag(flags).is_some() != *negate
            }
            Predicate::Arg {
                capture,
                regex,
                negate,
            } => {
                let command = commands.get(capture_node(*capture)?, text)?;
                let found = command.operands().find(|arg| regex.is_match(arg.raw));
                if let (Some(arg), false) = (found, *negate) {
                    target.get_or_insert(arg.range.clone());
                }
                found.is_some() != *negate
            }
            Predicate::NotKind { capture, kinds } => {
                let kind = capture_node(*capture)?.kind();
                !kinds.iter().any(|k| k == kind)
            }
            Predicate::NotBoundTo { capture, regex } => {
                let node = capture_node(*capture)?;
                let (bound, scope) = bound_to(node, text, regex);
                commands.read(scope);
                !bound
            }
            Predicate::NotHasChild { capture, kinds } => {
                let node = capture_node(*capture)?;
                let mut cursor = node.walk();
                let found = node
                    .children(&mut cursor)
                    .any(|child| kinds.iter().any(|k| k == child.kind()));
                !found
            }
            Predicate::NotFollowedBy {
                capture,
                kind,
                stops,
            } => {
                let node = capture_node(*capture)?;
                // A cursor jumps to the node and walks the later siblings in constant time each
                // (`next_named_sibling` searches the parent from its first child every time).
                let mut followed = false;
                let mut read = node.byte_range();
                if let Some(parent) = node.parent() {
                    read.end = parent.end_byte();
                    let mut cursor = parent.walk();
                    if cursor
                        .goto_first_child_for_byte(node.start_byte())
                        .is_some()
                    {
                        while cursor.node() != node && cursor.goto_next_sibling() {}
                        while cursor.goto_next_sibling() {
                            let sibling = cursor.node();
                            if !sibling.is_named() {
                                continue;
                            }
                            if stops.iter().any(|s| s == sibling.kind()) {
                                read.end = sibling.end_byte();
                                break;
                            }
                            if sibling.kind() == kind {
                                read.end = sibling.end_byte();
                                followed = true;
                                break;
                            }
                        }
                    }
                }
                commands.read(read);
                !followed
            }
            Predicate::FileMatch { capture, regex } => {
                capture_node(*capture)?;
                *commands
                    .file_matches
                    .entry(regex.as_str().to_string())
                    .or_insert_with(|| regex.is_match(text))
            }
        };
        if !ok {
            return None;
        }
    }
    Some(target)
}

/// Scope node kinds: an identifier's bindings are looked up within the nearest one.
const SCOPE_KINDS: [&str; 4] = [
    "function_definition",
    "lambda",
    "class_definition",
    "module",
];

/// Whether the identifier is bound to a matching value in its scope, and the scope's range (what
/// the answer depends on).
fn bound_to(identifier: Node<'_>, text: &str, regex: &Regex) -> (bool, Range<usize>) {
    let Some(name) = text.get(identifier.byte_range()) else {
        return (false, identifier.byte_range());
    };
    let mut scope = identifier;
    while let Some(parent) = scope.parent() {
        scope = parent;
        if SCOPE_KINDS.contains(&scope.kind()) {
            break;
        }
    }
    let read = scope.byte_range();
    let node_text = |node: Option<Node<'_>>| node.and_then(|n| text.get(n.byte_range()));
    let mut cursor = scope.walk();
    let mut stack = vec![scope];
    while let Some(node) = stack.pop() {
        let binding = match node.kind() {
            "assignment" => Some((
                node.child_by_field_name("left"),
                node.child_by_field_name("right"),
            )),
            "named_expression" => Some((
                node.child_by_field_name("name"),
                node.child_by_field_name("value"),
            )),
            "as_pattern" => Some((node.child_by_field_name("alias"), node.named_child(0))),
            _ => None,
        };
        if let Some((target, value)) = binding {
            let target_text = node_text(target).map(str::trim);
            if target_text == Some(name) && node_text(value).is_some_and(|v| regex.is_match(v)) {
                return (true, read);
            }
        }
        stack.extend(node.named_children(&mut cursor));
    }
    (false, read)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pattern_roots_reads_the_top_level_node_kinds() {
        let cases: &[(&str, Option<&[&str]>)] = &[
            (
                "(call_expression function: (identifier) @f) @match",
                Some(&["call_expression"]),
            ),
            (
                "((call (identifier) @f) @match (#eq? @f \"rm(\") (#set! message \"a ) b\"))",
                Some(&["call"]),
            ),
            (
                "[(command) (pipeline)] @match",
                Some(&["command", "pipeline"]),
            ),
            ("; a comment (not a node)\n(block) @b", Some(&["block"])),
            ("((a) . (b) [(c) \"d\"])", Some(&["a", "b", "c", "d"])),
            ("\"(\" @open", Some(&["("])),
            ("(statement)* @many", Some(&["statement"])),
            (
                "((_ (call) @match) @parent (#not-kind? @parent \"x\"))",
                None,
            ),
            ("(_) @any", None),
            ("_ @any", None),
            ("(unclosed", None),
        ];
        for (pattern, expected) in cases {
            let expected = expected.map(|kinds| kinds.iter().map(|k| k.to_string()).collect());
            assert_eq!(pattern_roots(pattern), expected, "{pattern}");
        }
    }

    #[test]
    fn pattern_text_readers_skip_strings_and_comments() {
        assert_eq!(top_level_steps("((a) . (b) [(c) (d)])"), 3);
        assert_eq!(top_level_steps("((a) @x (#eq? @x \"(\") ; (\n)"), 1);
        assert_eq!(top_level_steps("((a) (b) ; a comment\n +)"), usize::MAX);
        assert_eq!(top_level_steps("((a) (b)* )"), usize::MAX);
        assert_eq!(
            captures_in("((a) @x (#eq? @x \"@no \\\" @nor\") ; @nope\n (b) @y.z-w)"),
            ["x", "x", "y.z-w"]
        );
    }

    #[test]
    fn required_literals_are_what_every_match_contains() {
        let grammar = Language::Python.grammar();
        let call = "((call function: (identifier) @_f arguments: (argument_list (_)? @_a)) @match";
        let literals = |predicates: &str| {
            let pattern = format!("{call} {predicates}");
            let query = Query::new(&grammar, &pattern).unwrap();
            required_literals(&query, 0, &pattern)
        };
        let cases: &[(&str, &[&[&str]])] = &[
            (r#"(#eq? @_f "rmtree"))"#, &[&["rmtree"]]),
            (r#"(#any-of? @_f "run" "call"))"#, &[&["run", "call"]]),
            // No finite set of prefixes, a negation, an optional capture: nothing required.
            (r#"(#match? @_f ".*x"))"#, &[]),
            (r#"(#not-eq? @_f "rmtree"))"#, &[]),
            (r#"(#eq? @_a "rmtree"))"#, &[]),
            // Every predicate that requires something is a clause; the file-wide regex too,
            // whatever its capture.
            (
                r#"(#eq? @_f "rm") (#any-of? @_f "system" "popen") (#file-match? @_a "^import os"))"#,
                &[&["rm"], &["system", "popen"], &["import os"]],
            ),
        ];
        for (predicates, expected) in cases {
            let expected: Vec<Vec<String>> = expected
                .iter()
                .map(|clause| clause.iter().map(|s| s.to_string()).collect())
                .collect();
            assert_eq!(literals(predicates), expected, "{predicates}");
        }
        // A regex: literals that begin every match (which ones is regex-syntax's choice).
        for (predicates, matching) in [
            (r#"(#match? @_f "^shutil\\.rmtree$"))"#, "shutil.rmtree"),
            (r#"(#match? @_f "(?i)^rm(dir)?$"))"#, "RmDir"),
            (r#"(#narrow! @_f "\"Action\"\\s*:"))"#, "\"Action\": \"*\""),
        ] {
            let found = literals(predicates);
            assert!(
                matches!(found.as_slice(), [clause] if clause.iter().any(|l| matching.starts_with(l.as_str()))),
                "{predicates}: {found:?}"
            );
        }
    }

    /// The kinds read off every catalog query are node kinds of its grammar: a misread pattern
    /// (a field name, a capture) would make `may_root` answer for the wrong nodes.
    #[test]
    fn catalog_root_kinds_are_grammar_node_kinds() {
        let rules = super::super::rules::RuleSet::builtin();
        for language in Language::ALL {
            let grammar = language.grammar();
            for compiled in [rules.compiled(language), rules.compiled_diff(language)] {
                for kind in compiled.root_kinds.iter().flatten() {
                    assert!(
                        grammar.id_for_node_kind(kind, true) != 0
                            || grammar.id_for_node_kind(kind, false) != 0
                            || kind == "ERROR",
                        "{language}: {kind} is not a node kind"
                    );
                }
            }
        }
    }
}
