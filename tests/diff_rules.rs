//! Diff rules end to end: `check` against HEAD and `--diff <rev>` in real git repositories made
//! in temp dirs with the `git` CLI, and the language server against the HEAD version it keeps.

mod common;

use common::git_repo::{Repo, blast_radius, json};
use common::lsp_client::{Client, apply_edits};
use serde_json::{Value, json};

const ANN: (&str, &str) = ("Ann", "ann@example.com");

const MAIN_TF: &str = r#"resource "aws_db_instance" "main" {
  engine = "postgres"

  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_s3_bucket" "logs" {
  bucket = "logs"
}
"#;

/// `main.tf` with the database renamed and its guard deleted.
const RENAMED_TF: &str = r#"resource "aws_db_instance" "primary" {
  engine = "postgres"
}

resource "aws_s3_bucket" "logs" {
  bucket = "logs"
}
"#;

/// (rule, 1-based line) of each finding in a JSON report.
fn found(report: &Value) -> Vec<(String, u64)> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["start"]["line"].as_u64().unwrap(),
            )
        })
        .collect()
}

fn pair(rule: &str, line: u64) -> (String, u64) {
    (rule.to_string(), line)
}

#[test]
fn check_compares_with_head_and_with_the_diff_revision() {
    let repo = Repo::new();
    repo.commit(&[("main.tf", MAIN_TF)], "Database", ANN);

    // Uncommitted: plain `check` compares the file with HEAD.
    repo.write("main.tf", RENAMED_TF);
    let output = blast_radius(repo.path(), &["check", "--format", "json", "main.tf"]);
    assert_eq!(
        output.status.code(),
        Some(1),
        "a rename without `moved` blocks"
    );
    let report = json(&output);
    assert_eq!(
        found(&report),
        [
            pair("tf-moved-block-missing", 1),
            pair("tf-protection-removed", 1)
        ]
    );
    let messages: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert!(
        messages.iter().any(|m| m.contains(
            "`aws_db_instance.main` was renamed to `aws_db_instance.primary` with no `moved` block"
        )),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("the `lifecycle` block, `prevent_destroy = true` is gone")),
        "{messages:?}"
    );

    // `--no-provenance` reads nothing from git, HEAD included; `--diff` still compares.
    let output = blast_radius(
        repo.path(),
        &["check", "--format", "json", "--no-provenance", "main.tf"],
    );
    assert_eq!(found(&json(&output)), []);
    let output = blast_radius(
        repo.path(),
        &[
            "check",
            "--format",
            "json",
            "--no-provenance",
            "--diff",
            "HEAD",
            "main.tf",
        ],
    );
    assert_eq!(found(&json(&output)).len(), 2);

    // The rename carries the `moved` block as a fix, inserted after the block.
    let fix = &report["findings"][0]["fix"];
    assert_eq!(fix["start"], json!({"line": 3, "column": 2}));
    assert_eq!(fix["end"], fix["start"]);
    assert_eq!(
        fix["text"],
        "\n\nmoved {\n  from = aws_db_instance.main\n  to   = aws_db_instance.primary\n}"
    );
    assert_eq!(report["findings"][1]["fix"], Value::Null);

    // Committed: HEAD is the file, so plain `check` has nothing to compare; `--diff HEAD~1`
    // compares with the version before the rename.
    repo.commit(&[], "Rename the database", ANN);
    let output = blast_radius(repo.path(), &["check", "--format", "json", "main.tf"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(found(&json(&output)), []);
    let output = blast_radius(
        repo.path(),
        &["check", "--format", "json", "--diff", "HEAD~1", "."],
    );
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        found(&json(&output)),
        [
            pair("tf-moved-block-missing", 1),
            pair("tf-protection-removed", 1)
        ]
    );

    // A `moved` block makes the rename deliberate.
    let with_moved = format!(
        "{RENAMED_TF}\nmoved {{\n  from = aws_db_instance.main\n  to   = aws_db_instance.primary\n}}\n"
    );
    repo.write("main.tf", &with_moved);
    let output = blast_radius(
        repo.path(),
        &["check", "--format", "json", "--diff", "HEAD~1", "main.tf"],
    );
    assert_eq!(found(&json(&output)), [pair("tf-protection-removed", 1)]);
}

