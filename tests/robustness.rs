//! Bad input, each case with a clear message and the tool still working afterwards: the CLI on
//! hostile files, the language server on hostile documents and protocol abuse, and a panic
//! injected into a request handler and into a rule evaluation (debug builds only).

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::lsp_client::Client;
use serde_json::{Value, json};

const RISKY: &str = "rm -rf \"$DIR\"/*\n";
const NESTING: usize = 10_000;

fn blast_radius(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_blast-radius"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

fn workspace(files: &[(&str, Vec<u8>)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, contents) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, contents).unwrap();
    }
    dir
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Per language: a file name and a document nested `NESTING` levels deep.
fn deeply_nested() -> Vec<(&'static str, &'static str, String)> {
    let n = NESTING;
    let wrap = |open: &str, inner: &str, close: &str| {
        format!("{}{inner}{}", open.repeat(n), close.repeat(n))
    };
    vec![
        (
            "nested.sh",
            "shellscript",
            format!("{}\n{RISKY}", wrap("(", "ls", ")")),
        ),
        (
            "nested.py",
            "python",
            format!("x = {}\n", wrap("[", "", "]")),
        ),
        (
            "nested.sql",
            "sql",
            format!("SELECT {};\n", wrap("(", "1", ")")),
        ),
        (
            "nested.tf",
            "terraform",
            format!("a = {}\n", wrap("[", "", "]")),
        ),
        (
            "nested.js",
            "javascript",
            format!("x = {};\n", wrap("[", "", "]")),
        ),
        (
            "nested.ts",
            "typescript",
            format!("let x = {};\n", wrap("(", "1", ")")),
        ),
        (
            "nested.tsx",
            "typescriptreact",
            format!("const x = {};\n", wrap("[", "", "]")),
        ),
        (
            "nested.go",
            "go",
            format!("package p\n\nvar x = {}\n", wrap("(", "1", ")")),
        ),
        (
            "nested.rs",
            "rust",
            format!("fn f() {{ let x = {}; }}\n", wrap("(", "1", ")")),
        ),
        (
            "nested.yaml",
            "yaml",
            format!("a: {}\n", wrap("[", "", "]")),
        ),
        ("nested.json", "json", format!("{}\n", wrap("[", "", "]"))),
        (
            "Dockerfile",
            "dockerfile",
            format!("FROM x\nRUN {}\n", wrap("(", "ls", ")")),
        ),
    ]
}

/// A bash file of one 10 MB line, then a risky line.
fn long_line() -> String {
    format!("echo \"{}\"\n{RISKY}", "a".repeat(10 * 1024 * 1024))
}

/// A user rule whose query matches every pair of top-level statements: quadratic in the file.
fn slow_rule() -> Vec<(&'static str, Vec<u8>)> {
    vec![
        (
            "blast-radius.toml",
            b"extra-queries = [\"rules\"]\n".to_vec(),
        ),
        (
            "rules/rules/every-pair.toml",
            b"title = \"Every pair of statements\"\nscope = \"host\"\nreversible = true\n\
              message = \"pair\"\nwhy = \"w\"\nsafer = \"s\"\nreferences = [\"r\"]\n"
                .to_vec(),
        ),
        (
            "rules/bash/every-pair.scm",
            b"(program (_) @target (_) @match)\n".to_vec(),
        ),
    ]
}

/// The risky line first, then 20,000 statements for the slow rule to pair up.
fn slow_document() -> String {
    format!("{RISKY}{}", "ls\n".repeat(20_000))
}

