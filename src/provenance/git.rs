//! Reading provenance out of a git repository with gitoxide (no `git` process is run, so no
//! hook, filter, fsmonitor or pager a repository configures is ever executed).
//!
//! [`Repo::base`] reads, once per file and HEAD, the HEAD version of the file, its blame, the
//! commits' AI evidence, git-ai notes, the git-ai working log and Agent Trace records.
//! [`Base::facts`] then diffs the current text against the HEAD version in memory, which is
//! cheap enough for every keystroke. Every failure (no repository, no HEAD, a shallow clone
//! missing history, an unreadable note) means fewer facts, never an error.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use gix::bstr::{BStr, ByteSlice};

use crate::analysis::line_map::line_map;

use super::formats::{AgentTrace, GitAiNote, WorkingLog};
use super::{
    AiAttribution, AiSource, BulkLines, Change, CommitInfo, FileFacts, LineFacts, commit_ai,
};

pub const AGENT_TRACE_FILE: &str = ".agent-trace/traces.jsonl";

/// A repository opened for provenance, with caches for commits and notes.
pub struct Repo {
    repo: gix::Repository,
    workdir: PathBuf,
    commits: HashMap<gix::ObjectId, Arc<CommitInfo>>,
    notes: HashMap<gix::ObjectId, Option<Arc<GitAiNote>>>,
    trace: Option<Arc<AgentTrace>>,
    working_log: Option<Arc<WorkingLog>>,
    head: Option<gix::ObjectId>,
}

/// A HEAD line's commit (by blame) and AI evidence.
type HeadLine = (Option<Arc<CommitInfo>>, Option<Arc<AiAttribution>>);

/// What the HEAD version of one file says, computed once per file and HEAD.
#[derive(Default)]
pub struct Base {
    /// Path relative to the work tree, with `/`.
    path: String,
    /// The HEAD version's text; `None` when the file is not in HEAD (new, or no commit yet).
    head_text: Option<String>,
    /// Per HEAD line: the commit that last changed it and any AI evidence for it.
    head_lines: Vec<HeadLine>,
    head: Option<String>,
    trace: Option<Arc<AgentTrace>>,
    working_log: Option<Arc<WorkingLog>>,
    /// Whether a repository was read.
    known: bool,
}

impl Repo {
    /// Opens the repository that contains `path`, if any.
    pub fn discover(path: &Path) -> Option<Repo> {
        let start = if path.is_dir() { path } else { path.parent()? };
        let mut repo = gix::discover(start).ok()?;
        // The trees above a file are decoded again for every file read at a revision.
        repo.object_cache_size_if_unset(4 * 1024 * 1024);
        let workdir = repo.workdir()?.to_path_buf();
        let workdir = std::fs::canonicalize(&workdir).unwrap_or(workdir);
        let head = repo.head_id().ok().map(|id| id.detach());
        let mut opened = Repo {
            repo,
            workdir,
            commits: HashMap::new(),
            notes: HashMap::new(),
            trace: None,
            working_log: None,
            head,
        };
        opened.trace = std::fs::read_to_string(opened.workdir.join(AGENT_TRACE_FILE))
            .ok()
            .map(|text| Arc::new(AgentTrace::parse(&text)))
            .filter(|t| !t.is_empty());
        opened.working_log = opened.read_working_log();
        Some(opened)
    }

    pub fn workdir(&self) -> &Path {
        &self.workdir
    }

    /// The git directory (for watching HEAD and refs).
    pub fn git_dir(&self) -> &Path {
        self.repo.git_dir()
    }

    pub fn head(&self) -> Option<String> {
        self.head.map(|id| id.to_string())
    }

    /// `path` relative to the work tree, with `/`, if it is inside it.
    pub fn relative(&self, path: &Path) -> Option<String> {
        // An unsaved or deleted file (in a directory that may be deleted too): canonicalise the
        // nearest ancestor that exists and add the rest.
        let mut existing = path;
        let mut rest = Vec::new();
        let absolute = loop {
            match std::fs::canonicalize(existing) {
                Ok(absolute) => break rest.iter().rev().fold(absolute, |p, c| p.join(c)),
                Err(_) => {
                    rest.push(existing.file_name()?);
                    existing = existing.parent().filter(|p| !p.as_os_str().is_empty())?;
                }
            }
        };
        let relative = absolute.strip_prefix(&self.workdir).ok()?;
        let parts: Vec<&str> = relative
            .components()
            .map(|c| c.as_os_str().to_str())
            .collect::<Option<_>>()?;
        Some(parts.join("/"))
    }

