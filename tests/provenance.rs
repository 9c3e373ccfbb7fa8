//! Provenance, the severity policy and the review gate against real git repositories made in
//! temp dirs with the `git` CLI: commits by different authors, an AI co-author trailer, an aider
//! author, a git-ai note, an Agent Trace record and uncommitted edits.

mod common;

use std::process::Command;

use common::git_repo::{Repo, blast_radius, json};
use common::lsp_client::Client;
use serde_json::{Value, json};

const ANN: (&str, &str) = ("Ann", "ann@example.com");
const BOB: (&str, &str) = ("Bob", "bob@example.com");

/// The history of the main scenario: every kind of evidence, one per risky line.
fn scenario() -> Repo {
    let repo = Repo::new();
    let mut deploy = String::from("#!/bin/sh\nrm -rf \"$DIR\"/*\n");
    repo.commit(&[("deploy.sh", &deploy)], "Add deploy script", ANN);
    deploy.push_str("rm -rf \"$CACHE\"/\n");
    repo.commit(
        &[("deploy.sh", &deploy)],
        "Clear the cache too\n\nCo-authored-by: Claude <noreply@anthropic.com>",
        BOB,
    );
    deploy.push_str("rm -rf \"$TMPD\"/\n");
    repo.commit(
        &[("deploy.sh", &deploy)],
        "Clean temp",
        ("Ann (aider)", "ann@example.com"),
    );
    let sql = repo.commit(
        &[("db.sql", "DROP TABLE users;\nSELECT 1;\n")],
        "Drop users",
        ("Carol", "carol@example.com"),
    );
    let note = format!(
        "db.sql\n  0123456789abcdef 1\n---\n{{\"schema_version\":\"authorship/3.0.0\",\"base_commit_sha\":\"{sql}\",\"prompts\":{{\"0123456789abcdef\":{{\"agent_id\":{{\"tool\":\"cursor\",\"id\":\"s1\",\"model\":\"gpt-5\"}},\"messages\":[],\"total_additions\":1,\"total_deletions\":0,\"accepted_lines\":1,\"overriden_lines\":0}}}}}}\n"
    );
    repo.git(&["notes", "--ref=ai", "add", "-m", &note, &sql], Some(ANN));
    let ops = repo.commit(
        &[("ops.sh", "#!/bin/sh\nrm -rf \"$OPS\"/\n")],
        "Ops cleanup",
        ("Dan", "dan@example.com"),
    );
    repo.write(
        ".agent-trace/traces.jsonl",
        &format!(
            "{{\"version\":\"0.1.0\",\"id\":\"t1\",\"timestamp\":\"2026-11-01T00:00:00Z\",\"vcs\":{{\"type\":\"git\",\"revision\":\"{ops}\"}},\"tool\":{{\"name\":\"claude-code\"}},\"files\":[{{\"path\":\"ops.sh\",\"conversations\":[{{\"contributor\":{{\"type\":\"ai\",\"model_id\":\"anthropic/claude\"}},\"ranges\":[{{\"start_line\":2,\"end_line\":2}}]}}]}}]}}\n"
        ),
    );
    // The uncommitted change, which a git-ai checkpoint attributes to an agent.
    deploy.push_str("rm -rf \"$NEW\"/\n");
    repo.write("deploy.sh", &deploy);
    repo.write(
        &format!(".git/ai/working_logs/{ops}/checkpoints.jsonl"),
        "{\"author\":\"claude\",\"diff\":\"\",\"timestamp\":1,\"entries\":[{\"file\":\"deploy.sh\",\"blob_sha\":\"x\",\"added_lines\":[5],\"deleted_lines\":[]}],\"agent_id\":{\"tool\":\"claude\",\"id\":\"s2\",\"model\":\"opus\"}}\n",
    );
    // The policy raises AI-written data-store changes; the rule itself is set low.
    repo.write(
        "blast-radius.toml",
        "[severity]\nsql-drop-table = \"info\"\n",
    );
    repo
}

