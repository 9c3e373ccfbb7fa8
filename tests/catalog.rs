//! Checks the rule catalog: every query compiles, every rule has metadata, queries and fixtures
//! (at least three positives and three safe look-alikes), and the documentation names the whole
//! capture vocabulary and every predicate.

mod common;

use std::collections::BTreeMap;

use blast_radius::analysis::query::{CAPTURE_VOCABULARY, EMBED_VOCABULARY, PREDICATES, PROPERTIES};
use blast_radius::analysis::rules::RuleKind;
use blast_radius::analysis::{Language, RuleOptions, RuleSet};

#[test]
fn builtin_catalog_builds_and_every_query_compiles() {
    let (rules, errors) = RuleSet::build(&[], &RuleOptions::default());
    assert!(errors.is_empty(), "catalog errors: {errors:#?}");
    for language in Language::ALL {
        let errors = rules.compile_errors(language);
        assert!(errors.is_empty(), "{language}: {errors:#?}");
    }
}

#[test]
fn every_rule_has_metadata_queries_and_fixtures() {
    let rules = RuleSet::builtin();
    let mut results = common::run_fixtures(&rules);
    results.extend(common::run_diff_fixtures(&rules));
    let mut positives: BTreeMap<&str, usize> = BTreeMap::new();
    let mut safe: BTreeMap<&str, usize> = BTreeMap::new();
    let mut languages_with_positives: BTreeMap<&str, Vec<Language>> = BTreeMap::new();
    let mut problems = Vec::new();
    for result in &results {
        let name = result.path.file_name().unwrap().to_string_lossy();
        let text = std::fs::read_to_string(&result.path).unwrap();
        let language = Language::detect(&name, &text).unwrap();
        for expectation in &result.annotations.expected {
            if rules.get(&expectation.rule).is_none() {
                problems.push(format!(
                    "{}: annotation names unknown rule {}",
                    name, expectation.rule
                ));
            }
            *positives.entry(&expectation.rule).or_default() += 1;
            languages_with_positives
                .entry(&expectation.rule)
                .or_default()
                .push(language);
        }
        for line in &result.annotations.safe {
            if rules.get(&line.rule).is_none() {
                problems.push(format!("{}: `ok` names unknown rule {}", name, line.rule));
            }
            *safe.entry(&line.rule).or_default() += 1;
        }
    }
    for rule in rules.rules() {
        let id = rule.id.as_str();
        for (field, value) in [
            ("title", &rule.title),
            ("message", &rule.message),
            ("why", &rule.why),
            ("safer", &rule.safer),
        ] {
            if value.trim().is_empty() {
                problems.push(format!("{id}: empty `{field}`"));
            }
        }
        if rule.references.is_empty() {
            problems.push(format!("{id}: no references"));
        }
        // A plan rule has no query and no annotated fixtures: tests/plan.rs checks it against
        // a plan exported by a real terraform run.
        if rule.kind == RuleKind::Plan {
            continue;
        }
        if !rule.is_engine_rule() && rule.languages.is_empty() {
            problems.push(format!("{id}: no query in any language"));
        }
        let count = positives.get(id).copied().unwrap_or(0);
        if count < 3 {
            problems.push(format!("{id}: {count} positive fixtures (need 3)"));
        }
        let count = safe.get(id).copied().unwrap_or(0);
        if count < 3 {
            problems.push(format!("{id}: {count} safe look-alike fixtures (need 3)"));
        }
        for language in &rule.languages {
            let covered = languages_with_positives
                .get(id)
                .is_some_and(|l| l.contains(language));
            if !covered {
                problems.push(format!("{id}: no positive fixture in {language}"));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "catalog problems:\n{}",
        problems.join("\n")
    );
}

#[test]
fn query_readme_documents_the_vocabulary() {
    let readme = std::fs::read_to_string(common::root().join("queries/README.md")).unwrap();
    for capture in CAPTURE_VOCABULARY.iter().chain(EMBED_VOCABULARY.iter()) {
        assert!(
            readme.contains(&format!("`@{capture}`")),
            "queries/README.md does not document @{capture}"
        );
    }
    for predicate in PREDICATES {
        assert!(
            readme.contains(&format!("`#{predicate}`")),
            "queries/README.md does not document #{predicate}"
        );
    }
    for key in PROPERTIES {
        assert!(
            readme.contains(&format!("`#set! {key}`")),
            "queries/README.md does not document #set! {key}"
        );
    }
}

#[test]
fn a_capture_outside_the_vocabulary_is_rejected() {
    use blast_radius::analysis::CatalogFile;
    let user = [
        CatalogFile {
            path: "mine/rules/custom-thing.toml".into(),
            contents: "title = \"t\"\nscope = \"host\"\nreversible = false\nmessage = \"m\"\nwhy = \"w\"\nsafer = \"s\"\n".into(),
        },
        CatalogFile { path: "mine/bash/custom-thing.scm".into(), contents: "((command) @match @oops)".into() },
    ];
    let (_, errors) = RuleSet::build(&user, &RuleOptions::default());
    assert!(
        errors.iter().any(|e| e.path == "mine/bash/custom-thing.scm"
            && e.message.contains("`@oops` is not in the vocabulary")),
        "{errors:?}"
    );
}

#[test]
fn readme_rule_table_is_current() {
    let readme = std::fs::read_to_string(common::root().join("README.md")).unwrap();
    let start = readme
        .find("<!-- rules:start")
        .expect("README has a rules:start marker");
    let start = start + readme[start..].find("-->\n").unwrap() + 4;
    let end = readme
        .find("<!-- rules:end -->")
        .expect("README has a rules:end marker");
    let expected = blast_radius::cli::rules_markdown_table(RuleSet::builtin().rules());
    assert!(
        readme[start..end] == expected,
        "README rule table is out of date; replace it with the output of \
         `cargo run -- rules --format markdown`:\n{expected}"
    );
}

/// Up to two flagged and one safe line per rule and language, from the fixtures.
fn examples() -> blast_radius::cli::Examples {
    let mut examples = blast_radius::cli::Examples::new();
    let pairs = common::files_below(&common::root().join("tests/diff-fixtures"))
        .into_iter()
        .filter(|p| !p.to_string_lossy().contains(".base."));
    for path in common::files_below(&common::root().join("tests/fixtures"))
        .into_iter()
        .chain(pairs)
    {
        let text = std::fs::read_to_string(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let Some(language) = Language::detect(&name, &text) else {
            continue;
        };
        let annotations = blast_radius::fixtures::parse(&text, language);
        let lines: Vec<&str> = text.lines().collect();
        let mut add = |rule: &str, line: usize, flagged: bool| {
            let entry = examples.entry(rule.to_string()).or_default();
            let same_kind = entry
                .iter()
                .filter(|(l, _, f)| l == language.name() && *f == flagged)
                .count();
            let code = lines.get(line).map(|l| l.trim()).unwrap_or("");
            if same_kind < if flagged { 2 } else { 1 } && !code.is_empty() && code.len() <= 100 {
                entry.push((language.name().to_string(), code.to_string(), flagged));
            }
        };
        for expectation in &annotations.expected {
            add(&expectation.rule, expectation.line, true);
        }
        for safe in &annotations.safe {
            add(&safe.rule, safe.line, false);
        }
    }
    examples
}

#[test]
fn rule_reference_page_is_current() {
    let expected = blast_radius::cli::reference_page(RuleSet::builtin().rules(), &examples());
    let path = common::root().join("docs/rules.md");
    if std::env::var_os("BLAST_RADIUS_UPDATE_DOCS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &expected).unwrap();
    }
    let actual = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        actual == expected,
        "docs/rules.md is out of date: run `BLAST_RADIUS_UPDATE_DOCS=1 cargo test --test catalog`"
    );
}

#[test]
fn typescript_and_tsx_take_javascript_queries_unless_they_have_their_own() {
    use blast_radius::analysis::{CatalogFile, analyze};
    let meta = "title = \"t\"\nscope = \"host\"\nreversible = false\nmessage = \"m\"\nwhy = \"w\"\nsafer = \"s\"\n";
    let file = |path: &str, contents: &str| CatalogFile {
        path: path.into(),
        contents: contents.into(),
    };
    let user = [
        file("mine/rules/wipe-all.toml", meta),
        file(
            "mine/javascript/wipe-all.scm",
            "((call_expression function: (identifier) @_f) @match (#eq? @_f \"wipeAll\"))",
        ),
        file(
            "mine/typescript/wipe-all.scm",
            "((call_expression function: (identifier) @_f) @match (#eq? @_f \"wipeEverything\"))",
        ),
    ];
    let (rules, errors) = RuleSet::build(&user, &RuleOptions::default());
    assert!(errors.is_empty(), "{errors:?}");
    let rule = rules.get("wipe-all").unwrap();
    assert_eq!(
        rule.languages,
        [Language::JavaScript, Language::TypeScript, Language::Tsx]
    );
    let count = |text: &str, language| {
        analyze(text, language, &rules)
            .iter()
            .filter(|f| f.rule == "wipe-all")
            .count()
    };
    assert_eq!(
        count("wipeAll();\n", Language::Tsx),
        1,
        "TSX takes the JavaScript query"
    );
    assert_eq!(
        count("wipeAll();\n", Language::TypeScript),
        0,
        "TypeScript has its own query"
    );
    assert_eq!(count("wipeEverything();\n", Language::TypeScript), 1);
}
