//! The `blast-radius` binary end to end: exit codes, output formats, skipped files and
//! configuration errors. Each case is a small workspace written to a temp dir.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

const RISKY: &str = "#!/bin/sh\nrm -rf \"$DIR\"/*\n";

fn blast_radius(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_blast-radius"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

fn workspace(files: &[(&str, &[u8])]) -> tempfile::TempDir {
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

fn json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", text(&output.stdout)))
}

/// A workspace, the arguments, the expected exit code and text expected in stdout + stderr.
type Case<'a> = (&'a [(&'a str, &'a [u8])], &'a [&'a str], i32, &'a str);

#[test]
fn exit_codes() {
    let cases: &[Case] = &[
        (
            &[("deploy.sh", RISKY.as_bytes())],
            &["check"],
            1,
            "rm-recursive-unguarded",
        ),
        (
            &[("ok.sh", b"#!/bin/sh\nrm -rf \"${DIR:?}\"/*\n")],
            &["check"],
            0,
            "No high-blast-radius findings in 1 file",
        ),
        (&[("empty/.keep", b"")], &["check"], 0, "in 0 files"),
        (
            &[("a.sh", b"ls\n")],
            &["check", "missing-dir"],
            2,
            "missing-dir: no such file or directory",
        ),
        (
            &[("a.sh", b"ls\n")],
            &["check", "--format", "yaml"],
            2,
            "invalid value 'yaml'",
        ),
        (
            &[("a.sh", b"ls\n")],
            &["frobnicate"],
            2,
            "unrecognized subcommand",
        ),
        (
            &[("a.sh", b"ls\n")],
            &["explain", "no-such-rule"],
            2,
            "unknown rule `no-such-rule`",
        ),
        (
            &[("a.sh", b"ls\n")],
            &["explain", "rm-recursive-unguarded"],
            0,
            "## Safer alternative",
        ),
        (
            &[("a.sh", b"ls\n")],
            &["rules"],
            0,
            "rm-recursive-unguarded",
        ),
        (
            &[
                ("deploy.sh", RISKY.as_bytes()),
                ("blast-radius.toml", b"fail-on = \"error\"\n"),
            ],
            &["check"],
            0,
            "0 blocking",
        ),
        (
            &[
                ("deploy.sh", RISKY.as_bytes()),
                (
                    "blast-radius.toml",
                    b"disable = [\"rm-recursive-unguarded\"]\n",
                ),
            ],
            &["check"],
            0,
            "No high-blast-radius findings",
        ),
        (
            &[
                ("deploy.sh", RISKY.as_bytes()),
                ("blast-radius.toml", b"fail-on = \"error\"\nbogus = 1\n"),
            ],
            &["check"],
            2,
            "blast-radius.toml: line 2, column 1: unknown field `bogus`",
        ),
        (
            &[
                ("deploy.sh", RISKY.as_bytes()),
                (
                    "blast-radius.toml",
                    b"[severity]\nno-such-rule = \"hint\"\n",
                ),
            ],
            &["check"],
            2,
            "line 2: `severity` names unknown rule `no-such-rule`",
        ),
        (
            &[
                ("deploy.sh", RISKY.as_bytes()),
                ("conf/custom.toml", b"exclude = [\"deploy.sh\"]\n"),
            ],
            &["check", "--config", "conf/custom.toml"],
            1,
            "deploy.sh",
        ),
        (
            &[("deploy.sh", RISKY.as_bytes())],
            &["check", "--config", "nope.toml"],
            2,
            "nope.toml: configuration file not found",
        ),
        (
            &[
                ("sub/deploy.sh", RISKY.as_bytes()),
                ("blast-radius.toml", b"exclude = [\"sub/**\"]\n"),
            ],
            &["check"],
            0,
            "in 0 files",
        ),
        (
            &[
                ("deploy.sh", RISKY.as_bytes()),
                ("build/gen.sh", RISKY.as_bytes()),
                (".gitignore", b"build/\n"),
            ],
            &["check"],
            1,
            "Found 1 high-blast-radius finding",
        ),
    ];
    for (files, args, code, expected) in cases {
        let dir = workspace(files);
        let output = blast_radius(dir.path(), args);
        let all = format!("{}{}", text(&output.stdout), text(&output.stderr));
        assert_eq!(
            output.status.code(),
            Some(*code),
            "{args:?} on {files:?}:\n{all}"
        );
        assert!(
            all.contains(expected),
            "{args:?}: expected {expected:?} in:\n{all}"
        );
    }
}