fn by_location(report: &Value) -> Vec<(String, u64, String, String, String)> {
    let mut rows: Vec<_> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_string(),
                f["start"]["line"].as_u64().unwrap(),
                f["policy"].as_str().unwrap().to_string(),
                f["provenance"][0]["kind"]
                    .as_str()
                    .unwrap_or("")
                    .to_string(),
                f["severity"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    rows.sort();
    rows
}

#[test]
fn each_kind_of_evidence_sets_provenance_and_severity() {
    let repo = scenario();
    let output = blast_radius(repo.path(), &["check", "--format", "json", "."]);
    assert_eq!(output.status.code(), Some(1));
    let report = json(&output);
    let expected: Vec<(&str, u64, &str, &str, &str)> = vec![
        // (path, line, policy class, strongest evidence, severity)
        ("db.sql", 1, "ai", "git-ai-note", "error"),
        ("deploy.sh", 2, "unchanged", "commit", "info"),
        ("deploy.sh", 3, "ai", "commit-trailer", "warning"),
        ("deploy.sh", 4, "ai", "commit-author", "warning"),
        ("deploy.sh", 5, "ai", "git-ai-working-log", "warning"),
        ("ops.sh", 2, "ai", "agent-trace", "warning"),
    ];
    let expected: Vec<_> = expected
        .into_iter()
        .map(|(p, l, c, k, s)| {
            (
                p.to_string(),
                l,
                c.to_string(),
                k.to_string(),
                s.to_string(),
            )
        })
        .collect();
    assert_eq!(by_location(&report), expected);
    let summaries: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["provenance_summary"].as_str().unwrap())
        .collect();
    let expect_in = |needle: &str| {
        assert!(
            summaries.iter().any(|s| s.contains(needle)),
            "no summary mentions {needle:?}: {summaries:#?}"
        );
    };
    expect_in("written by cursor (gpt-5) (git-ai note on commit");
    expect_in("written by Claude (commit ");
    expect_in("has `Co-authored-by: Claude <noreply@anthropic.com>`");
    expect_in("authored as `Ann (aider)`");
    expect_in("written by claude-code (anthropic/claude) (.agent-trace/traces.jsonl:1)");
    expect_in("added in the uncommitted change; written by claude (opus) (git-ai working log)");
    // The human output says it too.
    let human = blast_radius(repo.path(), &["check", "."]);
    let text = String::from_utf8_lossy(&human.stdout);
    assert!(
        text.contains(
            "= provenance: added in the uncommitted change; written by claude (opus) \
             (git-ai working log) (policy: ai)"
        ),
        "{text}"
    );
    // Provenance can be turned off: the rules' own severities, nothing known.
    let off = json(&blast_radius(
        repo.path(),
        &["check", "--no-provenance", "--format", "json", "."],
    ));
    assert!(
        off["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["policy"] == "unknown" && f["provenance"].as_array().unwrap().is_empty())
    );
}

#[test]
fn diff_reports_only_lines_changed_since_the_revision() {
    let repo = scenario();
    let report = json(&blast_radius(
        repo.path(),
        &["check", "--diff", "HEAD~1", "--format", "json", "."],
    ));
    let located: Vec<(String, u64)> = by_location(&report)
        .into_iter()
        .map(|(p, l, ..)| (p, l))
        .collect();
    // The last commit added ops.sh; deploy.sh:5 is uncommitted.
    assert_eq!(located, vec![("deploy.sh".into(), 5), ("ops.sh".into(), 2)]);
    let ops = &report["findings"].as_array().unwrap()[1];
    assert!(
        ops["provenance"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["kind"] == "changed-since")
    );
    // Nothing changed since HEAD apart from the uncommitted line.
    let report = json(&blast_radius(
        repo.path(),
        &["check", "--diff", "HEAD", "--format", "json", "."],
    ));
    assert_eq!(report["findings"].as_array().unwrap().len(), 1);
    // A revision that does not resolve, or no repository, is a usage error.
    let bad = blast_radius(repo.path(), &["check", "--diff", "no-such-branch", "."]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&bad.stderr).contains("cannot resolve revision `no-such-branch`")
    );
    let plain = tempfile::tempdir().unwrap();
    std::fs::write(plain.path().join("a.sh"), "rm -rf \"$X\"/\n").unwrap();
    let outside = blast_radius(plain.path(), &["check", "--diff", "HEAD", "."]);
    assert_eq!(outside.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&outside.stderr).contains("--diff needs a git repository"));
}

/// A migration Ann wrote, reviewed by `reviewer` (committed as that person, or left
/// uncommitted when `None`).
fn reviewed_migration(reviewer: Option<(&str, &str)>) -> Repo {
    let repo = Repo::new();
    repo.commit(&[("migrate.sql", "DROP TABLE users;\n")], "Drop users", ANN);
    let reviewed = "-- blast-radius: reviewed sql-drop-table by Reviewer\nDROP TABLE users;\n";
    match reviewer {
        Some(author) => {
            repo.commit(&[("migrate.sql", reviewed)], "Review", author);
        }
        None => repo.write("migrate.sql", reviewed),
    }
    repo
}