#[test]
fn a_stale_review_fails_the_gate_again() {
    let repo = Repo::new();
    let script =
        "#!/bin/sh\n# blast-radius: reviewed rm-recursive-unguarded by Bob\nrm -rf \"$BUILD\"/*\n";
    repo.commit(&[("clean.sh", script)], "Clean", ANN);
    let output = blast_radius(repo.path(), &["check", "--format", "json", "clean.sh"]);
    assert_eq!(output.status.code(), Some(0), "the review counts");
    let report = json(&output);
    assert_eq!(report["findings"][0]["review"], "reviewed");

    // The reviewed line is rewritten, the directive kept.
    repo.write(
        "clean.sh",
        &script.replace("\"$BUILD\"/*", "\"$BUILD\"/../*"),
    );
    let output = blast_radius(repo.path(), &["check", "--format", "json", "clean.sh"]);
    assert_eq!(output.status.code(), Some(1), "the review no longer counts");
    let report = json(&output);
    assert_eq!(
        found(&report),
        [pair("review-stale", 2), pair("rm-recursive-unguarded", 3)]
    );
    assert_eq!(report["findings"][1]["review"], "none");
}

#[test]
fn a_file_outside_a_repository_gets_no_diff_findings() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("main.tf"), RENAMED_TF).unwrap();
    let output = blast_radius(dir.path(), &["check", "--format", "json", "main.tf"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(found(&json(&output)), []);
}

const NAMESPACE_YAML: &str = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: payments\n";

/// (path, rule, 1-based line, message) of each finding in a JSON report.
fn found_with_paths(report: &Value) -> Vec<(String, String, u64, String)> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_string(),
                f["rule"].as_str().unwrap().to_string(),
                f["start"]["line"].as_u64().unwrap(),
                f["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn check_diff_reports_what_went_with_a_deleted_file() {
    let repo = Repo::new();
    repo.commit(
        &[
            ("infra/main.tf", MAIN_TF),
            ("k8s/namespace.yaml", NAMESPACE_YAML),
            ("infra/outputs.tf", "output \"id\" {\n  value = 1\n}\n"),
            ("scripts/hello.sh", "#!/bin/sh\necho hello\n"),
        ],
        "Infrastructure",
        ANN,
    );
    std::fs::remove_file(repo.path().join("infra/main.tf")).unwrap();
    std::fs::remove_dir_all(repo.path().join("k8s")).unwrap();

    let output = blast_radius(
        repo.path(),
        &["check", "--format", "json", "--diff", "HEAD", "."],
    );
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let findings = found_with_paths(&json(&output));
    assert_eq!(findings.len(), 2, "{findings:?}");
    let (path, rule, line, message) = &findings[0];
    assert_eq!(
        (path.as_str(), rule.as_str(), *line),
        ("infra/main.tf", "tf-protection-removed", 1)
    );
    assert!(
        message
            .starts_with("file deleted since HEAD: protection removed from `aws_db_instance.main`"),
        "{message}"
    );
    let (path, rule, line, message) = &findings[1];
    assert_eq!(
        (path.as_str(), rule.as_str(), *line),
        ("k8s/namespace.yaml", "k8s-stateful-resource-renamed", 1)
    );
    assert!(
        message.starts_with("file deleted since HEAD: `Namespace.payments` deleted"),
        "{message}"
    );

    // Every format shows them without reading the missing files.
    for format in ["human", "sarif", "github", "markdown"] {
        let output = blast_radius(
            repo.path(),
            &["check", "--format", format, "--diff", "HEAD", "."],
        );
        assert_eq!(output.status.code(), Some(1), "{format}: {output:?}");
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(
            stdout.contains("infra/main.tf") && stdout.contains("k8s/namespace.yaml"),
            "{format}: {stdout}"
        );
        assert!(
            stdout.contains("file deleted since HEAD"),
            "{format}: {stdout}"
        );
        assert!(
            output.stderr.is_empty(),
            "{format}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let human = blast_radius(repo.path(), &["check", "--diff", "HEAD", "infra"]);
    let stdout = String::from_utf8_lossy(&human.stdout);
    assert!(stdout.contains("--> infra/main.tf:1:1"), "{stdout}");
    assert!(stdout.contains("1 | (file deleted)"), "{stdout}");

    // Without `--diff`, the base is HEAD: the same deletions, not committed yet.
    let output = blast_radius(repo.path(), &["check", "--format", "json", "."]);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let findings = found_with_paths(&json(&output));
    assert_eq!(findings.len(), 2, "{findings:?}");
    assert!(findings.iter().all(
        |(_, _, line, message)| *line == 1 && message.starts_with("file deleted since HEAD: ")
    ));
    // `--no-provenance` reads nothing from git, so it sees no deletion.
    let output = blast_radius(
        repo.path(),
        &["check", "--format", "json", "--no-provenance", "."],
    );
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(found(&json(&output)), []);
    // Once the deletion is committed, HEAD no longer has the files.
    repo.git(&["add", "-A"], None);
    repo.git(
        &["commit", "-q", "-m", "Remove the database and namespace"],
        None,
    );
    let output = blast_radius(repo.path(), &["check", "--format", "json", "."]);
    assert_eq!(found(&json(&output)), []);
    let output = blast_radius(
        repo.path(),
        &["check", "--format", "json", "--diff", "HEAD~1", "."],
    );
    assert_eq!(found_with_paths(&json(&output)).len(), 2);

    // A path that does not hold them.
    let output = blast_radius(
        repo.path(),
        &["check", "--format", "json", "--diff", "HEAD", "scripts"],
    );
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(found(&json(&output)), []);
}

#[test]
fn a_deleted_file_with_nothing_risky_or_ignored_or_excluded_reports_nothing() {
    let repo = Repo::new();
    repo.commit(
        &[
            ("outputs.tf", "output \"id\" {\n  value = 1\n}\n"),
            ("hello.sh", "#!/bin/sh\nrm -rf \"$DIR\"/*\n"),
            ("legacy/main.tf", MAIN_TF),
            ("generated/main.tf", MAIN_TF),
            ("blast-radius.toml", "exclude = [\"legacy/**\"]\n"),
        ],
        "Files",
        ANN,
    );
    repo.write(".gitignore", "generated/\n");
    for file in [
        "outputs.tf",
        "hello.sh",
        "legacy/main.tf",
        "generated/main.tf",
    ] {
        std::fs::remove_file(repo.path().join(file)).unwrap();
    }
    let output = blast_radius(
        repo.path(),
        &["check", "--format", "json", "--diff", "HEAD", "."],
    );
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(found(&json(&output)), []);

    // The same file deleted where nothing excludes it is reported.
    repo.write(".gitignore", "");
    let output = blast_radius(
        repo.path(),
        &["check", "--format", "json", "--diff", "HEAD", "."],
    );
    let findings = found_with_paths(&json(&output));
    assert_eq!(
        findings
            .iter()
            .map(|(path, rule, _, _)| (path.as_str(), rule.as_str()))
            .collect::<Vec<_>>(),
        [("generated/main.tf", "tf-protection-removed")]
    );
}

#[test]
fn a_document_removed_from_a_multi_document_manifest_is_reported() {
    let repo = Repo::new();
    let deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n";
    let both = format!("{NAMESPACE_YAML}---\n{deployment}");
    repo.commit(&[("app.yaml", &both)], "App", ANN);
    repo.write("app.yaml", deployment);
    let output = blast_radius(repo.path(), &["check", "--format", "json", "app.yaml"]);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let findings = found_with_paths(&json(&output));
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0].1, "k8s-stateful-resource-renamed");
    assert_eq!(findings[0].2, 1);
    assert!(
        findings[0].3.starts_with("`Namespace.payments` deleted"),
        "{}",
        findings[0].3
    );
}

#[test]
fn a_guard_removed_under_an_unchanged_line_is_judged_as_a_change() {
    let repo = Repo::new();
    repo.commit(&[("main.tf", MAIN_TF)], "Database", ANN);
    // Only the lifecycle block goes; the finding sits on the resource's unchanged first line.
    repo.write(
        "main.tf",
        &MAIN_TF.replace("\n  lifecycle {\n    prevent_destroy = true\n  }\n", ""),
    );
    for args in [
        &["check", "--format", "json", "main.tf"][..],
        &["check", "--format", "json", "--diff", "HEAD", "main.tf"],
    ] {
        let output = blast_radius(repo.path(), args);
        assert_eq!(output.status.code(), Some(1), "{args:?}: {output:?}");
        let report = json(&output);
        assert_eq!(found(&report), [pair("tf-protection-removed", 1)]);
        assert_eq!(report["findings"][0]["policy"], "changed", "{args:?}");
        assert_eq!(report["findings"][0]["severity"], "warning", "{args:?}");
    }
}

#[test]
fn a_resource_moved_into_a_local_module_gets_its_moved_block_from_check() {
    let repo = Repo::new();
    repo.commit(&[("main.tf", MAIN_TF)], "Database and logs", ANN);
    // The bucket moves into a new local module; the database stays.
    let (database, bucket) = MAIN_TF.split_at(MAIN_TF.find("resource \"aws_s3_bucket\"").unwrap());
    repo.write("storage/main.tf", bucket);
    repo.write(
        "main.tf",
        &format!("{database}module \"storage\" {{\n  source = \"./storage\"\n}}\n"),
    );
    let output = blast_radius(repo.path(), &["check", "--format", "json", "."]);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let report = json(&output);
    assert_eq!(found(&report), [pair("tf-moved-block-missing", 9)]);
    let finding = &report["findings"][0];
    assert_eq!(finding["path"], "main.tf");
    assert!(
        finding["message"]
            .as_str()
            .unwrap()
            .starts_with("`aws_s3_bucket.logs` was renamed to `module.storage.aws_s3_bucket.logs`"),
        "{finding}"
    );
    assert_eq!(
        finding["fix"]["text"],
        "\n\nmoved {\n  from = aws_s3_bucket.logs\n  to   = module.storage.aws_s3_bucket.logs\n}"
    );

    // A module from the registry cannot be read: reported, with no fix.
    repo.write(
        "main.tf",
        &format!("{database}module \"storage\" {{\n  source = \"acme/storage/aws\"\n}}\n"),
    );
    let output = blast_radius(repo.path(), &["check", "--format", "json", "main.tf"]);
    let report = json(&output);
    assert_eq!(found(&report), [pair("tf-moved-block-missing", 9)]);
    assert_eq!(report["findings"][0]["fix"], Value::Null);
    assert!(
        report["findings"][0]["message"].as_str().unwrap().contains(
            "if it moved into the module, its address is now `module.storage.aws_s3_bucket.logs`"
        ),
        "{report}"
    );
}

fn messages(params: &Value) -> Vec<String> {
    params["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["message"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn the_language_server_reports_diff_findings_as_the_user_types_and_fixes_a_rename() {
    let repo = Repo::new();
    repo.commit(&[("main.tf", MAIN_TF)], "Database", ANN);
    let path = std::fs::canonicalize(repo.path()).unwrap().join("main.tf");
    let uri = format!("file://{}", path.display());
    let mut client = Client::in_process();
    client.initialize(json!({}), json!({})).await;
    client.open(&uri, "terraform", MAIN_TF).await;

    // Rename the database: `main` → `primary` on line 0.
    let rename = json!([{"range": {"start": {"line": 0, "character": 28}, "end": {"line": 0, "character": 32}}, "text": "primary"}]);
    client.change(&uri, 2, rename).await;
    let renamed = client
        .wait_for("textDocument/publishDiagnostics", |p| {
            p["version"] == 2
                && messages(p)
                    .iter()
                    .any(|m| m.contains("renamed to `aws_db_instance.primary`"))
        })
        .await;
    let diagnostic = renamed["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["data"]["rule"] == "tf-moved-block-missing")
        .expect("the rename is reported")
        .clone();
    assert_eq!(diagnostic["range"]["start"]["line"], 0);

    // The quick fix inserts the `moved` block; with it, the finding goes away.
    let actions = client
        .request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri}, "range": diagnostic["range"], "context": {"diagnostics": [diagnostic]}}),
        )
        .await;
    let action = actions["result"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| {
            a["title"]
                .as_str()
                .unwrap()
                .starts_with("Add a `moved` block")
        })
        .unwrap_or_else(|| panic!("no moved-block action: {actions}"))
        .clone();
    let edits = action["edit"]["changes"][&uri].as_array().unwrap().clone();
    let current = MAIN_TF.replacen("\"main\"", "\"primary\"", 1);
    let fixed = apply_edits(&current, &edits, "utf-16");
    assert!(
        fixed.contains(
            "moved {\n  from = aws_db_instance.main\n  to   = aws_db_instance.primary\n}"
        ),
        "{fixed}"
    );
    let whole = json!([{"text": fixed}]);
    client.change(&uri, 3, whole).await;
    client
        .wait_for("textDocument/publishDiagnostics", |p| {
            p["version"] == 3 && messages(p).is_empty()
        })
        .await;

    // Flipping the guard is reported on the changed line while typing.
    let flipped = fixed.replace("prevent_destroy = true", "prevent_destroy = false");
    client.change(&uri, 4, json!([{"text": flipped}])).await;
    let reported = client
        .wait_for("textDocument/publishDiagnostics", |p| {
            p["version"] == 4
                && p["diagnostics"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|d| d["data"]["rule"] == "tf-protection-removed")
        })
        .await;
    let removed = reported["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["data"]["rule"] == "tf-protection-removed")
        .unwrap();
    assert_eq!(removed["range"]["start"]["line"], 4);
    assert!(
        removed["message"]
            .as_str()
            .unwrap()
            .contains("protection removed from `aws_db_instance."),
        "{removed}"
    );
    client.shutdown().await;
}

