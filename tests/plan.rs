//! Terraform plan awareness (`tf-plan-destroys`) end to end, against a plan exported by a real
//! `terraform show -json` run on `terraform_data` resources: `tests/plan/module/main.tfplan.json`,
//! made by `tests/plan/regenerate.sh` from `tests/plan/module/main.tf`. The live test runs that
//! script again when terraform is on PATH.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use blast_radius::provenance::plan::{self, PlanAction};
use common::lsp_client::Client;
use serde_json::{Value, json};

fn module_dir() -> PathBuf {
    common::root().join("tests/plan/module")
}

fn blast_radius(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_blast-radius"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

/// A copy of the fixture module (configuration, child module and plan) in a temp dir, outside
/// any git repository.
fn module_copy(plan_name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let module = module_dir();
    std::fs::copy(module.join("main.tf"), dir.path().join("main.tf")).unwrap();
    std::fs::create_dir(dir.path().join("child")).unwrap();
    std::fs::copy(
        module.join("child/main.tf"),
        dir.path().join("child/main.tf"),
    )
    .unwrap();
    std::fs::copy(module.join("main.tfplan.json"), dir.path().join(plan_name)).unwrap();
    dir
}

/// `(path, line, message)` of each `tf-plan-destroys` finding of `check --format json`.
fn plan_findings(output: &Output) -> Vec<(String, u64, String)> {
    let report: Value = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    });
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "tf-plan-destroys")
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_string(),
                f["start"]["line"].as_u64().unwrap(),
                f["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// What the committed plan says: one replace, three destroys in the root module, one replace
/// in `module.child`, and an in-place update that is not reported.
const EXPECTED: [(&str, u64, &str); 4] = [
    (
        "main.tf",
        1,
        "this change destroys terraform_data.old_bucket (no longer in the configuration)",
    ),
    (
        "main.tf",
        5,
        "this change destroys and recreates terraform_data.database (triggers_replace forces replacement)",
    ),
    (
        "main.tf",
        9,
        "this change destroys terraform_data.replica[2]",
    ),
    (
        "main.tf",
        14,
        "this change destroys terraform_data.queue[\"b\"]",
    ),
];

fn expected() -> Vec<(String, u64, String)> {
    EXPECTED
        .iter()
        .map(|(p, l, m)| (p.to_string(), *l, m.to_string()))
        .collect()
}

#[test]
fn the_committed_plan_parses_into_destroys_and_replaces() {
    let text = std::fs::read_to_string(module_dir().join("main.tfplan.json")).unwrap();
    let changes = plan::parse(&text, "main.tfplan.json").unwrap();
    let summary: Vec<_> = changes
        .iter()
        .map(|c| {
            (
                c.address.as_str(),
                c.action,
                c.action_reason.as_deref().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (
                "terraform_data.database",
                PlanAction::Replace,
                "replace_because_cannot_update"
            ),
            (
                "terraform_data.old_bucket",
                PlanAction::Destroy,
                "delete_because_no_resource_config"
            ),
            (
                "terraform_data.queue[\"b\"]",
                PlanAction::Destroy,
                "delete_because_each_key"
            ),
            (
                "terraform_data.replica[2]",
                PlanAction::Destroy,
                "delete_because_count_index"
            ),
            (
                "module.child.terraform_data.inner",
                PlanAction::Replace,
                "replace_because_cannot_update"
            ),
        ]
    );
    assert_eq!(changes[0].replace_paths, ["triggers_replace"]);
    assert_eq!(changes[4].module_address.as_deref(), Some("module.child"));
    assert_eq!(plan::counts(&changes), (3, 2));
}

#[test]
fn check_reports_what_the_plan_beside_the_module_destroys() {
    let dir = module_copy("main.tfplan.json");
    let output = blast_radius(dir.path(), &["check", "--format", "json", "."]);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    assert_eq!(plan_findings(&output), expected());
    // The child module's block is not the root module's: `module.child.terraform_data.inner`
    // is not reported on child/main.tf (that directory has no plan of its own).
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(
        report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["path"] != "child/main.tf"),
        "{report:#}"
    );
    // Human output: the finding on the block with its blast radius.
    let output = blast_radius(dir.path(), &["check", "main.tf"]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains(
            "error[tf-plan-destroys]: this change destroys and recreates terraform_data.database"
        ) && stdout.contains("5 | resource \"terraform_data\" \"database\" {"),
        "{stdout}"
    );
}

#[test]
fn plan_files_are_read_as_plans_not_checked_as_json() {
    let dir = module_copy("main.tfplan.json");
    // The plan (12 KiB) is over this limit: it is still read, and not warned about as a JSON
    // file too large to check.
    std::fs::write(
        dir.path().join("blast-radius.toml"),
        "max-file-size = \"2KiB\"\n",
    )
    .unwrap();
    let output = blast_radius(dir.path(), &["check", "."]);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("main.tfplan.json"), "{stderr}");
    assert!(
        stdout.contains("Found 4 high-blast-radius findings (4 errors) in 2 files"),
        "{stdout}"
    );
}

