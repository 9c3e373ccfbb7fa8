//! `blast-radius rules` and `blast-radius explain <rule-id>`.

use std::io::{self, Write};

use serde_json::json;

use super::ListFormat;
use crate::analysis::{Rule, RuleSet};

pub fn list(out: &mut dyn Write, format: ListFormat) -> u8 {
    let rules = RuleSet::builtin();
    let written = match format {
        ListFormat::Human => list_human(rules.rules(), out),
        ListFormat::Json => list_json(rules.rules(), out),
        ListFormat::Markdown => out.write_all(rules_markdown_table(rules.rules()).as_bytes()),
    };
    if written.is_err() { 2 } else { 0 }
}

/// The rule table of the README.
pub fn rules_markdown_table(rules: &[Rule]) -> String {
    let mut table =
        String::from("| rule | languages | blast radius | severity | what it finds |\n");
    table.push_str("| --- | --- | --- | --- | --- |\n");
    for rule in rules {
        table.push_str(&format!(
            "| `{}` | {} | {} | {} | {} |\n",
            rule.id,
            languages(rule),
            rule.radius(),
            rule.default_severity.name(),
            rule.title.replace('|', "\\|"),
        ));
    }
    table
}

fn languages(rule: &Rule) -> String {
    if rule.is_engine_rule() {
        "all".to_string()
    } else if rule.kind == crate::analysis::rules::RuleKind::Plan {
        "hcl (plan)".to_string()
    } else {
        rule.languages
            .iter()
            .map(|l| l.name())
            .collect::<Vec<_>>()
            .join(",")
    }
}

fn list_human(rules: &[Rule], out: &mut dyn Write) -> io::Result<()> {
    let width = rules.iter().map(|r| r.id.len()).max().unwrap_or(0);
    let lang_width = rules.iter().map(|r| languages(r).len()).max().unwrap_or(0);
    for rule in rules {
        writeln!(
            out,
            "{:width$}  {:7}  {:lang_width$}  {:<26}  {}",
            rule.id,
            rule.severity.name(),
            languages(rule),
            rule.radius(),
            rule.title,
        )?;
    }
    Ok(())
}

fn list_json(rules: &[Rule], out: &mut dyn Write) -> io::Result<()> {
    let entries: Vec<_> = rules
        .iter()
        .map(|rule| {
            json!({
                "id": rule.id,
                "title": rule.title,
                "scope": rule.scope.name(),
                "reversible": rule.reversible,
                "severity": rule.severity.name(),
                "languages": rule.languages.iter().map(|l| l.name()).collect::<Vec<_>>(),
            })
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &entries)?;
    writeln!(out)
}

pub fn explain(out: &mut dyn Write, id: &str) -> u8 {
    let rules = RuleSet::builtin();
    let Some(rule) = rules.get(id) else {
        let _ = writeln!(
            io::stderr(),
            "error: unknown rule `{id}`; `blast-radius rules` lists them"
        );
        return 2;
    };
    if out.write_all(rule_markdown(rule).as_bytes()).is_err() {
        return 2;
    }
    0
}

/// A rule's documentation in Markdown: what it matches, its blast radius, why, the safer
/// alternative and references.
pub fn rule_markdown(rule: &Rule) -> String {
    let mut text = format!("# {}: {}\n\n", rule.id, rule.title);
    text.push_str(&format!(
        "- Blast radius: {} ({})\n- Default severity: {}\n- Languages: {}\n\n",
        rule.scope.label(),
        rule.reversibility(),
        rule.default_severity.name(),
        languages(rule),
    ));
    text.push_str(&rule.explanation_markdown("##"));
    text
}

/// Example lines for the reference page, per rule: (language, code, is it flagged).
pub type Examples = std::collections::BTreeMap<String, Vec<(String, String, bool)>>;

/// The rule reference page (`docs/rules.md`): one section per rule with what it finds, its blast
/// radius, why, the safer alternative, examples from the fixtures and references.
pub fn reference_page(rules: &[Rule], examples: &Examples) -> String {
    let mut page = String::from(
        "# Rule reference\n\nGenerated from `queries/rules/*.toml` and the fixtures by \
         `BLAST_RADIUS_UPDATE_DOCS=1 cargo test --test catalog`; a test fails when it is out of date.\n\n",
    );
    for rule in rules {
        page.push_str(&format!(
            "- [`{}`](#{}): {}\n",
            rule.id, rule.id, rule.title
        ));
    }
    for rule in rules {
        page.push_str(&format!("\n## {}\n\n**{}**\n\n", rule.id, rule.title));
        page.push_str(&format!(
            "| blast radius | default severity | languages |\n| --- | --- | --- |\n| {} | {} | {} |\n\n",
            rule.radius(),
            rule.default_severity.name(),
            languages(rule)
        ));
        page.push_str(&format!(
            "What it reports: {}\n\n",
            rule.message
                .replace("{target}", "…")
                .replace("{removed}", "…")
                .replace("{current}", "…")
                .replace("{old_name}", "…")
                .replace("{name}", "…")
                .replace("{type}", "…")
        ));
        if let Some(deleted) = &rule.deleted {
            page.push_str(&format!(
                "What it reports for a deletion: {}\n\n",
                deleted.replace("{removed}", "…")
            ));
        }
        if rule.kind == crate::analysis::rules::RuleKind::Plan {
            page.push_str(
                "A plan rule: it reads a Terraform plan exported with `terraform show -json` \
                 (`*.tfplan.json` beside the module, or `terraform-plans` in \
                 `blast-radius.toml`) and reports on the `resource` blocks of the module's `.tf` \
                 files; blast-radius never runs terraform.\n\n",
            );
        } else if rule.is_diff() {
            page.push_str(
                "A diff rule: it compares the file with its base version (HEAD in the editor \
                 and in `check`, the file at `<rev>` with `check --diff <rev>`); the examples \
                 are lines of the changed version.\n\n",
            );
        }
        if let Some(lines) = examples.get(&rule.id).filter(|l| !l.is_empty()) {
            page.push_str("### Examples\n\n| | language | code |\n| --- | --- | --- |\n");
            for (language, code, flagged) in lines {
                let mark = if *flagged { "flagged" } else { "not flagged" };
                page.push_str(&format!(
                    "| {mark} | {language} | `{}` |\n",
                    code.replace('|', "\\|").replace('`', "'")
                ));
            }
            page.push('\n');
        }
        page.push_str(&rule.explanation_markdown("###"));
    }
    page
}
