//! What the CLI and the language server both read from disk: the nearest `blast-radius.toml`,
//! the user query directories it names, and the reviewer's name from git's configuration files.
//! Reading only: nothing here writes, runs a program or opens a connection.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::analysis::{CatalogError, CatalogFile, RuleSet};
use crate::config::{self, Config};

/// A loaded configuration with the rules it selects.
#[derive(Clone)]
pub struct Settings {
    pub config: Config,
    pub rules: Arc<RuleSet>,
    /// The directory of the configuration file (exclude globs are relative to it); the working
    /// directory for the defaults.
    pub root: PathBuf,
    /// The configuration file, when there is one.
    pub path: Option<PathBuf>,
}

/// The nearest `blast-radius.toml` in `dir` or above it.
pub fn find_config(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .map(|d| d.join(config::FILE_NAME))
        .find(|candidate| candidate.is_file())
}

/// Loads a configuration file and its user rules. `Err` is a configuration error (the message
/// names the file); broken user queries come back as catalog errors, the other rules still work.
pub fn load(path: &Path) -> Result<(Settings, Vec<CatalogError>), String> {
    let source =
        fs::read_to_string(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    let config = Config::parse(&source).map_err(|e| format!("{}: {e}", path.display()))?;
    let root = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let (settings, errors) = with_config(config, root, Some(path.to_path_buf()))?;
    settings
        .config
        .check_rules(&settings.rules)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    Ok((settings, errors))
}

/// Builds the rules a configuration selects (reading its user query directories).
pub fn with_config(
    config: Config,
    root: PathBuf,
    path: Option<PathBuf>,
) -> Result<(Settings, Vec<CatalogError>), String> {
    let mut user = Vec::new();
    for dir in &config.extra_queries {
        user.extend(read_query_dir(&root.join(dir))?);
    }
    let (rules, errors) = RuleSet::build(&user, &config.rule_options);
    Ok((
        Settings {
            config,
            rules: Arc::new(rules),
            root,
            path,
        },
        errors,
    ))
}

/// Reads a user query directory: `rules/<id>.toml` and `<language>/<id>.scm`.
pub fn read_query_dir(dir: &Path) -> Result<Vec<CatalogFile>, String> {
    let entries =
        fs::read_dir(dir).map_err(|e| format!("query directory {}: {e}", dir.display()))?;
    let mut files = Vec::new();
    for entry in entries.flatten() {
        let sub = entry.path();
        if !sub.is_dir() {
            continue;
        }
        let Ok(inner) = fs::read_dir(&sub) else {
            continue;
        };
        for file in inner.flatten() {
            let path = file.path();
            let is_catalog = matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("toml" | "scm")
            );
            if !is_catalog {
                continue;
            }
            let contents =
                fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            files.push(CatalogFile {
                path: display_path(&path),
                contents,
            });
        }
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

/// A path as shown in output: forward slashes, no leading `./`.
pub fn display_path(path: &Path) -> String {
    let shown = path.to_string_lossy().replace('\\', "/");
    shown
        .strip_prefix("./")
        .map(str::to_string)
        .unwrap_or(shown)
}

/// `user.name` from git's configuration files (the repository's `.git/config` above `dir`, then
/// `$XDG_CONFIG_HOME/git/config`, then `~/.gitconfig`), read as files: git itself is not run.
pub fn git_user_name(dir: Option<&Path>) -> Option<String> {
    let mut candidates = Vec::new();
    if let Some(dir) = dir {
        if let Some(repo) = dir.ancestors().find(|d| d.join(".git").is_dir()) {
            candidates.push(repo.join(".git/config"));
        }
    }
    let home = std::env::var_os("HOME").map(PathBuf::from);
    let xdg = std::env::var_os("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .or_else(|| home.as_ref().map(|h| h.join(".config")));
    if let Some(xdg) = xdg {
        candidates.push(xdg.join("git/config"));
    }
    if let Some(home) = home {
        candidates.push(home.join(".gitconfig"));
    }
    candidates.iter().find_map(|path| {
        fs::read_to_string(path)
            .ok()
            .and_then(|text| user_name_in(&text))
    })
}

/// The `name` key of the `[user]` section of a git config file.
fn user_name_in(text: &str) -> Option<String> {
    let mut in_user = false;
    let mut found = None;
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_user = line
                .trim_start_matches('[')
                .trim_end_matches(']')
                .trim()
                .eq_ignore_ascii_case("user");
        } else if in_user {
            if let Some((key, value)) = line.split_once('=') {
                if key.trim().eq_ignore_ascii_case("name") {
                    let value = value
                        .split([';', '#'])
                        .next()
                        .unwrap_or("")
                        .trim()
                        .trim_matches('"');
                    if !value.is_empty() {
                        found = Some(value.to_string());
                    }
                }
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::user_name_in;

    #[test]
    fn reads_user_name_from_git_config() {
        let text =
            "[core]\n\tname = no\n[user]\n\temail = a@b\n\tname = \"Ana Lima\" ; me\n[alias]\n";
        assert_eq!(user_name_in(text).as_deref(), Some("Ana Lima"));
        assert_eq!(user_name_in("[user]\nemail = x\n"), None);
    }
}