/// (reviewer, `--gate` exit code, `--four-eyes` exit code, text in the four-eyes report)
type GateCase<'a> = (Option<(&'a str, &'a str)>, i32, i32, &'a str);

#[test]
fn gate_and_four_eyes() {
    // (reviewer, --gate exit, --four-eyes exit, text in the four-eyes report)
    let cases: &[GateCase] = &[
        (Some(BOB), 0, 0, "gate (four-eyes): passed; 1 reviewed"),
        (
            Some(ANN),
            0,
            1,
            "was committed by ann@example.com, who also wrote the line",
        ),
        (None, 0, 1, "the `reviewed` directive is not committed yet"),
    ];
    for (reviewer, gate, four_eyes, text) in cases {
        let repo = reviewed_migration(*reviewer);
        let out = blast_radius(repo.path(), &["check", "--gate", "."]);
        assert_eq!(out.status.code(), Some(*gate), "--gate with {reviewer:?}");
        let out = blast_radius(repo.path(), &["check", "--four-eyes", "."]);
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            out.status.code(),
            Some(*four_eyes),
            "--four-eyes with {reviewer:?}: {all}"
        );
        assert!(all.contains(text), "{reviewer:?}: {all}");
    }
    // Unreviewed: the gate blocks and says so.
    let repo = Repo::new();
    repo.commit(&[("migrate.sql", "DROP TABLE users;\n")], "Drop users", ANN);
    let out = blast_radius(repo.path(), &["check", "--gate", "."]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("gate: blocked; 1 finding"));
}