/// A workspace holding one hostile thing and a plain risky script: `check` says what it did with
/// the hostile one, and still reports the script (exit 1) unless the configuration itself is
/// broken (exit 2).
#[test]
fn check_reports_each_bad_input_and_checks_the_rest() {
    struct Case {
        name: &'static str,
        files: Vec<(&'static str, Vec<u8>)>,
        exit: i32,
        says: Vec<String>,
    }
    let mut cases = vec![
        Case {
            name: "invalid UTF-8",
            files: vec![("bad.sh", b"echo ok\n\xff\xfe rm -rf /\n".to_vec())],
            exit: 1,
            says: vec!["bad.sh: skipped: not valid UTF-8 (invalid byte at offset 8)".into()],
        },
        Case {
            name: "binary file",
            files: vec![("tool.sh", b"\x7fELF\x02\x01\x01\x00\x00rm -rf /\n".to_vec())],
            exit: 1,
            says: vec!["tool.sh: skipped: binary file".into()],
        },
        Case {
            name: "10 MB on one line",
            files: vec![
                ("long.sh", long_line().into_bytes()),
                ("blast-radius.toml", b"max-file-size = \"20MiB\"\n".to_vec()),
            ],
            exit: 1,
            says: vec!["long.sh:2:1".into()],
        },
        Case {
            name: "malformed blast-radius.toml",
            files: vec![("blast-radius.toml", b"fail-on = [\"error\"\n".to_vec())],
            exit: 2,
            says: vec!["blast-radius.toml".into(), "line 1".into()],
        },
        Case {
            name: "unknown key in blast-radius.toml",
            files: vec![("blast-radius.toml", b"fail_on = \"error\"\n".to_vec())],
            exit: 2,
            says: vec!["line 1, column 1: unknown field `fail_on`".into()],
        },
        Case {
            name: "a user query that does not compile",
            files: vec![
                (
                    "blast-radius.toml",
                    b"extra-queries = [\"rules\"]\n".to_vec(),
                ),
                (
                    "rules/rules/broken.toml",
                    b"title = \"t\"\nscope = \"host\"\nreversible = true\nmessage = \"m\"\n\
                      why = \"w\"\nsafer = \"s\"\nreferences = [\"r\"]\n"
                        .to_vec(),
                ),
                (
                    "rules/bash/broken.scm",
                    b"(command (no_such_node)) @match\n".to_vec(),
                ),
            ],
            exit: 2,
            says: vec!["rules/bash/broken.scm: line 1".into()],
        },
        Case {
            name: "a pathologically slow user query",
            files: [slow_rule(), vec![("slow.sh", slow_document().into_bytes())]].concat(),
            exit: 1,
            says: vec![
                "slow.sh: analysis stopped early (query match limit or time budget)".into(),
                "slow.sh:1:1".into(),
            ],
        },
    ];
    for (file, _, text) in deeply_nested() {
        cases.push(Case {
            name: "10,000 levels of nesting",
            files: vec![(file, text.into_bytes())],
            exit: 1,
            says: vec![],
        });
    }
    for case in cases {
        let mut files = case.files;
        files.push(("deploy.sh", RISKY.as_bytes().to_vec()));
        let dir = workspace(&files);
        let output = blast_radius(dir.path(), &["check"]);
        let (stdout, stderr) = (text(&output.stdout), text(&output.stderr));
        let context = format!("{}\nstdout:\n{stdout}\nstderr:\n{stderr}", case.name);
        assert_eq!(output.status.code(), Some(case.exit), "{context}");
        assert!(!stderr.contains("panicked"), "{context}");
        for expected in &case.says {
            assert!(
                stdout.contains(expected.as_str()) || stderr.contains(expected.as_str()),
                "expected {expected:?} in {context}"
            );
        }
        if case.exit == 1 {
            assert!(
                stdout.contains("deploy.sh:1:1") && stdout.contains("rm-recursive-unguarded"),
                "the other files are still checked: {context}"
            );
        }
    }
}

/// A 100 MB file (generated here, never committed) is skipped by its size, unread, and said so.
#[test]
fn a_100_mb_file_is_skipped_over_the_size_limit() {
    let dir = workspace(&[("deploy.sh", RISKY.as_bytes().to_vec())]);
    let line = "echo padding-padding-padding-padding-padding-padding-padding-padding\n";
    let huge = line.repeat(100 * 1024 * 1024 / line.len() + 1);
    std::fs::write(dir.path().join("huge.sh"), &huge[..100 * 1024 * 1024]).unwrap();
    let output = blast_radius(dir.path(), &["check"]);
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(
            "huge.sh: skipped: 100.0 MiB is over the size limit of 2.0 MiB (max-file-size)"
        ),
        "{stderr}"
    );
    assert!(text(&output.stdout).contains("deploy.sh:1:1"));
}

fn initialize_params(root: Option<&Path>) -> Value {
    let mut params = json!({
        "capabilities": {"general": {"positionEncodings": ["utf-16"]}},
        "processId": null,
    });
    if let Some(root) = root {
        params["workspaceFolders"] =
            json!([{"uri": format!("file://{}", root.display()), "name": "w"}]);
    }
    params
}

async fn start(root: Option<&Path>) -> Client {
    let mut client = Client::in_process();
    let response = client.request("initialize", initialize_params(root)).await;
    assert!(response.get("error").is_none(), "{response}");
    client.notify("initialized", json!({})).await;
    client
}

