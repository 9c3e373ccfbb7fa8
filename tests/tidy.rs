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
