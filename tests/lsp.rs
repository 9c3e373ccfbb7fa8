//! The language server end to end over real JSON-RPC: in-process over `tokio::io::duplex`, and
//! the built binary over its stdio.

mod common;

use common::lsp_client::{Client, apply_edits};
use serde_json::{Value, json};

const URI: &str = "file:///workspace/deploy.sh";

fn encodings(offered: &[&str]) -> Value {
    json!({"general": {"positionEncodings": offered}})
}

fn range(d: &Value) -> (u64, u64, u64, u64) {
    let r = &d["range"];
    let n = |v: &Value| v.as_u64().unwrap();
    (
        n(&r["start"]["line"]),
        n(&r["start"]["character"]),
        n(&r["end"]["line"]),
        n(&r["end"]["character"]),
    )
}

#[tokio::test]
async fn negotiates_each_encoding_and_reports_positions_in_it() {
    // "é" is 2 UTF-8 bytes / 1 UTF-16 unit; "😀" is 4 bytes / 2 units; each is one scalar value.
    let text = "#!/bin/sh\necho \"é😀\"; rm -rf \"$DIR\"/*\n";
    let cases = [
        (vec!["utf-8", "utf-16"], "utf-8", 15),
        (vec!["utf-32", "utf-16"], "utf-32", 11),
        (vec!["utf-16"], "utf-16", 12),
        (vec![], "utf-16", 12),
    ];
    for (offered, negotiated, column) in cases {
        let mut client = Client::in_process();
        let response = client.initialize(encodings(&offered), Value::Null).await;
        assert_eq!(
            response["result"]["capabilities"]["positionEncoding"], negotiated,
            "{offered:?}"
        );
        client.open(URI, "shellscript", text).await;
        let diagnostics = client.diagnostics(URI, 1).await;
        assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
        assert_eq!(
            range(&diagnostics[0]),
            (1, column, 1, column + 15),
            "{negotiated}"
        );

        // An edit before the finding, in the same encoding: insert "😀 " after `echo "`.
        let edit = json!([{"range": {"start": {"line": 1, "character": 6}, "end": {"line": 1, "character": 6}}, "text": "😀 "}]);
        client.change(URI, 2, edit).await;
        let diagnostics = client.diagnostics(URI, 2).await;
        let grown = match negotiated {
            "utf-8" => 5,
            "utf-16" => 3,
            _ => 2,
        };
        assert_eq!(
            range(&diagnostics[0]).1,
            column + grown,
            "{negotiated} after edit"
        );
        client.shutdown().await;
    }
}

#[tokio::test]
async fn diagnostics_follow_incremental_edits_with_versions() {
    let mut client = Client::in_process();
    client.initialize(encodings(&["utf-16"]), Value::Null).await;
    client.open(URI, "shellscript", "#!/bin/sh\nset -e\n").await;
    assert!(client.diagnostics(URI, 1).await.is_empty());

    let insert = json!([{"range": {"start": {"line": 2, "character": 0}, "end": {"line": 2, "character": 0}}, "text": "terraform destroy -auto-approve\nrm -rf \"$BUILD\"\n"}]);
    client.change(URI, 2, insert).await;
    let diagnostics = client.diagnostics(URI, 2).await;
    let codes: Vec<&str> = diagnostics
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"rm-recursive-unguarded"), "{codes:?}");
    let rm = diagnostics
        .iter()
        .find(|d| d["code"] == "rm-recursive-unguarded")
        .unwrap();
    assert_eq!(range(rm), (3, 0, 3, 15));
    assert_eq!(rm["source"], "blast-radius");
    assert_eq!(rm["severity"], 2);
    assert!(
        rm["message"]
            .as_str()
            .unwrap()
            .contains("— blast radius: host, irreversible"),
        "{rm}"
    );
    assert!(
        rm["codeDescription"]["href"]
            .as_str()
            .unwrap()
            .contains("rm-recursive-unguarded")
    );
    assert_eq!(rm["data"]["rule"], "rm-recursive-unguarded");

    // Typing a guard character by character: each version is published, the last is clean.
    let mut version = 3;
    for (character, text) in [(8, "{"), (12, ":?}")] {
        let edit = json!([{"range": {"start": {"line": 3, "character": character}, "end": {"line": 3, "character": character}}, "text": text}]);
        client.change(URI, version, edit).await;
        version += 1;
    }
    let diagnostics = client.diagnostics(URI, version - 1).await;
    assert!(
        diagnostics
            .iter()
            .all(|d| d["code"] != "rm-recursive-unguarded"),
        "{diagnostics:?}"
    );
    client.shutdown().await;
}

