//! Terraform plans exported with `terraform show -json`: which resources a plan destroys or
//! replaces, and the findings of the rule `tf-plan-destroys` on the `resource` blocks of a
//! module's `.tf` files. Pure: the caller reads the plan file (blast-radius never runs
//! terraform).

use std::fmt;
use std::ops::Range;

use serde::Deserialize;

use crate::analysis::{Finding, Review, RuleSet};

/// The rule reporting resources a plan destroys or replaces.
pub const PLAN_RULE: &str = "tf-plan-destroys";

/// What a plan does to a resource instance that loses the existing object.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanAction {
    /// `["delete"]`: destroyed.
    Destroy,
    /// `["delete", "create"]` or `["create", "delete"]`: destroyed and recreated.
    Replace,
}

/// One resource instance a plan destroys or replaces.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanChange {
    /// The full address: `module.net.aws_subnet.a["x"]`.
    pub address: String,
    /// `module.net` for a resource in a module, `None` in the root module.
    pub module_address: Option<String>,
    pub resource_type: String,
    pub name: String,
    /// The `count` index or `for_each` key, as Terraform prints it in the address (`0`, `"a"`).
    pub index: Option<String>,
    pub action: PlanAction,
    /// Terraform's reason (`replace_because_cannot_update`, `delete_because_no_resource_config`).
    pub action_reason: Option<String>,
    /// The attributes that force the replacement (`triggers_replace`, `engine`).
    pub replace_paths: Vec<String>,
}

impl PlanChange {
    /// The address of the `resource` block in its module: `aws_db_instance.main`.
    pub fn block_address(&self) -> String {
        format!("{}.{}", self.resource_type, self.name)
    }
}

/// A plan that cannot be read: the message names the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanError(pub String);

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Deserialize)]
struct PlanFile {
    format_version: Option<String>,
    #[serde(default)]
    resource_changes: Option<Vec<ResourceChange>>,
}

#[derive(Deserialize)]
struct ResourceChange {
    address: String,
    #[serde(default)]
    module_address: Option<String>,
    #[serde(default)]
    mode: Option<String>,
    #[serde(rename = "type")]
    resource_type: String,
    name: String,
    #[serde(default)]
    index: Option<serde_json::Value>,
    change: ChangeBody,
    #[serde(default)]
    action_reason: Option<String>,
}

#[derive(Deserialize)]
struct ChangeBody {
    actions: Vec<String>,
    #[serde(default)]
    replace_paths: Option<Vec<Vec<serde_json::Value>>>,
}

/// Parses the JSON of `terraform show -json <planfile>` and returns the resource instances it
/// destroys or replaces, in plan order. `file` names the plan in error messages. A plan with no
/// `resource_changes` (nothing to do) is empty; JSON that is not a plan is an error.
pub fn parse(text: &str, file: &str) -> Result<Vec<PlanChange>, PlanError> {
    let plan: PlanFile = serde_json::from_str(text).map_err(|err| {
        PlanError(format!(
            "{file}: not a Terraform plan in JSON (expected the output of `terraform show -json <planfile>`): {err}"
        ))
    })?;
    let Some(changes) = plan.resource_changes else {
        if plan.format_version.is_none() {
            return Err(PlanError(format!(
                "{file}: not a Terraform plan in JSON: no `format_version` or `resource_changes` \
                 (expected the output of `terraform show -json <planfile>`)"
            )));
        }
        return Ok(Vec::new());
    };
    let mut found = Vec::new();
    for change in changes {
        if change.mode.as_deref().is_some_and(|m| m != "managed") {
            continue;
        }
        let actions: Vec<&str> = change.change.actions.iter().map(String::as_str).collect();
        let action = match actions.as_slice() {
            ["delete"] => PlanAction::Destroy,
            ["delete", "create"] | ["create", "delete"] => PlanAction::Replace,
            _ => continue,
        };
        let index = change.index.map(|value| match value {
            serde_json::Value::String(key) => format!("{key:?}"),
            other => other.to_string(),
        });
        let replace_paths = change
            .change
            .replace_paths
            .unwrap_or_default()
            .iter()
            .map(|path| attribute_path(path))
            .collect();
        found.push(PlanChange {
            address: change.address,
            module_address: change.module_address,
            resource_type: change.resource_type,
            name: change.name,
            index,
            action,
            action_reason: change.action_reason,
            replace_paths,
        });
    }
    Ok(found)
}