    /// git-ai's uncommitted checkpoints for the current HEAD.
    fn read_working_log(&self) -> Option<Arc<WorkingLog>> {
        let head = self.head?;
        let dir = self
            .repo
            .common_dir()
            .join("ai")
            .join("working_logs")
            .join(head.to_string());
        let text = ["checkpoints.jsonl", "checkpoints.json"]
            .iter()
            .find_map(|name| std::fs::read_to_string(dir.join(name)).ok())?;
        Some(Arc::new(WorkingLog::parse(&text)))
    }

    /// The text of `path` (relative) at revision `rev`: `Ok(None)` when the file does not exist
    /// there; `Err` when the revision does not resolve.
    pub fn text_at(&self, rev: &str, path: &str) -> Result<Option<String>, String> {
        let commit = self.commit_at(rev)?;
        self.blob_text(&commit, path)
    }

    /// Like `text_at`, but when the file at `rev` is `current` byte for byte (most files of a
    /// checkout), `current` itself, found by hashing it rather than reading the blob.
    pub fn text_at_or_same(
        &self,
        rev: &str,
        path: &str,
        current: &str,
    ) -> Result<Option<String>, String> {
        let commit = self.commit_at(rev)?;
        let tree = commit.tree().map_err(|e| e.to_string())?;
        let Some(entry) = tree.lookup_entry_by_path(path).map_err(|e| e.to_string())? else {
            return Ok(None);
        };
        if !entry.mode().is_blob() {
            return Ok(None);
        }
        let hash = gix::objs::compute_hash(
            self.repo.object_hash(),
            gix::objs::Kind::Blob,
            current.as_bytes(),
        );
        if hash.is_ok_and(|id| id == entry.oid()) {
            return Ok(Some(current.to_string()));
        }
        let object = entry.object().map_err(|e| e.to_string())?;
        Ok(Some(String::from_utf8_lossy(&object.data).into_owned()))
    }