#[test]
fn directives_apply_to_plan_findings() {
    let dir = module_copy("main.tfplan.json");
    let text = std::fs::read_to_string(dir.path().join("main.tf"))
        .unwrap()
        .replace(
            "resource \"terraform_data\" \"database\" {",
            "# blast-radius: reviewed tf-plan-destroys by Ana Lima\nresource \"terraform_data\" \"database\" {",
        )
        .replace(
            "resource \"terraform_data\" \"replica\" {",
            "resource \"terraform_data\" \"replica\" { # blast-radius: ignore tf-plan-destroys -- replica 2 is retired on purpose",
        );
    std::fs::write(dir.path().join("main.tf"), text).unwrap();
    let output = blast_radius(dir.path(), &["check", "--format", "json", "main.tf"]);
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let reviews: Vec<(u64, &str, &str, &str)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["start"]["line"].as_u64().unwrap(),
                f["rule"].as_str().unwrap(),
                f["severity"].as_str().unwrap(),
                f["review"].as_str().unwrap(),
            )
        })
        .collect();
    // The reviewed replacement is a hint, the destroy is ignored (it does not block), and
    // neither directive is reported as unused.
    assert_eq!(
        reviews,
        [
            (1, "tf-plan-destroys", "error", "none"),
            (6, "tf-plan-destroys", "hint", "reviewed"),
            (10, "tf-plan-destroys", "error", "ignored"),
            (15, "tf-plan-destroys", "error", "none"),
        ],
        "{report:#}"
    );
}

#[test]
fn without_a_plan_nothing_is_reported() {
    let dir = module_copy("main.tfplan.json");
    std::fs::remove_file(dir.path().join("main.tfplan.json")).unwrap();
    let output = blast_radius(dir.path(), &["check", "--format", "json", "."]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(plan_findings(&output), []);
    // A plan of another name is not read without `terraform-plans`.
    let dir = module_copy("plan.json");
    let output = blast_radius(dir.path(), &["check", "--format", "json", "."]);
    assert_eq!(plan_findings(&output), []);
}

#[test]
fn terraform_plans_in_the_configuration_replace_the_default() {
    let dir = module_copy("current.json");
    // The default name now holds something that is not a plan: it is not read.
    std::fs::write(dir.path().join("stale.tfplan.json"), "not json").unwrap();
    std::fs::write(
        dir.path().join("blast-radius.toml"),
        "terraform-plans = [\"current.json\"]\n",
    )
    .unwrap();
    let output = blast_radius(dir.path(), &["check", "--format", "json", "."]);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    assert_eq!(plan_findings(&output), expected());
    // A misspelt key is an error, as every unknown key is.
    std::fs::write(
        dir.path().join("blast-radius.toml"),
        "terraform-plan = [\"current.json\"]\n",
    )
    .unwrap();
    let output = blast_radius(dir.path(), &["check", "."]);
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("unknown field `terraform-plan`"),
        "{stderr}"
    );
}

#[test]
fn a_malformed_plan_is_an_error_naming_the_file() {
    let dir = module_copy("main.tfplan.json");
    std::fs::write(
        dir.path().join("broken.tfplan.json"),
        "{\"format_version\": \"1.2\", \"resource_changes\": [",
    )
    .unwrap();
    let output = blast_radius(dir.path(), &["check", "--format", "json", "."]);
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let errors = report["errors"].as_array().unwrap();
    assert!(
        errors
            .iter()
            .any(|e| e.to_string().contains("broken.tfplan.json")
                && e.to_string().contains("not a Terraform plan in JSON")),
        "{errors:?}"
    );
    // The good plan beside it is still reported.
    assert_eq!(plan_findings(&output), expected());
}