/// Only the most recently used documents keep their parse trees; editing one whose tree was
/// freed parses it again and reports the same as if it had been kept.
#[tokio::test]
async fn documents_past_the_recent_ones_are_edited_correctly() {
    let mut client = Client::in_process();
    client.initialize(encodings(&["utf-16"]), Value::Null).await;
    let count = blast_radius::lsp::KEEP_TREES + 3;
    let uris: Vec<String> = (0..count)
        .map(|i| format!("file:///work/deploy-{i}.sh"))
        .collect();
    for uri in &uris {
        client
            .open(
                uri,
                "shellscript",
                "#!/bin/sh\nrm -rf \"$BUILD\"\necho done\n",
            )
            .await;
        assert_eq!(client.diagnostics(uri, 1).await.len(), 1, "{uri}");
    }
    // The first documents' trees were freed. Edit the first: guard the delete, add another.
    let first = &uris[0];
    let edit = json!([
        {"range": {"start": {"line": 1, "character": 11}, "end": {"line": 1, "character": 11}}, "text": ":?"},
        {"range": {"start": {"line": 2, "character": 9}, "end": {"line": 2, "character": 9}}, "text": "\nterraform destroy -auto-approve"}
    ]);
    client.change(first, 2, edit).await;
    let codes: Vec<String> = client
        .diagnostics(first, 2)
        .await
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect();
    assert!(
        !codes.contains(&"rm-recursive-unguarded".to_string()),
        "{codes:?}"
    );
    assert!(codes.contains(&"tf-destroy".to_string()), "{codes:?}");
    // Typing on, now with a tree again.
    let edit = json!([{"range": {"start": {"line": 3, "character": 0}, "end": {"line": 3, "character": 0}}, "text": "rm -rf \"$OUT\"\n"}]);
    client.change(first, 3, edit).await;
    let diagnostics = client.diagnostics(first, 3).await;
    let rm = diagnostics
        .iter()
        .find(|d| d["code"] == "rm-recursive-unguarded")
        .expect("the new delete is reported");
    assert_eq!(range(rm), (3, 0, 3, 13));
    client.shutdown().await;
}

#[tokio::test]
async fn hover_explains_the_finding() {
    let mut client = Client::in_process();
    client.initialize(encodings(&["utf-8"]), Value::Null).await;
    client.open(URI, "shellscript", "rm -rf \"$DIR\"/*\n").await;
    client.diagnostics(URI, 1).await;
    let hover = client
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": URI}, "position": {"line": 0, "character": 4}}),
        )
        .await;
    let value = hover["result"]["contents"]["value"].as_str().unwrap();
    for expected in [
        "**Recursive rm on an unguarded variable or a system path**",
        "**Blast radius:** host · irreversible",
        "**Review:** not reviewed",
        "### Why is this dangerous?",
        "### Safer alternative",
        "ShellCheck SC2115",
    ] {
        assert!(value.contains(expected), "missing {expected:?} in {value}");
    }
    let nothing = client
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": URI}, "position": {"line": 1, "character": 0}}),
        )
        .await;
    assert!(nothing["result"].is_null());
    client.shutdown().await;
}