    fn commit_at(&self, rev: &str) -> Result<gix::Commit<'_>, String> {
        let id = self
            .repo
            .rev_parse_single(rev)
            .map_err(|e| format!("cannot resolve revision `{rev}`: {e}"))?;
        id.object()
            .map_err(|e| e.to_string())?
            .peel_to_commit()
            .map_err(|e| format!("`{rev}` is not a commit: {e}"))
    }

    /// The files (blobs: no symlinks, no submodules) of the tree at `rev` that are `prefix` or
    /// below it, as repository-relative paths with `/` (`prefix` `""`: every file).
    pub fn files_at(&self, rev: &str, prefix: &str) -> Result<Vec<String>, String> {
        let commit = self.commit_at(rev)?;
        let tree = commit.tree().map_err(|e| e.to_string())?;
        let entries = tree
            .traverse()
            .breadthfirst
            .files()
            .map_err(|e| e.to_string())?;
        let below = format!("{prefix}/");
        Ok(entries
            .into_iter()
            .filter(|entry| entry.mode.is_blob())
            .map(|entry| entry.filepath.to_str_lossy().into_owned())
            .filter(|path| prefix.is_empty() || path == prefix || path.starts_with(&below))
            .collect())
    }

    fn blob_text(&self, commit: &gix::Commit<'_>, path: &str) -> Result<Option<String>, String> {
        let tree = commit.tree().map_err(|e| e.to_string())?;
        let Some(entry) = tree.lookup_entry_by_path(path).map_err(|e| e.to_string())? else {
            return Ok(None);
        };
        if !entry.mode().is_blob() {
            return Ok(None);
        }
        let object = entry.object().map_err(|e| e.to_string())?;
        Ok(Some(String::from_utf8_lossy(&object.data).into_owned()))
    }

    fn commit_info(&mut self, id: gix::ObjectId) -> Option<Arc<CommitInfo>> {
        if let Some(info) = self.commits.get(&id) {
            return Some(info.clone());
        }
        let commit = self.repo.find_commit(id).ok()?;
        let author = commit.author().ok()?;
        let name = author.name.to_str_lossy().into_owned();
        let email = author.email.to_str_lossy().into_owned();
        let message = commit.message_raw_sloppy().to_str_lossy().into_owned();
        let short = id.to_hex_with_len(7).to_string();
        let ai = commit_ai(&name, &email, &message, &short).map(Arc::new);
        let info = Arc::new(CommitInfo {
            id: short,
            author: format!("{name} <{email}>"),
            email,
            ai,
        });
        self.commits.insert(id, info.clone());
        Some(info)
    }

    fn note(&mut self, id: gix::ObjectId) -> Option<Arc<GitAiNote>> {
        if let Some(note) = self.notes.get(&id) {
            return note.clone();
        }
        let note = self
            .repo
            .notes()
            .ok()
            .and_then(|notes| notes.with_refs(["refs/notes/ai"]).ok())
            .and_then(|mut notes| {
                let found = notes.get(id).ok()?;
                let note = found.first()?;
                Some(Arc::new(GitAiNote::parse(&note.blob.data.to_str_lossy())))
            });
        self.notes.insert(id, note.clone());
        note
    }

    /// Reads the HEAD version of `path` and blames it. `only` limits the blame to the HEAD
    /// lines that given 0-based lines of the current text come from (the CLI blames only the
    /// lines of findings and directives); `None` blames every line.
    pub fn base(&mut self, path: &Path, only: Option<(&str, &[usize])>) -> Base {
        let Some(relative) = self.relative(path) else {
            return Base::default();
        };
        let mut base = Base {
            path: relative.clone(),
            head: self.head(),
            trace: self.trace.clone(),
            working_log: self.working_log.clone(),
            known: true,
            ..Base::default()
        };
        let Some(head) = self.head else {
            return base;
        };
        let text = match self.repo.find_commit(head) {
            Ok(commit) => self.blob_text(&commit, &relative),
            Err(_) => return base,
        };
        let Ok(Some(text)) = text else {
            return base;
        };
        let count = line_count(&text);
        base.head_lines = vec![(None, None); count];
        base.head_text = Some(text);
        if count == 0 {
            return base;
        }
        let mut options = gix::repository::blame_file::Options::default();
        if let Some((current, lines)) = only {
            let map = line_map(base.head_text.as_deref().unwrap_or(""), current);
            let mut wanted: Vec<u32> = lines
                .iter()
                .filter_map(|&l| map.get(l).copied().flatten())
                .map(|h| h as u32 + 1)
                .collect();
            wanted.sort_unstable();
            wanted.dedup();
            let ranges: Vec<_> = wanted.into_iter().map(|l| l..=l).collect();
            if ranges.is_empty() {
                return base;
            }
            match gix_blame_ranges(ranges) {
                Some(ranges) => options.ranges = ranges,
                None => return base,
            }
        }
        let blamed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            self.repo
                .blame_file(BStr::new(relative.as_bytes()), head, options)
        }));
        // A shallow clone or missing objects: no blame, the rest of the facts stand.
        let Ok(Ok(outcome)) = blamed else {
            return base;
        };
        for entry in outcome.entries {
            let info = self.commit_info(entry.commit_id);
            let note = self.note(entry.commit_id);
            let source_path = entry
                .source_file_name
                .as_ref()
                .map_or(relative.clone(), |n| n.to_str_lossy().into_owned());
            let commit_hex = entry.commit_id.to_string();
            for offset in 0..entry.len.get() {
                let head_line = (entry.start_in_blamed_file + offset) as usize;
                let source_line = entry.start_in_source_file + offset + 1;
                let mut ai = info.as_ref().and_then(|i| i.ai.clone());
                if let Some(tool) = note
                    .as_ref()
                    .and_then(|n| n.ai_line(&source_path, source_line))
                {
                    ai = AiAttribution::stronger(
                        ai,
                        Some(Arc::new(AiAttribution {
                            source: AiSource::GitAiNote,
                            tool: tool.to_string(),
                            evidence: format!(
                                "git-ai note on commit {}",
                                info.as_ref().map_or(&commit_hex[..7], |i| i.id.as_str())
                            ),
                        })),
                    );
                }
                if let Some((tool, at)) = base
                    .trace
                    .as_ref()
                    .and_then(|t| t.ai_line(&commit_hex, &source_path, source_line))
                {
                    ai = AiAttribution::stronger(
                        ai,
                        Some(Arc::new(AiAttribution {
                            source: AiSource::AgentTrace,
                            tool: tool.to_string(),
                            evidence: format!("{AGENT_TRACE_FILE}:{at}"),
                        })),
                    );
                }
                if let Some(slot) = base.head_lines.get_mut(head_line) {
                    *slot = (info.clone(), ai);
                }
            }
        }
        base
    }
}