/// The server still answers: a hover on a finding of a fresh document explains it.
async fn still_serving(client: &mut Client, name: &str) {
    let file: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let uri = format!("file:///still-serving/{file}.sh");
    client.open(&uri, "shellscript", RISKY).await;
    let diagnostics = client.diagnostics(&uri, 1).await;
    assert_eq!(diagnostics.len(), 1, "after {name}: {diagnostics:?}");
    let hover = client
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 1}}),
        )
        .await;
    assert!(
        hover["result"]["contents"]["value"]
            .as_str()
            .is_some_and(|v| v.contains("rm-recursive-unguarded")),
        "after {name}: {hover}"
    );
}

fn messages(diagnostics: &[Value]) -> Vec<String> {
    diagnostics
        .iter()
        .map(|d| d["message"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// Hostile documents opened in the editor: each is analysed (or skipped, said so) and the
/// server keeps serving.
#[tokio::test]
async fn hostile_documents_are_analysed_or_skipped_and_the_server_keeps_serving() {
    let dir = workspace(&[
        (
            "big/blast-radius.toml",
            b"max-file-size = \"20MiB\"\n".to_vec(),
        ),
        ("slow/blast-radius.toml", slow_rule()[0].1.clone()),
        ("slow/rules/rules/every-pair.toml", slow_rule()[1].1.clone()),
        ("slow/rules/bash/every-pair.scm", slow_rule()[2].1.clone()),
    ]);
    let root = dir.path();
    let mut client = start(Some(root)).await;
    for (file, language, text) in deeply_nested() {
        let uri = format!("file://{}/{file}", root.display());
        client.open(&uri, language, &text).await;
        let diagnostics = client.diagnostics(&uri, 1).await;
        if language == "shellscript" {
            assert!(
                messages(&diagnostics)
                    .iter()
                    .any(|m| m.contains("recursive `rm`")),
                "{file}: {diagnostics:?}"
            );
        }
        still_serving(&mut client, file).await;
    }

    let uri = format!("file://{}/big/long.sh", root.display());
    client.open(&uri, "shellscript", &long_line()).await;
    let diagnostics = client.diagnostics(&uri, 1).await;
    assert!(
        diagnostics.iter().any(|d| d["range"]["start"]["line"] == 1),
        "the risky line after the 10 MB line: {diagnostics:?}"
    );
    still_serving(&mut client, "long line").await;

    // Over the default size limit (2 MiB): not analysed, and the user is told.
    let uri = format!("file://{}/oversized.sh", root.display());
    let oversized = format!("{RISKY}{}", "echo padding\n".repeat(200_000));
    client.open(&uri, "shellscript", &oversized).await;
    let shown = client.wait_for("window/showMessage", |_| true).await;
    let expected = format!(
        "is not analysed: {} bytes is over the size limit of 2097152 bytes",
        oversized.len()
    );
    assert!(
        shown["message"].as_str().unwrap().contains(&expected),
        "{shown}"
    );
    assert!(client.diagnostics(&uri, 1).await.is_empty());
    still_serving(&mut client, "oversized").await;

    // A user query that does not compile is reported; the built-in rules still run.
    let broken = workspace(&[
        (
            "blast-radius.toml",
            b"extra-queries = [\"rules\"]\n".to_vec(),
        ),
        (
            "rules/rules/broken.toml",
            b"title = \"t\"\nscope = \"host\"\nreversible = true\nmessage = \"m\"\nwhy = \"w\"\n\
              safer = \"s\"\nreferences = [\"r\"]\n"
                .to_vec(),
        ),
        (
            "rules/bash/broken.scm",
            b"(command (no_such_node)) @match\n".to_vec(),
        ),
    ]);
    let uri = format!("file://{}/deploy.sh", broken.path().display());
    client.open(&uri, "shellscript", RISKY).await;
    let shown = client.wait_for("window/showMessage", |_| true).await;
    assert!(
        shown["message"].as_str().unwrap().contains("broken.scm"),
        "{shown}"
    );
    assert_eq!(client.diagnostics(&uri, 1).await.len(), 1);

    // A pathologically slow user query: bounded by the time budget, reported, and what was
    // found before the budget ran out is still there.
    let uri = format!("file://{}/slow/slow.sh", root.display());
    client.open(&uri, "shellscript", &slow_document()).await;
    let found = messages(&client.diagnostics(&uri, 1).await);
    assert!(
        found.iter().any(|m| m.contains("analysis stopped early")),
        "{found:?}"
    );
    assert!(
        found.iter().any(|m| m.contains("recursive `rm`")),
        "{found:?}"
    );
    still_serving(&mut client, "slow query").await;
    client.shutdown().await;
}

/// Malformed frames and requests: each is dropped or answered with an error, and the next
/// request is served.
#[tokio::test]
async fn protocol_abuse_is_dropped_or_answered_and_the_server_keeps_serving() {
    let mut client = start(None).await;
    let frame = |body: &[u8]| {
        [
            format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes(),
            body,
        ]
        .concat()
    };
    let frames: Vec<(&str, Vec<u8>)> = vec![
        ("a body that is not JSON", frame(b"{garbage}")),
        ("no header", b"no header at all\r\n\r\n".to_vec()),
        ("a non-numeric length", b"Content-Length: lots\r\n\r\n".to_vec()),
        (
            "a truncated JSON body",
            frame(b"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"textDocument/hov"),
        ),
        ("binary", frame(b"\x00\xff\xfe\x01")),
        ("JSON that is not a message", frame(b"[1,2]")),
        ("an empty body", frame(b"")),
        (
            "a notification with nonsense parameters",
            frame(b"{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":\"nonsense\"}"),
        ),
        (
            "a request with nonsense parameters",
            frame(b"{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"method\":\"textDocument/hover\",\"params\":[]}"),
        ),
    ];
    for (name, bytes) in frames {
        client.send_raw(&bytes).await;
        still_serving(&mut client, name).await;
    }

    client.open("file:///w/a.sh", "shellscript", RISKY).await;
    client.diagnostics("file:///w/a.sh", 1).await;
    let requests = [
        (
            "hover on an unknown document",
            "textDocument/hover",
            json!({"textDocument": {"uri": "file:///unknown.sh"}, "position": {"line": 0, "character": 0}}),
        ),
        (
            "code actions on an unknown document",
            "textDocument/codeAction",
            json!({"textDocument": {"uri": "file:///unknown.sh"}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "context": {"diagnostics": []}}),
        ),
        (
            "code lens on an unknown document",
            "textDocument/codeLens",
            json!({"textDocument": {"uri": "file:///unknown.sh"}}),
        ),
        (
            "review-all on an unknown document",
            "workspace/executeCommand",
            json!({"command": "blast-radius.requestReviewAll", "arguments": ["file:///unknown.sh"]}),
        ),
        (
            "an unknown command",
            "workspace/executeCommand",
            json!({"command": "rm -rf /", "arguments": []}),
        ),
        (
            "a hover far past the last line",
            "textDocument/hover",
            json!({"textDocument": {"uri": "file:///w/a.sh"}, "position": {"line": 1_000_000, "character": 0}}),
        ),
        (
            "a hover far past the line end",
            "textDocument/hover",
            json!({"textDocument": {"uri": "file:///w/a.sh"}, "position": {"line": 0, "character": u32::MAX}}),
        ),
        (
            "code actions on a reversed, out-of-range range",
            "textDocument/codeAction",
            json!({"textDocument": {"uri": "file:///w/a.sh"}, "range": {"start": {"line": 99, "character": 9}, "end": {"line": 0, "character": 0}}, "context": {"diagnostics": []}}),
        ),
        (
            "a request with parameters of the wrong type",
            "textDocument/hover",
            json!({"textDocument": 42}),
        ),
        ("an unknown method", "blast-radius/nothing", json!({})),
    ];
    for (name, method, params) in requests {
        let response = client.request(method, params).await;
        assert!(
            response.get("result").is_some() || response["error"]["message"].is_string(),
            "{name}: {response}"
        );
        still_serving(&mut client, name).await;
    }

    // Changes that cannot apply as sent: before didOpen (logged, ignored), past the end
    // (clamped, re-parsed, logged), with the range reversed.
    client
        .change("file:///w/never-opened.sh", 2, json!([{"text": RISKY}]))
        .await;
    let logged = client
        .wait_for("window/logMessage", |p| {
            p["message"].as_str().unwrap().contains("not open")
        })
        .await;
    assert_eq!(logged["type"], 2, "a warning: {logged}");
    client
        .change(
            "file:///w/a.sh",
            2,
            json!([{"range": {"start": {"line": 7, "character": 3}, "end": {"line": 9, "character": 0}}, "text": "git reset --hard\n"}]),
        )
        .await;
    let logged = client
        .wait_for("window/logMessage", |p| {
            p["message"]
                .as_str()
                .unwrap()
                .contains("outside the document")
        })
        .await;
    assert_eq!(logged["type"], 2, "a warning: {logged}");
    assert_eq!(client.diagnostics("file:///w/a.sh", 2).await.len(), 2);
    client
        .change(
            "file:///w/a.sh",
            3,
            json!([{"range": {"start": {"line": 1, "character": 0}, "end": {"line": 0, "character": 0}}, "text": ""}]),
        )
        .await;
    assert_eq!(client.diagnostics("file:///w/a.sh", 3).await.len(), 1);
    still_serving(&mut client, "bad changes").await;
    client.shutdown().await;
}

/// A flood of changes sent without waiting: the changes that arrived together are analysed and
/// published once, for the latest version; diagnostics never go backwards; the last
/// publication is for the last version and matches its text.
#[tokio::test]
async fn a_flood_of_changes_ends_with_the_latest_version_published() {
    let mut client = start(None).await;
    let uri = "file:///w/flood.sh";
    client.open(uri, "shellscript", "").await;
    client.diagnostics(uri, 1).await;
    // Sent in bursts of 100 without waiting; a request between bursts drains what the server
    // published meanwhile (the test client reads only while it waits for an answer).
    let changes = 600;
    for version in 2..=changes + 1 {
        let line = version - 2;
        // Every hundredth line is risky: the final text has `changes / 100` findings.
        let text = if line % 100 == 0 { RISKY } else { "ls\n" };
        let edit = json!([{"range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 0}}, "text": text}]);
        client.change(uri, version as i64, edit).await;
        if version % 100 == 0 {
            client
                .request(
                    "textDocument/codeLens",
                    json!({"textDocument": {"uri": uri}}),
                )
                .await;
        }
    }
    let last = client.diagnostics(uri, changes as i64 + 1).await;
    assert_eq!(last.len(), changes / 100);
    let versions: Vec<i64> = client
        .notifications
        .iter()
        .filter(|n| n["method"] == "textDocument/publishDiagnostics" && n["params"]["uri"] == uri)
        .map(|n| n["params"]["version"].as_i64().unwrap())
        .collect();
    assert!(
        versions.windows(2).all(|w| w[0] < w[1]),
        "publications in order: {versions:?}"
    );
    assert!(
        versions.iter().all(|v| *v <= changes as i64),
        "nothing after the last version: {versions:?}"
    );
    assert!(
        versions.len() * 2 < changes,
        "{} publications for {changes} changes: bursts are not coalesced",
        versions.len()
    );
    still_serving(&mut client, "flood").await;
    client.shutdown().await;
}

/// The built binary over stdio, with `BLAST_RADIUS_INJECT_PANIC` set (honoured by debug builds
/// only) and its log collected.
fn binary(inject: Option<&str>) -> tokio::process::Child {
    let mut command = tokio::process::Command::new(env!("CARGO_BIN_EXE_blast-radius"));
    command
        .arg("server")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .kill_on_drop(true);
    if let Some(what) = inject {
        command.env("BLAST_RADIUS_INJECT_PANIC", what);
    }
    command.spawn().unwrap()
}

async fn finish(mut client: Client, mut child: tokio::process::Child) -> String {
    use tokio::io::AsyncReadExt;
    client.shutdown().await;
    let status = tokio::time::timeout(std::time::Duration::from_secs(10), child.wait())
        .await
        .expect("the server exits after `exit`")
        .unwrap();
    assert!(status.success(), "{status}");
    let mut log = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut log)
        .await
        .unwrap();
    log
}

/// A panic in a request handler is logged with the document, answered with an error, and the
/// server keeps serving.
#[cfg(debug_assertions)]
#[tokio::test]
async fn a_panic_in_a_request_handler_is_answered_with_an_error() {
    let mut child = binary(Some("hover"));
    let (stdout, stdin) = (child.stdout.take().unwrap(), child.stdin.take().unwrap());
    let mut client = Client::new(stdout, stdin);
    client.request("initialize", initialize_params(None)).await;
    client.notify("initialized", json!({})).await;
    let uri = "file:///w/deploy.sh";
    client.open(uri, "shellscript", RISKY).await;
    assert_eq!(client.diagnostics(uri, 1).await.len(), 1);
    let hover = client
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 1}}),
        )
        .await;
    assert_eq!(hover["error"]["code"], -32603, "{hover}");
    assert!(
        hover["error"]["message"]
            .as_str()
            .unwrap()
            .contains("internal error in hover for file:///w/deploy.sh"),
        "{hover}"
    );
    let logged = client
        .wait_for("window/logMessage", |p| p["type"] == 1)
        .await;
    assert!(
        logged["message"]
            .as_str()
            .unwrap()
            .contains("internal error in hover for file:///w/deploy.sh: panic injected into hover"),
        "{logged}"
    );
    // Everything else still works, on this document and others.
    let actions = client
        .request("textDocument/codeAction", json!({"textDocument": {"uri": uri}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "context": {"diagnostics": []}}))
        .await;
    assert!(
        !actions["result"].as_array().unwrap().is_empty(),
        "{actions}"
    );
    client
        .change(
            uri,
            2,
            json!([{"text": format!("{RISKY}git reset --hard\n")}]),
        )
        .await;
    assert_eq!(client.diagnostics(uri, 2).await.len(), 2);
    let log = finish(client, child).await;
    assert!(
        log.contains("ERROR") && log.contains("internal error in hover for file:///w/deploy.sh"),
        "{log}"
    );
}

/// A panic in a rule evaluation is logged with the document and the rule; the document stays
/// open, other documents are analysed, and the server keeps serving.
#[cfg(debug_assertions)]
#[tokio::test]
async fn a_panic_in_a_rule_evaluation_names_the_rule_and_the_document() {
    let mut child = binary(Some("rule:rm-recursive-unguarded"));
    let (stdout, stdin) = (child.stdout.take().unwrap(), child.stdin.take().unwrap());
    let mut client = Client::new(stdout, stdin);
    client.request("initialize", initialize_params(None)).await;
    client.notify("initialized", json!({})).await;
    let uri = "file:///w/deploy.sh";
    client.open(uri, "shellscript", RISKY).await;
    let expected = "internal error in didOpen for file:///w/deploy.sh (rule rm-recursive-unguarded): \
                    panic injected into rule:rm-recursive-unguarded";
    let logged = client
        .wait_for("window/logMessage", |p| p["type"] == 1)
        .await;
    assert!(
        logged["message"].as_str().unwrap().contains(expected),
        "{logged}"
    );
    // No stale findings are published for a document whose analysis failed.
    assert!(client.diagnostics(uri, 1).await.is_empty());
    client
        .change(uri, 2, json!([{"text": format!("ls\n{RISKY}")}]))
        .await;
    let logged = client
        .wait_for("window/logMessage", |p| p["type"] == 1)
        .await;
    assert!(
        logged["message"].as_str().unwrap().contains(
            "internal error in analysis for file:///w/deploy.sh (rule rm-recursive-unguarded)"
        ),
        "{logged}"
    );
    // The document is still open: requests on it are answered.
    let lens = client
        .request(
            "textDocument/codeLens",
            json!({"textDocument": {"uri": uri}}),
        )
        .await;
    assert!(lens.get("error").is_none(), "{lens}");
    // Documents the rule does not evaluate are analysed as usual.
    client
        .open("file:///w/db.sql", "sql", "DROP TABLE users;\n")
        .await;
    assert_eq!(client.diagnostics("file:///w/db.sql", 1).await.len(), 1);
    let log = finish(client, child).await;
    assert!(log.contains(expected), "{log}");
}

/// The input ending inside a frame ends the session cleanly, said so in the log.
#[tokio::test]
async fn input_ending_inside_a_frame_ends_the_session_cleanly() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut child = binary(None);
    let mut stdin = child.stdin.take().unwrap();
    let initialize = serde_json::to_vec(&json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": initialize_params(None)})).unwrap();
    stdin
        .write_all(format!("Content-Length: {}\r\n\r\n", initialize.len()).as_bytes())
        .await
        .unwrap();
    stdin.write_all(&initialize).await.unwrap();
    stdin
        .write_all(b"Content-Length: 100\r\n\r\n{\"jsonrpc\":\"2.0\",")
        .await
        .unwrap();
    drop(stdin);
    let status = tokio::time::timeout(std::time::Duration::from_secs(10), child.wait())
        .await
        .expect("the server exits when its input ends")
        .unwrap();
    let mut log = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut log)
        .await
        .unwrap();
    assert!(status.code().is_some(), "not killed by a signal: {status}");
    assert!(
        log.contains("the input ended inside a JSON-RPC frame"),
        "{log}"
    );
}
