//! Enforces the architecture invariants of ARCHITECTURE.md by reading the source.

mod common;

/// The non-test part of a source file.
fn production_code(text: &str) -> &str {
    text.split("#[cfg(test)]").next().unwrap_or(text)
}

#[test]
fn the_analysis_core_does_no_io_knows_no_lsp_and_does_not_panic_on_purpose() {
    let forbidden = [
        ("std::fs", "file system access"),
        ("std::net", "networking"),
        ("std::process", "running programs"),
        ("std::env", "environment access"),
        ("tower_lsp", "LSP types"),
        ("ls_types", "LSP types"),
        ("lsp_types", "LSP types"),
        ("println!", "printing"),
        ("eprintln!", "printing"),
        ("print!", "printing"),
        ("eprint!", "printing"),
        ("dbg!", "printing"),
        (".unwrap()", "a panic path"),
        (".expect(", "a panic path"),
        ("panic!", "a panic path"),
        ("todo!", "a stub"),
        ("unimplemented!", "a stub"),
    ];
    let mut problems = Vec::new();
    for path in common::files_below(&common::root().join("src/analysis")) {
        let text = std::fs::read_to_string(&path).unwrap();
        for (number, line) in production_code(&text).lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            for (needle, what) in forbidden {
                if line.contains(needle) {
                    problems.push(format!(
                        "{}:{}: {what} (`{needle}`)",
                        path.display(),
                        number + 1
                    ));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "src/analysis must stay pure:\n{}",
        problems.join("\n")
    );
}

#[test]
fn nothing_writes_files_or_opens_connections() {
    let forbidden = [
        "fs::write",
        "File::create",
        "OpenOptions",
        "fs::remove",
        "fs::rename",
        "TcpStream",
        "UdpSocket",
        "process::Command",
        "Command::new(",
    ];
    let mut problems = Vec::new();
    for path in common::files_below(&common::root().join("src")) {
        let text = std::fs::read_to_string(&path).unwrap();
        for (number, line) in production_code(&text).lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            for needle in forbidden {
                if line.contains(needle) {
                    problems.push(format!("{}:{}: `{needle}`", path.display(), number + 1));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "the tool must not write files or reach the network:\n{}",
        problems.join("\n")
    );
}

#[test]
fn no_networking_crate_in_the_dependency_tree() {
    // Crates that open connections or speak network protocols; none may be linked in.
    let networking = [
        "hyper",
        "reqwest",
        "ureq",
        "curl",
        "isahc",
        "surf",
        "h2",
        "h3",
        "quinn",
        "rustls",
        "native-tls",
        "openssl",
        "tokio-rustls",
        "tokio-native-tls",
        "socket2",
        "trust-dns-resolver",
        "hickory-resolver",
        "tungstenite",
        "tokio-tungstenite",
    ];
    let lock = std::fs::read_to_string(common::root().join("Cargo.lock")).unwrap();
    let packages: Vec<&str> = lock
        .lines()
        .filter_map(|line| line.strip_prefix("name = \""))
        .filter_map(|rest| rest.strip_suffix('"'))
        .collect();
    assert!(packages.contains(&"tree-sitter"), "Cargo.lock was not read");
    let found: Vec<&&str> = packages.iter().filter(|p| networking.contains(p)).collect();
    assert!(
        found.is_empty(),
        "networking crates in Cargo.lock: {found:?}"
    );
    let manifest = std::fs::read_to_string(common::root().join("Cargo.toml")).unwrap();
    let dependencies = manifest.split("[dev-dependencies]").next().unwrap();
    assert!(
        !dependencies.contains("\"net\""),
        "tokio's `net` feature must stay off"
    );
}

/// The same check over the resolved dependency graph from `cargo metadata`: every crate linked
/// into the binary (normal dependencies, followed from this package); and the features that
/// would open sockets (tokio's and mio's `net`) off in the shipped binary.
#[test]
fn no_networking_crate_or_feature_in_the_resolved_graph() {
    let networking = [
        "hyper",
        "reqwest",
        "ureq",
        "curl",
        "curl-sys",
        "isahc",
        "surf",
        "h2",
        "h3",
        "quinn",
        "rustls",
        "native-tls",
        "openssl",
        "openssl-sys",
        "tokio-rustls",
        "tokio-native-tls",
        "socket2",
        "trust-dns-resolver",
        "hickory-resolver",
        "tungstenite",
        "tokio-tungstenite",
        "attohttpc",
        "minreq",
    ];
    let output = std::process::Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1", "--locked"])
        .current_dir(common::root())
        .output()
        .expect("cargo metadata runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let metadata: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let resolve = &metadata["resolve"];
    let nodes: std::collections::HashMap<&str, &serde_json::Value> = resolve["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|node| (node["id"].as_str().unwrap(), node))
        .collect();
    let name_of = |id: &str| {
        metadata["packages"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["id"] == id)
            .map(|p| p["name"].as_str().unwrap().to_string())
            .unwrap()
    };
    let mut linked = std::collections::BTreeMap::new();
    let mut stack = vec![resolve["root"].as_str().unwrap()];
    while let Some(id) = stack.pop() {
        if linked.contains_key(id) {
            continue;
        }
        linked.insert(id, name_of(id));
        for dep in nodes[id]["deps"].as_array().unwrap() {
            let normal = dep["dep_kinds"]
                .as_array()
                .unwrap()
                .iter()
                .any(|kind| kind["kind"].is_null());
            if normal {
                stack.push(dep["pkg"].as_str().unwrap());
            }
        }
    }
    let names: Vec<&String> = linked.values().collect();
    assert!(
        names.iter().any(|n| *n == "tree-sitter") && names.iter().any(|n| *n == "tokio"),
        "the graph was not walked: {names:?}"
    );
    let found: Vec<&&String> = names
        .iter()
        .filter(|n| networking.contains(&n.as_str()))
        .collect();
    assert!(found.is_empty(), "networking crates linked in: {found:?}");
    // `cargo metadata` unifies features with the dev-dependencies (the tests' tokio `process`
    // turns on mio's `net`); `cargo tree -e normal` shows the features of the shipped binary.
    let output = std::process::Command::new(env!("CARGO"))
        .args([
            "tree",
            "--locked",
            "-e",
            "normal",
            "--prefix",
            "none",
            "-f",
            "{p} [{f}]",
        ])
        .current_dir(common::root())
        .output()
        .expect("cargo tree runs");
    assert!(output.status.success());
    let tree = String::from_utf8_lossy(&output.stdout);
    let tokio: Vec<&str> = tree.lines().filter(|l| l.starts_with("tokio v")).collect();
    assert!(!tokio.is_empty(), "{tree}");
    for line in tree.lines() {
        if line.starts_with("tokio v") || line.starts_with("mio v") {
            let features = line.split('[').nth(1).unwrap_or("");
            assert!(
                !features.split([',', ']']).any(|f| f == "net"),
                "built with `net`: {line}"
            );
        }
    }
}

/// Workspace content is data: a workspace whose configuration, user rules and scripts would
/// leave a marker file if anything in them were run, checked by the CLI and opened in the
/// server, leaves no marker.
#[test]
fn no_workspace_content_is_executed() {
    let dir = tempfile::tempdir().unwrap();
    let marker = dir.path().join("EXECUTED");
    let touch = format!("touch {}", marker.display());
    let files = [
        (
            "blast-radius.toml".to_string(),
            "extra-queries = [\"rules\"]\n".to_string(),
        ),
        (
            "rules/rules/touch.toml".to_string(),
            format!(
                "title = \"$({touch})\"\nscope = \"host\"\nreversible = true\n\
                 message = \"`{touch}`\"\nwhy = \"w\"\nsafer = \"s\"\nreferences = [\"r\"]\n"
            ),
        ),
        (
            "rules/bash/touch.scm".to_string(),
            format!("((command) @match (#match? @match \"$({touch})\"))\n"),
        ),
        ("deploy.sh".to_string(), format!("#!/bin/sh\n{touch}\n")),
        (
            "tool".to_string(),
            format!("#!/bin/sh\n{touch}\nrm -rf \"$DIR\"/*\n"),
        ),
        ("Makefile".to_string(), format!("all:\n\t{touch}\n")),
        (".envrc".to_string(), format!("{touch}\n")),
        (
            ".git/hooks/pre-commit".to_string(),
            format!("#!/bin/sh\n{touch}\n"),
        ),
    ];
    for (path, text) in &files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
    }
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_blast-radius"))
        .args(["check", "--format", "json"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(
        report.contains("rm-recursive-unguarded"),
        "the workspace was checked: {report}"
    );
    assert!(!marker.exists(), "`check` executed workspace content");
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let mut client = common::lsp_client::Client::in_process();
        let root = format!("file://{}", dir.path().display());
        client
            .request(
                "initialize",
                serde_json::json!({"capabilities": {}, "workspaceFolders": [{"uri": root, "name": "w"}]}),
            )
            .await;
        client.notify("initialized", serde_json::json!({})).await;
        for (path, text) in &files {
            let uri = format!("{root}/{path}");
            client.open(&uri, "", text).await;
        }
        client
            .request(
                "workspace/executeCommand",
                serde_json::json!({"command": "blast-radius.scanWorkspace", "arguments": []}),
            )
            .await;
        client.shutdown().await;
    });
    assert!(!marker.exists(), "the server executed workspace content");
}