/// `["tags", "Name"]` as `tags.Name`, `["rule", 0]` as `rule[0]`.
fn attribute_path(path: &[serde_json::Value]) -> String {
    let mut text = String::new();
    for step in path {
        match step {
            serde_json::Value::String(name) => {
                if !text.is_empty() {
                    text.push('.');
                }
                text.push_str(name);
            }
            other => text.push_str(&format!("[{other}]")),
        }
    }
    text
}

/// How many instances a plan destroys and how many it replaces.
pub fn counts(changes: &[PlanChange]) -> (usize, usize) {
    let destroy = changes
        .iter()
        .filter(|c| c.action == PlanAction::Destroy)
        .count();
    (destroy, changes.len() - destroy)
}

/// A `resource "TYPE" "NAME"` block header in HCL text: its type, name and the byte range of
/// the header line (from `resource` to the end of the line).
pub fn resource_blocks(text: &str) -> Vec<(String, String, Range<usize>)> {
    let mut blocks = Vec::new();
    let mut offset = 0;
    let mut depth: i64 = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        let trimmed = content.trim_start();
        if depth == 0
            && let Some((resource_type, name)) = resource_header(trimmed)
        {
            let begin = start + (content.len() - trimmed.len());
            blocks.push((resource_type, name, begin..start + content.len()));
        }
        depth += brace_delta(content);
        depth = depth.max(0);
    }
    blocks
}

/// `resource "aws_db_instance" "main" {` as its type and name.
fn resource_header(line: &str) -> Option<(String, String)> {
    let rest = line.strip_prefix("resource")?;
    if !rest.starts_with([' ', '\t', '"']) {
        return None;
    }
    let (resource_type, rest) = quoted(rest.trim_start())?;
    let (name, rest) = quoted(rest.trim_start())?;
    rest.trim_start()
        .starts_with('{')
        .then_some((resource_type, name))
}

/// A block label: a quoted string or a bare identifier (`resource aws_instance web {`).
fn quoted(text: &str) -> Option<(String, &str)> {
    if let Some(rest) = text.strip_prefix('"') {
        let end = rest.find('"')?;
        return Some((rest[..end].to_string(), &rest[end + 1..]));
    }
    let end = text
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(text.len());
    (end > 0).then(|| (text[..end].to_string(), &text[end..]))
}

/// The change in brace depth over a line, outside strings and comments (heredoc bodies are
/// rarely unbalanced; a block header inside one is not at depth 0 anyway).
fn brace_delta(line: &str) -> i64 {
    let mut delta = 0;
    let mut in_string = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if in_string => {
                chars.next();
            }
            '"' => in_string = !in_string,
            '#' if !in_string => break,
            '/' if !in_string && chars.peek() == Some(&'/') => break,
            '{' if !in_string => delta += 1,
            '}' if !in_string => delta -= 1,
            _ => {}
        }
    }
    delta
}

