//! The lower bound of `blast-radius check`: the same walk (the `ignore` crate with the same
//! settings), the same choice of files (name, shebang, size limit, binary and UTF-8 checks) and the
//! same parallel scheme over all cores, but each file is only parsed with tree-sitter: no query,
//! no directive, no output. `benches/scan.py` runs it beside the real CLI on the same corpus.
//!
//!     cargo build --release --example parse_only
//!     target/release/examples/parse_only <paths...>
//!
//! Prints one JSON object: files parsed, bytes parsed, files with syntax errors.

use std::fs;
use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use blast_radius::analysis::{self, Language};
use blast_radius::config::Config;

fn candidates(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_file() {
            files.push(path.clone());
            continue;
        }
        let walker = ignore::WalkBuilder::new(path)
            .hidden(false)
            .require_git(false)
            .filter_entry(|entry| entry.file_name() != ".git")
            .build();
        for entry in walker.flatten() {
            if entry.file_type().is_some_and(|t| t.is_file()) {
                files.push(entry.into_path());
            }
        }
    }
    files
}

/// The file's text and language when `check` would analyse it.
fn source(path: &PathBuf, limit: u64) -> Option<(String, Language)> {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let by_name = Language::detect(name, "");
    let extensionless = !name.contains('.') || name.starts_with('.') && !name[1..].contains('.');
    if by_name.is_none() && !extensionless {
        return None;
    }
    if fs::metadata(path).ok()?.len() > limit {
        return None;
    }
    let bytes = fs::read(path).ok()?;
    if by_name.is_none() && !bytes.starts_with(b"#!") {
        return None;
    }
    if bytes[..bytes.len().min(8192)].contains(&0) {
        return None;
    }
    let text = String::from_utf8(bytes).ok()?;
    let language = by_name.or_else(|| Language::from_shebang(&text))?;
    Some((text, language))
}

fn main() {
    let paths: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let limit = Config::default().max_file_size;
    let files = candidates(&paths);
    let next = AtomicUsize::new(0);
    let totals = Mutex::new((0usize, 0usize, 0usize));
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                let (mut parsed, mut bytes, mut with_errors) = (0, 0, 0);
                while let Some(path) = files.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let Some((text, language)) = source(path, limit) else {
                        continue;
                    };
                    if let Some(tree) = analysis::parse(language, &text, None) {
                        parsed += 1;
                        bytes += text.len();
                        with_errors += usize::from(tree.root_node().has_error());
                    }
                }
                let mut totals = totals.lock().unwrap_or_else(|e| e.into_inner());
                totals.0 += parsed;
                totals.1 += bytes;
                totals.2 += with_errors;
            });
        }
    });
    let (parsed, bytes, with_errors) = totals.into_inner().unwrap_or_else(|e| e.into_inner());
    println!(
        "{{\"files_walked\": {}, \"files_parsed\": {parsed}, \"bytes_parsed\": {bytes}, \"files_with_errors\": {with_errors}}}",
        files.len()
    );
}