fn gix_blame_ranges(ranges: Vec<std::ops::RangeInclusive<u32>>) -> Option<gix::blame::BlameRanges> {
    gix::blame::BlameRanges::from_one_based_inclusive_ranges(ranges).ok()
}

fn line_count(text: &str) -> usize {
    if text.is_empty() {
        0
    } else {
        text.lines().count()
    }
}

impl Base {
    /// A base for a file with nothing known (no repository).
    pub fn unknown() -> Base {
        Base::default()
    }

    pub fn is_known(&self) -> bool {
        self.known
    }

    /// A base known only by its HEAD text (no blame, commits or AI records): enough for the
    /// diff rules and the uncommitted-change facts.
    pub fn with_head_text(text: String) -> Base {
        Base {
            head_text: Some(text),
            ..Base::default()
        }
    }

    pub fn head_text(&self) -> Option<&str> {
        self.head_text.as_deref()
    }

    /// The facts of each line of `text` (the working file or editor buffer): lines unchanged
    /// since HEAD carry their blame; others are uncommitted, with AI evidence from the git-ai
    /// working log or an Agent Trace record at HEAD.
    pub fn facts(&self, text: &str, bulk: Option<&BulkLines>) -> FileFacts {
        let mut facts = FileFacts {
            lines: vec![LineFacts::default(); line_count(text)],
            known: self.known,
        };
        if let Some(bulk) = bulk.filter(|b| !b.is_empty()) {
            for (line, slot) in text.lines().zip(facts.lines.iter_mut()) {
                slot.bulk_insertion = bulk.contains(line);
            }
        }
        if !self.known {
            return facts;
        }
        let map = match &self.head_text {
            Some(head) => line_map(head, text),
            None => vec![None; facts.lines.len()],
        };
        for (index, (slot, head_line)) in facts.lines.iter_mut().zip(map).enumerate() {
            match head_line.and_then(|h| self.head_lines.get(h)) {
                Some((commit, ai)) => {
                    slot.commit = commit.clone();
                    slot.ai = ai.clone();
                }
                None => {
                    slot.change = Some(Change::Uncommitted);
                    // Only AI evidence about uncommitted lines: an unchanged line that the HEAD
                    // blob lacks has no blame.
                    if head_line.is_some() {
                        continue;
                    }
                    let number = index as u32 + 1;
                    if let Some(tool) = self
                        .working_log
                        .as_ref()
                        .and_then(|w| w.ai_line(&self.path, number))
                    {
                        slot.ai = Some(Arc::new(AiAttribution {
                            source: AiSource::GitAiWorkingLog,
                            tool: tool.to_string(),
                            evidence: "git-ai working log".into(),
                        }));
                    } else if let Some((tool, at)) = self
                        .head
                        .as_deref()
                        .and_then(|head| self.trace.as_ref()?.ai_line(head, &self.path, number))
                    {
                        slot.ai = Some(Arc::new(AiAttribution {
                            source: AiSource::AgentTrace,
                            tool: tool.to_string(),
                            evidence: format!("{AGENT_TRACE_FILE}:{at}"),
                        }));
                    }
                }
            }
        }
        facts
    }
}

/// The 0-based lines of `new` that are not unchanged from `old`.
pub fn changed_lines(old: Option<&str>, new: &str) -> Vec<bool> {
    match old {
        Some(old) => line_map(old, new)
            .into_iter()
            .map(|m| m.is_none())
            .collect(),
        None => vec![true; line_count(new)],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_not_in_the_base_is_all_changed() {
        assert_eq!(changed_lines(None, "a\nb"), vec![true, true]);
        assert_eq!(changed_lines(Some("a\nb\n"), "a\nc\n"), vec![false, true]);
    }
}