/// The findings of [`PLAN_RULE`] in one `.tf` file of the root module the plan was made for:
/// one on each `resource` block whose instances the plan destroys or replaces. With
/// `orphans_here`, resources the plan destroys that have no block in `module_blocks` (the
/// blocks of every `.tf` file of the module: the block was deleted) are reported at the top of
/// this file. Resources in child modules (`module_address`) are not reported: their blocks live
/// in another directory, which the plan does not map to. Empty when the rule is disabled.
pub fn findings(
    text: &str,
    changes: &[PlanChange],
    module_blocks: &[(String, String)],
    orphans_here: bool,
    rules: &RuleSet,
) -> Vec<Finding> {
    let Some(rule) = rules.get(PLAN_RULE).filter(|r| r.enabled) else {
        return Vec::new();
    };
    let root: Vec<&PlanChange> = changes
        .iter()
        .filter(|c| c.module_address.is_none())
        .collect();
    let finding = |range: Range<usize>, message: String| Finding {
        rule: rule.id.clone(),
        range,
        target: None,
        severity: rule.severity,
        message,
        review: Review::None,
        directive: None,
        provenance: None,
        edit: None,
    };
    let mut found = Vec::new();
    for (resource_type, name, range) in resource_blocks(text) {
        let instances: Vec<&PlanChange> = root
            .iter()
            .copied()
            .filter(|c| c.resource_type == resource_type && c.name == name)
            .collect();
        if instances.is_empty() {
            continue;
        }
        found.push(finding(range, message(&instances)));
    }
    if orphans_here {
        let orphans: Vec<&PlanChange> = root
            .iter()
            .copied()
            .filter(|c| {
                !module_blocks
                    .iter()
                    .any(|(t, n)| *t == c.resource_type && *n == c.name)
            })
            .collect();
        if !orphans.is_empty() {
            let end = text.find('\n').unwrap_or(text.len());
            let end = if text[..end].ends_with('\r') {
                end - 1
            } else {
                end
            };
            let mut message = message(&orphans);
            message.push_str(" (no longer in the configuration)");
            found.push(finding(0..end, message));
        }
    }
    found
}