/// Every code action, applied to the text, gives the expected text.
#[tokio::test]
async fn code_actions_produce_the_expected_text() {
    let cases = [
        (
            "Request review of rm-recursive-unguarded",
            "set -e\n  rm -rf \"$DIR\"/*\n",
            "set -e\n  # blast-radius: review-requested rm-recursive-unguarded\n  rm -rf \"$DIR\"/*\n",
        ),
        (
            "Record review of rm-recursive-unguarded by Ana Lima",
            "set -e\n  rm -rf \"$DIR\"/*\n",
            "set -e\n  # blast-radius: reviewed rm-recursive-unguarded by Ana Lima\n  rm -rf \"$DIR\"/*\n",
        ),
        (
            "Record review of rm-recursive-unguarded by Ana Lima",
            "# blast-radius: review-requested rm-recursive-unguarded\nrm -rf \"$DIR\"/*\n",
            "# blast-radius: reviewed rm-recursive-unguarded by Ana Lima\nrm -rf \"$DIR\"/*\n",
        ),
        (
            "Ignore rm-recursive-unguarded here",
            "rm -rf \"$DIR\"/*\r\n",
            "# blast-radius: ignore rm-recursive-unguarded -- <reason>\r\nrm -rf \"$DIR\"/*\r\n",
        ),
        (
            "Guard the variable with ${VAR:?} so an empty value aborts",
            "rm -rf \"$DIR\"/* ${OUT:-}/x\n",
            "rm -rf \"${DIR:?}\"/* ${OUT:-}/x\n",
        ),
    ];
    for (title, text, expected) in cases {
        let mut client = Client::in_process();
        client
            .initialize(
                encodings(&["utf-16"]),
                json!({"blastRadius": {"reviewerName": "Ana Lima"}}),
            )
            .await;
        client.open(URI, "shellscript", text).await;
        client.diagnostics(URI, 1).await;
        let line = text.lines().position(|l| l.contains("rm -rf")).unwrap() as u64;
        let response = client
            .request(
                "textDocument/codeAction",
                json!({"textDocument": {"uri": URI}, "range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 0}}, "context": {"diagnostics": []}}),
            )
            .await;
        let actions = response["result"].as_array().unwrap().clone();
        let titles: Vec<&str> = actions
            .iter()
            .map(|a| a["title"].as_str().unwrap())
            .collect();
        let action = actions
            .iter()
            .find(|a| a["title"] == title)
            .unwrap_or_else(|| panic!("no {title:?} in {titles:?}"));
        assert_eq!(action["isPreferred"], false);
        if action["kind"] == "quickfix" {
            assert!(
                titles.iter().any(|t| t.starts_with("Request review"))
                    || text.contains("review-requested")
            );
        }
        let edits = action["edit"]["changes"][URI].as_array().unwrap();
        assert_eq!(apply_edits(text, edits, "utf-16"), expected, "{title}");
        client.shutdown().await;
    }
}

#[tokio::test]
async fn code_lens_and_source_action_request_review_for_all() {
    let text = "rm -rf \"$A\"\ngit push --force origin main\nrm -rf \"$B\" # blast-radius: reviewed rm-recursive-unguarded by Bo\n";
    let mut client = Client::in_process();
    client.initialize(encodings(&["utf-16"]), Value::Null).await;
    client.open(URI, "shellscript", text).await;
    let diagnostics = client.diagnostics(URI, 1).await;
    let reviewed = diagnostics.iter().find(|d| range(d).0 == 2).unwrap();
    assert_eq!(reviewed["severity"], 4, "a reviewed finding is a hint");
    assert!(
        reviewed["message"]
            .as_str()
            .unwrap()
            .ends_with("· reviewed by Bo")
    );
    let lens = client
        .request(
            "textDocument/codeLens",
            json!({"textDocument": {"uri": URI}}),
        )
        .await;
    let found = diagnostics
        .iter()
        .filter(|d| d["code"] != "directive-unused")
        .count();
    let title = lens["result"][0]["command"]["title"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(
        title,
        format!(
            "{found} high-blast-radius findings · {} need review",
            found - 1
        )
    );
    let command = lens["result"][0]["command"].clone();
    let result = client
        .request(
            "workspace/executeCommand",
            json!({"command": command["command"], "arguments": command["arguments"]}),
        )
        .await;
    assert_eq!(result["result"], true, "{result}");
    let edit = &client.applied_edits[0]["changes"][URI];
    let applied = apply_edits(text, edit.as_array().unwrap(), "utf-16");
    assert!(
        applied.starts_with(
            "# blast-radius: review-requested rm-recursive-unguarded\nrm -rf \"$A\"\n"
        ),
        "{applied}"
    );
    assert_eq!(
        applied.matches("review-requested").count(),
        found - 1,
        "{applied}"
    );

    let response = client
        .request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": URI}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "context": {"diagnostics": [], "only": ["source"]}}),
        )
        .await;
    let actions = response["result"].as_array().unwrap();
    assert_eq!(actions.len(), 1, "{actions:?}");
    assert_eq!(actions[0]["kind"], "source.blastRadius.requestReview");
    client.shutdown().await;
}

#[tokio::test]
async fn pull_diagnostics_when_the_client_supports_them() {
    let mut client = Client::in_process();
    let capabilities = json!({"textDocument": {"diagnostic": {"dynamicRegistration": false}}});
    let response = client.initialize(capabilities, Value::Null).await;
    assert_eq!(
        response["result"]["capabilities"]["diagnosticProvider"]["identifier"],
        "blast-radius"
    );
    client.open(URI, "shellscript", "rm -rf \"$DIR\"/*\n").await;
    let report = client
        .request(
            "textDocument/diagnostic",
            json!({"textDocument": {"uri": URI}}),
        )
        .await;
    assert_eq!(report["result"]["kind"], "full");
    assert_eq!(
        report["result"]["items"][0]["code"],
        "rm-recursive-unguarded"
    );
    let result_id = report["result"]["resultId"].clone();
    let again = client
        .request(
            "textDocument/diagnostic",
            json!({"textDocument": {"uri": URI}, "previousResultId": result_id}),
        )
        .await;
    assert_eq!(again["result"]["kind"], "unchanged");
    assert!(
        client
            .notifications
            .iter()
            .all(|n| n["method"] != "textDocument/publishDiagnostics")
    );
    client.shutdown().await;
}

#[tokio::test]
async fn configuration_reload_and_broken_configuration() {
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("deploy.sh");
    std::fs::write(&script, "rm -rf \"$DIR\"/*\ngit reset --hard\n").unwrap();
    let uri = format!("file://{}", script.display());
    let mut client = Client::in_process();
    client.initialize(encodings(&["utf-16"]), Value::Null).await;
    client
        .open(&uri, "shellscript", "rm -rf \"$DIR\"/*\n")
        .await;
    assert_eq!(client.diagnostics(&uri, 1).await.len(), 1);

    let config = dir.path().join("blast-radius.toml");
    std::fs::write(&config, "disable = [\"rm-recursive-unguarded\"]\n").unwrap();
    client
        .notify(
            "workspace/didChangeWatchedFiles",
            json!({"changes": [{"uri": format!("file://{}", config.display()), "type": 1}]}),
        )
        .await;
    let params = client
        .wait_for("textDocument/publishDiagnostics", |p| {
            p["uri"] == uri.as_str()
        })
        .await;
    assert!(
        params["diagnostics"].as_array().unwrap().is_empty(),
        "{params}"
    );

    // A broken file is reported on itself and the last good configuration stays in force.
    std::fs::write(
        &config,
        "disable = [\"rm-recursive-unguarded\"]\nbogus = 1\n",
    )
    .unwrap();
    client
        .notify(
            "workspace/didChangeWatchedFiles",
            json!({"changes": [{"uri": format!("file://{}", config.display()), "type": 2}]}),
        )
        .await;
    let shown = client.wait_for("window/showMessage", |_| true).await;
    assert!(
        shown["message"]
            .as_str()
            .unwrap()
            .contains("unknown field `bogus`"),
        "{shown}"
    );
    let on_config = client
        .wait_for("textDocument/publishDiagnostics", |p| {
            p["uri"].as_str().unwrap().ends_with("blast-radius.toml")
        })
        .await;
    assert_eq!(on_config["diagnostics"][0]["range"]["start"]["line"], 1);
    client
        .change(&uri, 2, json!([{"text": "rm -rf \"$X\"\n"}]))
        .await;
    assert!(
        client.diagnostics(&uri, 2).await.is_empty(),
        "the last good configuration still disables the rule"
    );
    client.shutdown().await;
}

#[tokio::test]
async fn bad_requests_do_not_take_the_server_down() {
    let mut client = Client::in_process();
    client.initialize(encodings(&["utf-16"]), Value::Null).await;
    // A change before open, a change past the end, garbage JSON, a request for an unknown document.
    client
        .change(
            "file:///never-opened.sh",
            2,
            json!([{"text": "rm -rf /\n"}]),
        )
        .await;
    let logged = client
        .wait_for("window/logMessage", |p| {
            p["message"].as_str().unwrap().contains("not open")
        })
        .await;
    assert_eq!(logged["type"], 2);
    client.open(URI, "shellscript", "ls\n").await;
    client.diagnostics(URI, 1).await;
    let past_end = json!([{"range": {"start": {"line": 40, "character": 0}, "end": {"line": 41, "character": 3}}, "text": "rm -rf \"$D\"\n"}]);
    client.change(URI, 2, past_end).await;
    let diagnostics = client.diagnostics(URI, 2).await;
    assert_eq!(
        diagnostics.len(),
        1,
        "the clamped edit is applied: {diagnostics:?}"
    );
    client.send_raw(b"Content-Length: 9\r\n\r\n{garbage}").await;
    client.send_raw(b"no header at all\r\n\r\n").await;
    let hover = client
        .request("textDocument/hover", json!({"textDocument": {"uri": "file:///unknown.sh"}, "position": {"line": 0, "character": 0}}))
        .await;
    assert!(hover["result"].is_null(), "{hover}");
    client.shutdown().await;
}

#[tokio::test]
async fn the_binary_speaks_lsp_over_stdio_and_exits() {
    let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_blast-radius"))
        .arg("server")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut client = Client::new(stdout, stdin);
    let response = client.initialize(encodings(&["utf-8"]), Value::Null).await;
    assert_eq!(response["result"]["serverInfo"]["name"], "blast-radius");
    client
        .open("file:///w/db.sql", "sql", "DROP TABLE users;\n")
        .await;
    let edit = json!([{"range": {"start": {"line": 1, "character": 0}, "end": {"line": 1, "character": 0}}, "text": "rm -rf /\n"}]);
    client.change("file:///w/db.sql", 2, edit).await;
    client.diagnostics("file:///w/db.sql", 2).await;
    client.shutdown().await;
    let status = tokio::time::timeout(std::time::Duration::from_secs(10), child.wait())
        .await
        .unwrap()
        .unwrap();
    assert!(status.success(), "{status}");
}

/// The mechanical version of each rule's safer alternative, applied through the code action.
#[tokio::test]
async fn mechanical_fixes_rewrite_the_risky_text() {
    let cases = [
        (
            "file:///w/push.sh",
            "shellscript",
            "git push --force origin main\n",
            "Use --force-with-lease so the push fails if the remote moved",
            "git push --force-with-lease origin main\n",
        ),
        (
            "file:///w/apply.sh",
            "shellscript",
            "terraform apply -auto-approve -input=false\n",
            "Drop -auto-approve so apply shows the plan and asks",
            "terraform apply -input=false\n",
        ),
        (
            "file:///w/main.tf",
            "terraform",
            "resource \"aws_s3_bucket\" \"logs\" {\n  bucket        = \"logs\"\n  force_destroy = true\n}\n",
            "Set force_destroy = false",
            "resource \"aws_s3_bucket\" \"logs\" {\n  bucket        = \"logs\"\n  force_destroy = false\n}\n",
        ),
        (
            "file:///w/db.tf",
            "terraform",
            "resource \"aws_db_instance\" \"main\" {\n  deletion_protection = false\n}\n",
            "Turn deletion protection on",
            "resource \"aws_db_instance\" \"main\" {\n  deletion_protection = true\n}\n",
        ),
        (
            "file:///w/keep.tf",
            "terraform",
            "resource \"aws_s3_bucket\" \"state\" {\n  lifecycle {\n    prevent_destroy = false\n  }\n}\n",
            "Set prevent_destroy = true",
            "resource \"aws_s3_bucket\" \"state\" {\n  lifecycle {\n    prevent_destroy = true\n  }\n}\n",
        ),
    ];
    for (uri, language, text, title, expected) in cases {
        let mut client = Client::in_process();
        client.initialize(encodings(&["utf-8"]), Value::Null).await;
        client.open(uri, language, text).await;
        let diagnostics = client.diagnostics(uri, 1).await;
        let line = range(
            diagnostics
                .first()
                .unwrap_or_else(|| panic!("no finding in {text}")),
        )
        .0;
        let response = client
            .request(
                "textDocument/codeAction",
                json!({"textDocument": {"uri": uri}, "range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 0}}, "context": {"diagnostics": []}}),
            )
            .await;
        let actions = response["result"].as_array().unwrap().clone();
        let titles: Vec<&str> = actions
            .iter()
            .map(|a| a["title"].as_str().unwrap())
            .collect();
        let action = actions
            .iter()
            .find(|a| a["title"] == title)
            .unwrap_or_else(|| panic!("no {title:?} in {titles:?}"));
        let edits = action["edit"]["changes"][uri].as_array().unwrap();
        assert_eq!(apply_edits(text, edits, "utf-8"), expected, "{title}");
        client.shutdown().await;
    }
}

#[tokio::test]
async fn workspace_scan_reports_closed_files_with_progress() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("scripts")).unwrap();
    std::fs::write(
        dir.path().join("scripts/deploy.sh"),
        "#!/bin/sh\nrm -rf \"$DIR\"/*\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("main.tf"),
        "resource \"aws_s3_bucket\" \"b\" {\n  force_destroy = true\n}\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("notes.txt"), "rm -rf /\n").unwrap();
    let root = format!("file://{}", dir.path().display());
    let mut client = Client::in_process();
    let capabilities = json!({"window": {"workDoneProgress": true}});
    client
        .request(
            "initialize",
            json!({"capabilities": capabilities, "workspaceFolders": [{"uri": root, "name": "w"}]}),
        )
        .await;
    client.notify("initialized", json!({})).await;
    // A second folder added later is scanned too; one removed is not.
    let second = tempfile::tempdir().unwrap();
    std::fs::write(second.path().join("wipe.sql"), "TRUNCATE audit_log;\n").unwrap();
    let gone = tempfile::tempdir().unwrap();
    std::fs::write(gone.path().join("gone.sh"), "git reset --hard\n").unwrap();
    let folder = |dir: &tempfile::TempDir| json!({"uri": format!("file://{}", dir.path().display()), "name": "x"});
    let event = json!({"event": {"added": [folder(&second), folder(&gone)], "removed": []}});
    client
        .notify("workspace/didChangeWorkspaceFolders", event)
        .await;
    let event = json!({"event": {"added": [], "removed": [folder(&gone)]}});
    client
        .notify("workspace/didChangeWorkspaceFolders", event)
        .await;
    let result = client
        .request(
            "workspace/executeCommand",
            json!({"command": "blast-radius.scanWorkspace", "arguments": []}),
        )
        .await;
    assert_eq!(
        result["result"],
        json!({"findings": 3, "files": 3}),
        "{result}"
    );
    let created = client
        .server_requests
        .iter()
        .any(|r| r["method"] == "window/workDoneProgress/create");
    assert!(
        created,
        "the server asks the client to create a progress token"
    );
    // Progress notifications and the response travel separately: wait for the end.
    let end = client
        .wait_for("$/progress", |p| p["value"]["kind"] == "end")
        .await;
    assert_eq!(end["value"]["message"], "3 findings in 3 files");
    let kinds: Vec<String> = client
        .notifications
        .iter()
        .filter(|n| n["method"] == "$/progress")
        .map(|n| {
            n["params"]["value"]["kind"]
                .as_str()
                .unwrap_or("")
                .to_string()
        })
        .collect();
    assert_eq!(
        kinds.first().map(String::as_str),
        Some("begin"),
        "{kinds:?}"
    );
    let deploy = format!("{root}/scripts/deploy.sh");
    let published = client
        .wait_for("textDocument/publishDiagnostics", |p| {
            p["uri"] == deploy.as_str()
        })
        .await;
    assert_eq!(
        published["diagnostics"][0]["code"],
        "rm-recursive-unguarded"
    );
    client.shutdown().await;
}

/// Without a `reviewerName` setting, "Record review" uses `user.name` from the repository's git
/// configuration (read as a file).
#[tokio::test]
async fn reviewer_name_comes_from_git_configuration() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join(".git")).unwrap();
    std::fs::write(
        dir.path().join(".git/config"),
        "[core]\n\tbare = false\n[user]\n\tname = Grace Hopper\n",
    )
    .unwrap();
    let script = dir.path().join("deploy.sh");
    let uri = format!("file://{}", script.display());
    let mut client = Client::in_process();
    client.initialize(encodings(&["utf-16"]), Value::Null).await;
    client
        .open(&uri, "shellscript", "rm -rf \"$DIR\"/*\n")
        .await;
    client.diagnostics(&uri, 1).await;
    let response = client
        .request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "context": {"diagnostics": []}}),
        )
        .await;
    let titles: Vec<String> = response["result"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap().to_string())
        .collect();
    assert!(
        titles.contains(&"Record review of rm-recursive-unguarded by Grace Hopper".to_string()),
        "{titles:?}"
    );
    client.shutdown().await;
}