#[test]
fn disabling_the_rule_turns_plan_findings_off() {
    let dir = module_copy("main.tfplan.json");
    std::fs::write(
        dir.path().join("blast-radius.toml"),
        "disable = [\"tf-plan-destroys\"]\n",
    )
    .unwrap();
    let output = blast_radius(dir.path(), &["check", "--format", "json", "."]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(plan_findings(&output), []);
}

#[tokio::test]
async fn the_server_reports_the_plan_with_a_code_lens() {
    let dir = module_copy("main.tfplan.json");
    let file = dir.path().join("main.tf");
    let text = std::fs::read_to_string(&file).unwrap();
    let uri = format!("file://{}", file.display());
    let mut client = Client::in_process();
    client
        .initialize(json!({}), json!({"provenance": false}))
        .await;
    client.open(&uri, "terraform", &text).await;
    let params = client
        .wait_for("textDocument/publishDiagnostics", |p| {
            p["uri"] == uri.as_str()
                && p["diagnostics"]
                    .as_array()
                    .is_some_and(|d| d.iter().any(|d| d["code"] == "tf-plan-destroys"))
        })
        .await;
    let found: Vec<(u64, String)> = params["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "tf-plan-destroys")
        .map(|d| {
            let message = d["message"].as_str().unwrap();
            let message = message.split(" — ").next().unwrap().to_string();
            (d["range"]["start"]["line"].as_u64().unwrap() + 1, message)
        })
        .collect();
    let wanted: Vec<(u64, String)> = EXPECTED
        .iter()
        .map(|(_, line, message)| (*line, message.to_string()))
        .collect();
    assert_eq!(found, wanted);
    let lens = client
        .request(
            "textDocument/codeLens",
            json!({"textDocument": {"uri": uri}}),
        )
        .await;
    let titles: Vec<&str> = lens["result"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["command"]["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles[0], "plan: 3 to destroy, 1 to replace", "{titles:?}");
    // The plan findings follow the text as it is edited: a new line above moves them.
    client
        .change(
            &uri,
            2,
            json!([{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "# note\n"}]),
        )
        .await;
    let diagnostics = client.diagnostics(&uri, 2).await;
    let lines: Vec<u64> = diagnostics
        .iter()
        .filter(|d| d["code"] == "tf-plan-destroys")
        .map(|d| d["range"]["start"]["line"].as_u64().unwrap() + 1)
        .collect();
    assert_eq!(lines, [1, 6, 10, 15]);
    client.shutdown().await;
}

/// Runs `tests/plan/regenerate.sh` with the terraform on PATH (no network: the script disables
/// the checkpoint and keeps all state in a temp dir) and checks that the fresh plan says what
/// the committed one says. Skipped, saying so, when terraform is not installed.
#[test]
fn live_terraform_plan_matches_the_committed_fixture() {
    let found = Command::new("terraform")
        .arg("version")
        .env("CHECKPOINT_DISABLE", "1")
        .output();
    if !found.is_ok_and(|o| o.status.success()) {
        eprintln!(
            "SKIPPED live_terraform_plan_matches_the_committed_fixture: `terraform` is not on \
             PATH; the committed plan tests/plan/module/main.tfplan.json is tested instead"
        );
        return;
    }
    let out = tempfile::tempdir().unwrap();
    let plan_path = out.path().join("fresh.tfplan.json");
    let run = Command::new("sh")
        .arg(common::root().join("tests/plan/regenerate.sh"))
        .arg(&plan_path)
        .env("CHECKPOINT_DISABLE", "1")
        .output()
        .unwrap();
    assert!(run.status.success(), "regenerate.sh failed: {run:?}");
    let summary = |text: &str| {
        let mut changes: Vec<_> = plan::parse(text, "plan")
            .unwrap()
            .into_iter()
            .map(|c| (c.address, c.action, c.replace_paths))
            .collect();
        changes.sort_by(|a, b| a.0.cmp(&b.0));
        changes
    };
    let fresh = std::fs::read_to_string(&plan_path).unwrap();
    let committed = std::fs::read_to_string(module_dir().join("main.tfplan.json")).unwrap();
    assert_eq!(summary(&fresh), summary(&committed));
    // And `check` reads the fresh plan the same way.
    let dir = module_copy("main.tfplan.json");
    std::fs::copy(&plan_path, dir.path().join("main.tfplan.json")).unwrap();
    let output = blast_radius(dir.path(), &["check", "--format", "json", "."]);
    assert_eq!(plan_findings(&output), expected());
    eprintln!("live terraform run: the fresh plan matches the committed fixture");
}