#[tokio::test]
async fn the_language_server_reports_a_cdk_policy_switched_and_a_manifest_taken_out() {
    let stack = "from aws_cdk import RemovalPolicy\nfrom aws_cdk import aws_s3 as s3\n\ns3.Bucket(self, \"Assets\", removal_policy=RemovalPolicy.RETAIN)\n";
    let manifests = format!(
        "{NAMESPACE_YAML}---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n"
    );
    let repo = Repo::new();
    repo.commit(
        &[("stack.py", stack), ("app.yaml", &manifests)],
        "Stack and manifests",
        ANN,
    );
    let root = std::fs::canonicalize(repo.path()).unwrap();
    let mut client = Client::in_process();
    client.initialize(json!({}), json!({})).await;

    let uri = format!("file://{}", root.join("stack.py").display());
    client
        .open(
            &uri,
            "python",
            &stack.replace("RemovalPolicy.RETAIN", "RemovalPolicy.DESTROY"),
        )
        .await;
    let published = client
        .wait_for("textDocument/publishDiagnostics", |p| {
            p["uri"] == uri.as_str() && !messages(p).is_empty()
        })
        .await;
    let diagnostics = published["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), 1, "{published}");
    assert_eq!(diagnostics[0]["data"]["rule"], "cdk-removal-policy-removed");
    assert_eq!(diagnostics[0]["range"]["start"]["line"], 3);

    // The Namespace document is taken out of the multi-document file.
    let uri = format!("file://{}", root.join("app.yaml").display());
    let without_namespace = manifests.replace(&format!("{NAMESPACE_YAML}---\n"), "");
    client.open(&uri, "yaml", &without_namespace).await;
    let published = client
        .wait_for("textDocument/publishDiagnostics", |p| {
            p["uri"] == uri.as_str() && !messages(p).is_empty()
        })
        .await;
    let diagnostics = published["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), 1, "{published}");
    assert_eq!(
        diagnostics[0]["data"]["rule"],
        "k8s-stateful-resource-renamed"
    );
    assert_eq!(diagnostics[0]["range"]["start"]["line"], 0);
    assert!(
        diagnostics[0]["message"]
            .as_str()
            .unwrap()
            .starts_with("`Namespace.payments` deleted from the manifests"),
        "{published}"
    );
    // Judged as part of the change, though the line it sits on was kept.
    assert_eq!(diagnostics[0]["data"]["policy"], "changed");
}