#[test]
fn human_output_has_a_code_frame() {
    let dir = workspace(&[(
        "scripts/deploy.sh",
        b"#!/bin/sh\nset -e\n  rm -rf \"$DIR\"/*\n",
    )]);
    let output = blast_radius(dir.path(), &["check"]);
    let stdout = text(&output.stdout);
    let expected = [
        "warning[rm-recursive-unguarded]: recursive `rm` on `\"$DIR\"/*`",
        " --> scripts/deploy.sh:3:3",
        "3 |   rm -rf \"$DIR\"/*",
        "  |   ^^^^^^^^^^^^^^^ blast radius: host, irreversible",
        "  = help: Guard the variable so an empty or unset value aborts",
    ];
    for line in expected {
        assert!(stdout.contains(line), "missing {line:?} in:\n{stdout}");
    }
    assert!(!stdout.contains('\x1b'), "colour with NO_COLOR set");
    let coloured = Command::new(env!("CARGO_BIN_EXE_blast-radius"))
        .args(["check", "--color", "always"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(
        text(&coloured.stdout).contains("\x1b[1;33m"),
        "--color always paints"
    );
}

#[test]
fn json_output_follows_the_schema() {
    let source = "#!/bin/sh\n# é 😀\necho \"😀\"; rm -rf $X\nrm -rf $Y # blast-radius: reviewed rm-recursive-unguarded by Ana\n";
    let dir = workspace(&[
        ("a.sh", source.as_bytes()),
        ("bin.sh", b"\x00\x01binary"),
        ("bad.sh", b"echo \xff\xfe\n"),
    ]);
    let output = blast_radius(dir.path(), &["check", "--format", "json"]);
    assert_eq!(output.status.code(), Some(1));
    let document = json(&output);
    assert_eq!(document["version"], 1);
    let findings = document["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 2, "{document:#}");
    let first = &findings[0];
    let keys: Vec<&str> = first
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut expected_keys = [
        "rule",
        "path",
        "start",
        "end",
        "severity",
        "scope",
        "reversible",
        "message",
        "provenance",
        "provenance_summary",
        "policy",
        "review",
        "review_rejected",
        "fix",
    ];
    expected_keys.sort();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(sorted, expected_keys);
    assert_eq!(first["rule"], "rm-recursive-unguarded");
    assert_eq!(first["path"], "a.sh");
    // Columns count Unicode scalar values: `echo "😀"; ` is 10 of them.
    assert_eq!(first["start"], serde_json::json!({"line": 3, "column": 11}));
    assert_eq!(first["end"], serde_json::json!({"line": 3, "column": 20}));
    assert_eq!(first["severity"], "warning");
    assert_eq!(first["scope"], "host");
    assert_eq!(first["reversible"], false);
    assert_eq!(first["review"], "none");
    // Not in a repository: nothing is known, the rule's own severity stands.
    assert!(first["provenance"].as_array().unwrap().is_empty());
    assert_eq!(first["policy"], "unknown");
    assert_eq!(first["provenance_summary"], Value::Null);
    assert_eq!(findings[1]["review"], "reviewed");
    assert_eq!(findings[1]["severity"], "hint");
    let errors = document["errors"].as_array().unwrap();
    let messages: Vec<String> = errors
        .iter()
        .map(|e| format!("{}: {}", e["path"], e["message"]))
        .collect();
    assert_eq!(errors.len(), 2, "{messages:?}");
    assert!(
        messages
            .iter()
            .any(|m| m.contains("bad.sh") && m.contains("not valid UTF-8")),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("bin.sh") && m.contains("binary file")),
        "{messages:?}"
    );
}

#[test]
fn oversized_files_are_skipped_with_a_warning() {
    let big = format!(
        "#!/bin/sh\n{}rm -rf \"$DIR\"\n",
        "echo padding-padding-padding\n".repeat(40_000)
    );
    let dir = workspace(&[
        ("big.sh", big.as_bytes()),
        ("blast-radius.toml", b"max-file-size = \"512KiB\"\n"),
    ]);
    let output = blast_radius(dir.path(), &["check"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("warning: big.sh: skipped: 1.1 MiB is over the size limit of 512.0 KiB"),
        "{stderr}"
    );
}

#[test]
fn shebang_scripts_without_extension_are_checked_and_other_files_are_not() {
    let dir = workspace(&[
        ("bin/deploy", RISKY.as_bytes()),
        ("notes", b"rm -rf \"$DIR\"/*\n"),
        ("Makefile.txt", RISKY.as_bytes()),
    ]);
    let output = blast_radius(dir.path(), &["check", "--format", "json"]);
    let document = json(&output);
    let paths: Vec<&str> = document["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["bin/deploy"]);
}

#[test]
fn user_rules_from_extra_queries() {
    let meta = b"title = \"Deletes a tenant\"\nscope = \"organization\"\nreversible = false\n\
        message = \"deletes tenant `{target}` and all its data\"\nwhy = \"w\"\nsafer = \"Archive it first.\"\n\
        references = [\"internal runbook\"]\n";
    let query = b"(call\n  function: (attribute\n    attribute: (identifier) @_f)\n  arguments: (argument_list . (_) @target)\n  (#eq? @_f \"delete_tenant\")) @match\n";
    let dir = workspace(&[
        ("blast-radius.toml", b"extra-queries = [\"ops/rules\"]\n"),
        ("ops/rules/rules/tenant-delete.toml", meta),
        ("ops/rules/python/tenant-delete.scm", query),
        ("app.py", b"api.delete_tenant(tenant_id)\n"),
    ]);
    let output = blast_radius(dir.path(), &["check", "--format", "json"]);
    let document = json(&output);
    assert_eq!(
        document["findings"][0]["rule"], "tenant-delete",
        "{document:#}"
    );
    assert_eq!(
        document["findings"][0]["message"],
        "deletes tenant `tenant_id` and all its data"
    );
    assert_eq!(document["findings"][0]["severity"], "error");

    let broken = workspace(&[
        ("blast-radius.toml", b"extra-queries = [\"ops/rules\"]\n"),
        ("ops/rules/rules/tenant-delete.toml", meta),
        (
            "ops/rules/python/tenant-delete.scm",
            b"(call function: (nonsense_node)) @match\n",
        ),
        ("deploy.sh", RISKY.as_bytes()),
    ]);
    let output = blast_radius(broken.path(), &["check"]);
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("ops/rules/python/tenant-delete.scm: line 1"),
        "{stderr}"
    );
    assert!(
        text(&output.stdout).contains("rm-recursive-unguarded"),
        "the other rules still run"
    );
}

/// `check` reads and never writes: every file of the workspace is byte-identical afterwards,
/// and nothing is added.
#[test]
fn check_leaves_the_workspace_byte_identical() {
    let dir = workspace(&[
        ("deploy.sh", RISKY.as_bytes()),
        ("db/migrate.sql", b"DROP TABLE users;\n"),
        (
            "infra/main.tf",
            b"resource \"aws_s3_bucket\" \"b\" {\n  force_destroy = true\n}\n",
        ),
        ("blast-radius.toml", b"fail-on = \"error\"\n"),
    ]);
    let snapshot = |root: &Path| {
        let mut files: Vec<(String, Vec<u8>)> = Vec::new();
        let mut stack = vec![root.to_path_buf()];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                } else {
                    files.push((path.display().to_string(), std::fs::read(&path).unwrap()));
                }
            }
        }
        files.sort();
        files
    };
    let before = snapshot(dir.path());
    for format in ["human", "json"] {
        blast_radius(dir.path(), &["check", "--format", format]);
    }
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn test_rules_runs_user_fixtures_against_user_queries() {
    let meta: &[u8] = b"title = \"Deletes a tenant\"\nscope = \"organization\"\nreversible = false\n\
        message = \"deletes tenant `{target}`\"\nwhy = \"w\"\nsafer = \"Archive it first.\"\nreferences = [\"runbook\"]\n";
    let query: &[u8] = b"(call\n  function: (attribute\n    attribute: (identifier) @_f)\n  arguments: (argument_list . (_) @target)\n  (#eq? @_f \"delete_tenant\")) @match\n";
    let good: &[u8] = b"api.delete_tenant(tenant_id)\n# <- tenant-delete\napi.archive_tenant(tenant_id)\n# ok tenant-delete: archiving keeps the data\n";
    let dir = workspace(&[
        ("team/rules/tenant-delete.toml", meta),
        ("team/python/tenant-delete.scm", query),
        ("team/fixtures/tenants.py", good),
    ]);
    let output = blast_radius(dir.path(), &["test-rules", "team"]);
    let stdout = text(&output.stdout);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{stdout}{}",
        text(&output.stderr)
    );
    assert!(
        stdout.contains("ok team/fixtures/tenants.py (1 expected, 1 safe)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("1 passed, 0 failed (1 user rules: tenant-delete)"),
        "{stdout}"
    );

    let wrong: &[u8] =
        b"api.delete_tenant(tenant_id)\napi.archive_tenant(tenant_id)\n# <- tenant-delete\n";
    std::fs::write(dir.path().join("team/fixtures/tenants.py"), wrong).unwrap();
    let output = blast_radius(dir.path(), &["test-rules", "team"]);
    let stdout = text(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("team/fixtures/tenants.py:1:1: noise: unexpected tenant-delete"),
        "{stdout}"
    );
    assert!(
        stdout.contains("team/fixtures/tenants.py:2:1: miss: expected tenant-delete"),
        "{stdout}"
    );

    std::fs::write(
        dir.path().join("team/python/tenant-delete.scm"),
        "(call (nonsense)) @match\n",
    )
    .unwrap();
    let output = blast_radius(dir.path(), &["test-rules", "team"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr).contains("team/python/tenant-delete.scm: line 1"),
        "{}",
        text(&output.stderr)
    );
}

#[test]
fn the_github_action_and_pre_commit_hooks_use_flags_that_exist() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let help = blast_radius(root, &["check", "--help"]);
    let help = text(&help.stdout);
    let mut used = Vec::new();
    for file in ["action.yml", ".pre-commit-hooks.yaml"] {
        let source = std::fs::read_to_string(root.join(file)).unwrap();
        assert!(source.contains("check"), "{file} runs `check`");
        for word in source.split(|c: char| c.is_whitespace() || c == '(' || c == ')') {
            if let Some(flag) = word
                .strip_prefix("--")
                .filter(|f| !f.is_empty() && f.chars().all(|c| c.is_ascii_lowercase() || c == '-'))
            {
                // Flags of other programs in the action (cargo install).
                if ["locked", "quiet", "path", "root"].contains(&flag) {
                    continue;
                }
                used.push((file, flag.to_string()));
            }
        }
    }
    assert!(used.iter().any(|(_, f)| f == "gate"));
    for (file, flag) in used {
        assert!(
            help.contains(&format!("--{flag}")),
            "{file} uses --{flag}, which `check` lacks"
        );
    }
    // The formats the action asks for exist.
    for format in ["github", "sarif", "markdown"] {
        assert!(help.contains(format), "{format}");
    }
}