/// A whole session (open, edit, every code action, the review-all command, a workspace scan,
/// hover, lens) proposes edits but writes nothing: the files on disk are byte-identical after.
#[tokio::test]
async fn a_full_session_leaves_the_files_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let files = [
        (
            "deploy.sh",
            "#!/bin/sh\nrm -rf \"$DIR\"/*\ngit push --force origin main\n",
        ),
        (
            "main.tf",
            "resource \"aws_s3_bucket\" \"b\" {\n  force_destroy = true\n}\n",
        ),
        ("blast-radius.toml", "fail-on = \"warning\"\n"),
    ];
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let read_all = || files.map(|(name, _)| std::fs::read(dir.path().join(name)).unwrap());
    let before = read_all();
    let root = format!("file://{}", dir.path().display());
    let uri = format!("{root}/deploy.sh");
    let mut client = Client::in_process();
    client
        .request(
            "initialize",
            json!({"capabilities": {}, "workspaceFolders": [{"uri": root, "name": "w"}], "initializationOptions": {"reviewerName": "Ana"}}),
        )
        .await;
    client.notify("initialized", json!({})).await;
    client.open(&uri, "shellscript", files[0].1).await;
    client.diagnostics(&uri, 1).await;
    client.change(&uri, 2, json!([{"range": {"start": {"line": 3, "character": 0}, "end": {"line": 3, "character": 0}}, "text": "git reset --hard\n"}])).await;
    client.diagnostics(&uri, 2).await;
    // Every code action, applied the way a client applies it: the edit in the editor's buffer,
    // then a didChange; then back to the text before.
    let mut text = std::fs::read_to_string(dir.path().join("deploy.sh")).unwrap();
    text.push_str("git reset --hard\n");
    let mut version = 2;
    let mut titles = Vec::new();
    for line in 0..4 {
        let range =
            json!({"start": {"line": line, "character": 0}, "end": {"line": line, "character": 0}});
        let actions = client
            .request("textDocument/codeAction", json!({"textDocument": {"uri": uri}, "range": range, "context": {"diagnostics": []}}))
            .await;
        assert!(actions.get("error").is_none(), "{actions}");
        for action in actions["result"].as_array().into_iter().flatten() {
            titles.push(action["title"].as_str().unwrap().to_string());
            let edits = action["edit"]["changes"][&uri].as_array().unwrap();
            let changed = apply_edits(&text, edits, "utf-16");
            assert_ne!(changed, text, "{action}");
            for new_text in [&changed, &text] {
                version += 1;
                client
                    .change(&uri, version, json!([{"text": new_text}]))
                    .await;
                client.diagnostics(&uri, version).await;
            }
        }
        client
            .request(
                "textDocument/hover",
                json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": 2}}),
            )
            .await;
    }
    client
        .request(
            "textDocument/codeLens",
            json!({"textDocument": {"uri": uri}}),
        )
        .await;
    client
        .request(
            "workspace/executeCommand",
            json!({"command": "blast-radius.requestReviewAll", "arguments": [uri]}),
        )
        .await;
    client
        .request(
            "workspace/executeCommand",
            json!({"command": "blast-radius.scanWorkspace", "arguments": []}),
        )
        .await;
    assert_eq!(
        client.applied_edits.len(),
        1,
        "the review-all command asks the client to apply one edit"
    );
    for kind in [
        "Request review of rm-recursive-unguarded",
        "Record review of git-force-push by Ana",
        "Ignore git-reset-hard here",
        "Guard the variable with ${VAR:?} so an empty value aborts",
        "Request review for every finding in this file",
    ] {
        assert!(titles.iter().any(|t| t == kind), "{kind} in {titles:?}");
    }
    client.shutdown().await;
    assert_eq!(read_all(), before);
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), files.len(), "no file was added: {names:?}");
}