#[test]
fn sarif_github_and_markdown_formats() {
    let repo = scenario();
    let findings = json(&blast_radius(
        repo.path(),
        &["check", "--format", "json", "."],
    ))["findings"]
        .as_array()
        .unwrap()
        .len();
    let sarif = json(&blast_radius(
        repo.path(),
        &["check", "--format", "sarif", "."],
    ));
    assert_eq!(sarif["version"], "2.1.0");
    assert!(sarif["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
    let run = &sarif["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "blast-radius");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), findings, "one result per finding");
    let mut fingerprints = std::collections::HashSet::new();
    for result in results {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        assert!(
            rules[index]["help"]["text"]
                .as_str()
                .unwrap()
                .starts_with("Blast radius: ")
        );
        assert!(rules[index]["shortDescription"]["text"].is_string());
        assert!(["error", "warning", "note"].contains(&result["level"].as_str().unwrap()));
        let region = &result["locations"][0]["physicalLocation"]["region"];
        assert!(region["startLine"].as_u64().unwrap() >= 1);
        assert!(region["startColumn"].as_u64().unwrap() >= 1);
        let uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .unwrap();
        assert!(!uri.starts_with("./") && !uri.contains('\\'), "{uri}");
        assert!(
            fingerprints.insert(
                result["partialFingerprints"]["blastRadius/v1"]
                    .as_str()
                    .unwrap()
                    .to_string()
            )
        );
        assert!(
            result["message"]["text"].as_str().unwrap().contains('('),
            "provenance in the message"
        );
    }
    let github = blast_radius(repo.path(), &["check", "--format", "github", "."]);
    let github = String::from_utf8_lossy(&github.stdout);
    assert!(
        github.lines().any(
            |l| l.starts_with("::warning file=deploy.sh,line=5,col=1,endLine=5,")
                && l.contains("title=blast-radius rm-recursive-unguarded::")
                && l.contains("added in the uncommitted change")
        ),
        "{github}"
    );
    assert!(
        github
            .lines()
            .any(|l| l.starts_with("::error file=db.sql,line=1,")),
        "{github}"
    );
    assert!(
        github
            .lines()
            .any(|l| l.starts_with("::notice file=deploy.sh,line=2,")),
        "{github}"
    );
    let markdown = blast_radius(repo.path(), &["check", "--format", "markdown", "."]);
    let markdown = String::from_utf8_lossy(&markdown.stdout);
    assert!(
        markdown.starts_with("## blast-radius review checklist\n"),
        "{markdown}"
    );
    assert!(
        markdown.contains("5 need review · 0 reviewed · 1 below the gate · 0 ignored"),
        "{markdown}"
    );
    assert!(
        markdown.contains("- [ ] `db.sql:1` **sql-drop-table** (error · data store, irreversible)"),
        "{markdown}"
    );
    assert!(
        markdown.contains("_written by cursor (gpt-5) (git-ai note on commit"),
        "{markdown}"
    );
}

#[test]
fn shallow_clones_detached_heads_and_empty_repositories_still_work() {
    let repo = scenario();
    repo.git(&["add", "-A"], None);
    repo.git(&["commit", "-q", "-m", "all"], None);
    let clone = tempfile::tempdir().unwrap();
    let source = format!("file://{}", repo.path().display());
    let target = clone.path().join("c");
    let status = Command::new("git")
        .args([
            "clone",
            "-q",
            "--depth",
            "1",
            &source,
            target.to_str().unwrap(),
        ])
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .status()
        .unwrap();
    assert!(status.success());
    // One commit holds everything: blame gives it every line, the older AI evidence is not
    // there, so all is settled code, reported one step lower (nothing reaches fail-on).
    let shallow = blast_radius(&target, &["check", "--format", "json", "."]);
    assert_eq!(
        shallow.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&shallow.stderr)
    );
    let findings = json(&shallow)["findings"].as_array().unwrap().clone();
    assert_eq!(findings.len(), 6);
    assert!(
        findings.iter().all(|f| f["policy"] == "unchanged"),
        "{findings:#?}"
    );
    repo.git(&["checkout", "-q", "--detach", "HEAD~2"], None);
    let detached = blast_radius(repo.path(), &["check", "--format", "json", "."]);
    assert_eq!(detached.status.code(), Some(1));
    let empty = Repo::new();
    empty.write("a.sh", "rm -rf \"$X\"/\n");
    let report = json(&blast_radius(
        empty.path(),
        &["check", "--format", "json", "."],
    ));
    assert_eq!(
        report["findings"][0]["policy"], "changed",
        "a file not in HEAD is all new"
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
async fn the_language_server_reports_provenance_bulk_insertions_and_follows_head() {
    let repo = Repo::new();
    let text = "#!/bin/sh\nrm -rf \"$DIR\"/*\n";
    repo.commit(
        &[("deploy.sh", text)],
        "Deploy\n\nCo-authored-by: Claude <noreply@anthropic.com>",
        ANN,
    );
    let path = std::fs::canonicalize(repo.path())
        .unwrap()
        .join("deploy.sh");
    let uri = format!("file://{}", path.display());
    let mut client = Client::in_process();
    client
        .initialize(json!({}), json!({"blastRadius": {"bulkInsertLines": 8}}))
        .await;
    client.open(&uri, "shellscript", text).await;
    let opened = client
        .wait_for("textDocument/publishDiagnostics", |p| {
            messages(p)
                .iter()
                .any(|m| m.contains("provenance: written by Claude"))
        })
        .await;
    let diagnostic = &opened["diagnostics"][0];
    assert_eq!(diagnostic["data"]["policy"], "ai");
    assert_eq!(
        diagnostic["data"]["provenance"][0]["kind"],
        "commit-trailer"
    );
    let related: Vec<&str> = diagnostic["relatedInformation"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["message"].as_str().unwrap())
        .collect();
    assert!(
        related.iter().any(|m| m.contains("Co-authored-by: Claude")),
        "{related:?}"
    );

    // One edit pastes a nine-line block: a bulk insertion, and uncommitted.
    let block: String = (0..8)
        .map(|i| format!("echo step {i}\n"))
        .collect::<String>()
        + "rm -rf \"$CACHE\"/\n";
    let insert = json!([{"range": {"start": {"line": 2, "character": 0}, "end": {"line": 2, "character": 0}}, "text": block}]);
    client.change(&uri, 2, insert).await;
    let changed = client
        .wait_for("textDocument/publishDiagnostics", |p| {
            p["version"] == 2
                && messages(p)
                    .iter()
                    .any(|m| m.contains("added in the uncommitted change; inserted as one block"))
        })
        .await;
    let cache = changed["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["range"]["start"]["line"] == 10)
        .expect("the pasted rm is reported");
    assert_eq!(cache["data"]["policy"], "changed");
    let lenses = client
        .request(
            "textDocument/codeLens",
            json!({"textDocument": {"uri": uri}}),
        )
        .await;
    let title = lenses["result"][0]["command"]["title"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(
        title,
        "2 high-blast-radius findings · 2 need review (2 in the current change)"
    );

    // Committed by Bob: HEAD moves, the watcher fires, the line is no longer uncommitted.
    let now: String = format!("{text}{block}");
    repo.commit(&[("deploy.sh", &now)], "Cache cleanup", BOB);
    client
        .notify(
            "workspace/didChangeWatchedFiles",
            json!({"changes": [{"uri": format!("file://{}/.git/HEAD", path.parent().unwrap().display()), "type": 2}]}),
        )
        .await;
    client
        .wait_for("textDocument/publishDiagnostics", |p| {
            let all = messages(p);
            all.iter()
                .any(|m| m.contains("$CACHE") && m.contains("by Bob <bob@example.com>"))
                && !all.iter().any(|m| m.contains("uncommitted"))
        })
        .await;
    client.shutdown().await;
}

#[tokio::test]
async fn editor_settings_turn_provenance_off_and_override_the_policy() {
    let repo = Repo::new();
    let text = "DROP TABLE users;\n";
    repo.commit(
        &[("m.sql", text)],
        "Drop\n\nCo-authored-by: Claude <noreply@anthropic.com>",
        ANN,
    );
    let path = std::fs::canonicalize(repo.path()).unwrap().join("m.sql");
    let uri = format!("file://{}", path.display());
    let mut client = Client::in_process();
    client
        .initialize(json!({}), json!({"blastRadius": {"provenance": false}}))
        .await;
    client.open(&uri, "sql", text).await;
    let first = client.diagnostics(&uri, 1).await;
    assert_eq!(
        first[0]["severity"], 1,
        "the rule's own severity: {first:?}"
    );
    assert!(!first[0]["message"].as_str().unwrap().contains("provenance"));
    // Provenance on, with the AI class lowered to a hint by the editor's policy override.
    client
        .notify(
            "workspace/didChangeConfiguration",
            json!({"settings": {"blastRadius": {"provenance": true, "policy": {"ai": "hint"}}}}),
        )
        .await;
    let judged = client
        .wait_for("textDocument/publishDiagnostics", |p| {
            p["diagnostics"][0]["data"]["policy"] == "ai"
        })
        .await;
    assert_eq!(judged["diagnostics"][0]["severity"], 4, "{judged}");
    client.shutdown().await;
}

/// A client that never answers the server's requests (here the `workspace/codeLens/refresh` sent
/// once the HEAD version is read) still gets a server that exits on `exit`: the server does not
/// wait for those answers in its handlers.
#[test]
fn the_server_exits_though_the_client_never_answers_its_requests() {
    use std::io::{BufRead, BufReader, Read, Write};
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};

    let repo = Repo::new();
    repo.commit(
        &[("deploy.sh", "#!/bin/sh\nrm -rf \"$BUILD\"\n")],
        "deploy script",
        ("Ann", "ann@example.com"),
    );
    let uri = format!("file://{}", repo.path().join("deploy.sh").display());
    let mut child = Command::new(env!("CARGO_BIN_EXE_blast-radius"))
        .arg("server")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (sender, received) = std::sync::mpsc::channel::<serde_json::Value>();
    std::thread::spawn(move || {
        let mut reader = BufReader::new(stdout);
        loop {
            let mut length = 0;
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 {
                    return;
                }
                let line = line.trim_end();
                if line.is_empty() {
                    break;
                }
                if let Some(value) = line.strip_prefix("Content-Length: ") {
                    length = value.parse().unwrap_or(0);
                }
            }
            let mut body = vec![0; length];
            if reader.read_exact(&mut body).is_err() {
                return;
            }
            if let Ok(message) = serde_json::from_slice(&body) {
                let _ = sender.send(message);
            }
        }
    });
    let mut send = |message: serde_json::Value| {
        let body = message.to_string();
        write!(stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        stdin.flush().unwrap();
    };
    let wait = |accept: &dyn Fn(&serde_json::Value) -> bool| {
        let deadline = Instant::now() + Duration::from_secs(30);
        while let Ok(message) = received.recv_timeout(deadline - Instant::now()) {
            if accept(&message) {
                return message;
            }
        }
        panic!("the server did not send the expected message");
    };
    send(
        serde_json::json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
            "processId": null,
            "rootUri": format!("file://{}", repo.path().display()),
            "capabilities": {"workspace": {"codeLens": {"refreshSupport": true}}}
        }}),
    );
    wait(&|m| m["id"] == 1);
    send(serde_json::json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}));
    send(
        serde_json::json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
            "textDocument": {"uri": uri, "languageId": "shellscript", "version": 1,
                             "text": "#!/bin/sh\nrm -rf \"$BUILD\"\nrm -rf \"$OUT\"\n"}
        }}),
    );
    let refresh = wait(&|m| m["method"] == "workspace/codeLens/refresh");
    assert!(refresh.get("id").is_some(), "{refresh}");
    send(serde_json::json!({"jsonrpc": "2.0", "id": 2, "method": "shutdown", "params": null}));
    wait(&|m| m["id"] == 2 && m.get("method").is_none());
    send(serde_json::json!({"jsonrpc": "2.0", "method": "exit", "params": null}));
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "{status}");
            break;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("the server did not exit within 10 s of `exit`");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}