/// "this change destroys and recreates aws_db_instance.main (triggers_replace forces
/// replacement)", several instances joined with "; ".
fn message(instances: &[&PlanChange]) -> String {
    let mut replaced = Vec::new();
    let mut destroyed = Vec::new();
    for change in instances {
        let mut shown = change.address.clone();
        if change.action == PlanAction::Replace && !change.replace_paths.is_empty() {
            shown.push_str(&format!(
                " ({} forces replacement)",
                change.replace_paths.join(", ")
            ));
        }
        match change.action {
            PlanAction::Replace => replaced.push(shown),
            PlanAction::Destroy => destroyed.push(shown),
        }
    }
    let mut parts = Vec::new();
    if !replaced.is_empty() {
        parts.push(format!(
            "this change destroys and recreates {}",
            replaced.join(", ")
        ));
    }
    if !destroyed.is_empty() {
        parts.push(format!("this change destroys {}", destroyed.join(", ")));
    }
    parts.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAN: &str = r#"{"format_version":"1.2","resource_changes":[
      {"address":"aws_db_instance.main","mode":"managed","type":"aws_db_instance","name":"main",
       "change":{"actions":["delete","create"],"replace_paths":[["engine"],["tags","Name"],["rule",0]]},
       "action_reason":"replace_because_cannot_update"},
      {"address":"aws_s3_bucket.logs[\"a\"]","mode":"managed","type":"aws_s3_bucket","name":"logs",
       "index":"a","change":{"actions":["delete"]}},
      {"address":"aws_s3_bucket.logs[\"b\"]","mode":"managed","type":"aws_s3_bucket","name":"logs",
       "index":"b","change":{"actions":["create","delete"]}},
      {"address":"aws_instance.web[1]","mode":"managed","type":"aws_instance","name":"web",
       "index":1,"change":{"actions":["delete"]}},
      {"address":"module.net.aws_vpc.main","module_address":"module.net","mode":"managed",
       "type":"aws_vpc","name":"main","change":{"actions":["delete"]}},
      {"address":"data.aws_ami.x","mode":"data","type":"aws_ami","name":"x","change":{"actions":["delete"]}},
      {"address":"aws_iam_role.r","mode":"managed","type":"aws_iam_role","name":"r","change":{"actions":["update"]}},
      {"address":"aws_iam_role.s","mode":"managed","type":"aws_iam_role","name":"s","change":{"actions":["no-op"]}}
    ]}"#;

    #[test]
    fn parses_destroys_and_replaces() {
        let changes = parse(PLAN, "p.json").unwrap();
        let summary: Vec<_> = changes
            .iter()
            .map(|c| (c.address.as_str(), c.action, c.index.clone()))
            .collect();
        assert_eq!(
            summary,
            [
                ("aws_db_instance.main", PlanAction::Replace, None),
                (
                    "aws_s3_bucket.logs[\"a\"]",
                    PlanAction::Destroy,
                    Some("\"a\"".into())
                ),
                (
                    "aws_s3_bucket.logs[\"b\"]",
                    PlanAction::Replace,
                    Some("\"b\"".into())
                ),
                ("aws_instance.web[1]", PlanAction::Destroy, Some("1".into())),
                ("module.net.aws_vpc.main", PlanAction::Destroy, None),
            ]
        );
        assert_eq!(changes[0].replace_paths, ["engine", "tags.Name", "rule[0]"]);
        assert_eq!(
            changes[0].action_reason.as_deref(),
            Some("replace_because_cannot_update")
        );
        assert_eq!(changes[4].module_address.as_deref(), Some("module.net"));
        assert_eq!(counts(&changes), (3, 2));
    }

    #[test]
    fn malformed_plans_are_errors_naming_the_file() {
        for (text, expected) in [
            ("", "plans/a.json: not a Terraform plan in JSON"),
            ("{", "plans/a.json: not a Terraform plan in JSON"),
            ("[1, 2]", "plans/a.json: not a Terraform plan in JSON"),
            (
                "{}",
                "plans/a.json: not a Terraform plan in JSON: no `format_version`",
            ),
            (
                r#"{"format_version":"1.2","resource_changes":[{"address":"a.b"}]}"#,
                "plans/a.json: not a Terraform plan in JSON",
            ),
            (
                r#"{"format_version":"1.2","resource_changes":[{"address":"a.b","type":"a","name":"b","change":{"actions":"delete"}}]}"#,
                "plans/a.json: not a Terraform plan in JSON",
            ),
        ] {
            let err = parse(text, "plans/a.json").unwrap_err();
            assert!(err.0.starts_with(expected), "{text:?}: {}", err.0);
        }
        // A plan with nothing to change has no `resource_changes`.
        assert_eq!(parse(r#"{"format_version":"1.2"}"#, "p").unwrap(), []);
    }

    #[test]
    fn finds_top_level_resource_blocks() {
        let text = "resource \"a\" \"b\" {\n  dynamic \"x\" {\n  }\n  # resource \"c\" \"d\" {\n  s = \"}\"\n}\n  resource \"e\" \"f\" { }\nresource i j {\n}\nresourcex \"g\" \"h\" {\n";
        let blocks = resource_blocks(text);
        let names: Vec<_> = blocks
            .iter()
            .map(|(t, n, r)| (t.as_str(), n.as_str(), &text[r.clone()]))
            .collect();
        assert_eq!(
            names,
            [
                ("a", "b", "resource \"a\" \"b\" {"),
                ("e", "f", "resource \"e\" \"f\" { }"),
                ("i", "j", "resource i j {")
            ]
        );
    }

    #[test]
    fn findings_on_blocks_and_removed_resources() {
        let rules = RuleSet::builtin();
        let changes = parse(PLAN, "p.json").unwrap();
        let text = "resource \"aws_db_instance\" \"main\" {\n}\n\nresource \"aws_s3_bucket\" \"logs\" {\n  for_each = local.b\n}\n";
        let blocks: Vec<_> = resource_blocks(text)
            .into_iter()
            .map(|(t, n, _)| (t, n))
            .collect();
        let found = findings(text, &changes, &blocks, true, &rules);
        let shown: Vec<_> = found
            .iter()
            .map(|f| (&text[f.range.clone()], f.message.as_str()))
            .collect();
        assert_eq!(
            shown,
            [
                (
                    "resource \"aws_db_instance\" \"main\" {",
                    "this change destroys and recreates aws_db_instance.main (engine, tags.Name, rule[0] forces replacement)"
                ),
                (
                    "resource \"aws_s3_bucket\" \"logs\" {",
                    "this change destroys and recreates aws_s3_bucket.logs[\"b\"]; this change destroys aws_s3_bucket.logs[\"a\"]"
                ),
                (
                    "resource \"aws_db_instance\" \"main\" {",
                    "this change destroys aws_instance.web[1] (no longer in the configuration)"
                ),
            ]
        );
        // Without `orphans_here` (another file of the module reports them) only the blocks.
        assert_eq!(findings(text, &changes, &blocks, false, &rules).len(), 2);
    }
}
