//! Parsers for the AI authorship records other tools write: git-ai authorship logs
//! (`authorship/3.0.0` notes on `refs/notes/ai`), git-ai working-log checkpoints, and Agent
//! Trace records. Malformed input yields what could be read, never an error that stops a check.

use std::collections::HashMap;
use std::ops::RangeInclusive;

use serde::Deserialize;
use serde_json::Value;

/// 1-based inclusive line ranges.
pub type Lines = Vec<RangeInclusive<u32>>;

fn contains(lines: &Lines, line: u32) -> bool {
    lines.iter().any(|r| r.contains(&line))
}

/// A git-ai authorship log: per file, the lines each AI session wrote, in the commit's version.
#[derive(Debug, Default)]
pub struct GitAiNote {
    /// path → (session hash, lines).
    files: HashMap<String, Vec<(String, Lines)>>,
    /// session hash → tool (and model).
    tools: HashMap<String, String>,
}

impl GitAiNote {
    pub fn parse(text: &str) -> GitAiNote {
        let (attestations, metadata) = match text.split_once("\n---\n") {
            Some((a, m)) => (a, m),
            None => (text.strip_suffix("\n---").unwrap_or(text), ""),
        };
        let mut note = GitAiNote::default();
        let mut current: Option<String> = None;
        for line in attestations.lines() {
            if let Some(entry) = line.strip_prefix("  ") {
                let Some(path) = &current else { continue };
                let Some((hash, ranges)) = entry.trim().split_once(' ') else {
                    continue;
                };
                let lines = parse_ranges(ranges);
                if !lines.is_empty() {
                    note.files
                        .entry(path.clone())
                        .or_default()
                        .push((hash.to_string(), lines));
                }
            } else if !line.trim().is_empty() {
                let path = line.trim_end();
                let path = path
                    .strip_prefix('"')
                    .and_then(|p| p.strip_suffix('"'))
                    .unwrap_or(path);
                current = Some(path.to_string());
            }
        }
        if let Ok(meta) = serde_json::from_str::<Value>(metadata.trim()) {
            if let Some(prompts) = meta.get("prompts").and_then(Value::as_object) {
                for (hash, record) in prompts {
                    let agent = record.get("agent_id");
                    let text = |key: &str| {
                        agent
                            .and_then(|a| a.get(key))
                            .and_then(Value::as_str)
                            .filter(|s| !s.is_empty())
                    };
                    if let Some(tool) = text("tool") {
                        let tool = match text("model") {
                            Some(model) => format!("{tool} ({model})"),
                            None => tool.to_string(),
                        };
                        note.tools.insert(hash.clone(), tool);
                    }
                }
            }
        }
        note
    }

    /// The tool that wrote 1-based `line` of `path` in the noted commit, if an AI session did.
    pub fn ai_line(&self, path: &str, line: u32) -> Option<&str> {
        let sessions = self.files.get(path)?;
        let (hash, _) = sessions.iter().find(|(_, lines)| contains(lines, line))?;
        Some(self.tools.get(hash).map_or("an AI session", String::as_str))
    }
}

/// `1-4,9,12-13` → ranges; bad pieces are skipped.
fn parse_ranges(spec: &str) -> Lines {
    spec.split(',')
        .filter_map(|piece| match piece.split_once('-') {
            Some((a, b)) => Some(a.trim().parse().ok()?..=b.trim().parse().ok()?),
            None => {
                let n = piece.trim().parse().ok()?;
                Some(n..=n)
            }
        })
        .collect()
}

/// A git-ai working log (uncommitted checkpoints): per file, lines the last checkpoint by an AI
/// agent added, in the working file's numbering at that checkpoint.
#[derive(Debug, Default)]
pub struct WorkingLog {
    files: HashMap<String, (String, Lines)>,
}

#[derive(Deserialize)]
struct Checkpoint {
    #[serde(default)]
    entries: Vec<CheckpointEntry>,
    #[serde(default)]
    agent_id: Option<AgentId>,
    #[serde(default)]
    pass_through_attribution_checkpoint: bool,
}

#[derive(Deserialize)]
struct CheckpointEntry {
    file: String,
    #[serde(default)]
    added_lines: Vec<Value>,
}

#[derive(Deserialize)]
struct AgentId {
    #[serde(default)]
    tool: String,
    #[serde(default)]
    model: String,
}

impl WorkingLog {
    /// Parses checkpoints, one JSON object per line or a JSON array, oldest first. A later
    /// human checkpoint of a file replaces what an earlier AI checkpoint said about it.
    pub fn parse(text: &str) -> WorkingLog {
        let checkpoints: Vec<Checkpoint> = match serde_json::from_str::<Vec<Checkpoint>>(text) {
            Ok(all) => all,
            Err(_) => text
                .lines()
                .filter_map(|line| serde_json::from_str(line).ok())
                .collect(),
        };
        let mut log = WorkingLog::default();
        for checkpoint in checkpoints {
            if checkpoint.pass_through_attribution_checkpoint {
                continue;
            }
            for entry in checkpoint.entries {
                match &checkpoint.agent_id {
                    Some(agent) => {
                        let lines = entry
                            .added_lines
                            .iter()
                            .filter_map(|v| match v {
                                Value::Number(n) => {
                                    let n = u32::try_from(n.as_u64()?).ok()?;
                                    Some(n..=n)
                                }
                                Value::Array(pair) => {
                                    let a = u32::try_from(pair.first()?.as_u64()?).ok()?;
                                    let b = u32::try_from(pair.get(1)?.as_u64()?).ok()?;
                                    Some(a..=b)
                                }
                                _ => None,
                            })
                            .collect();
                        let tool = if agent.model.is_empty() {
                            agent.tool.clone()
                        } else {
                            format!("{} ({})", agent.tool, agent.model)
                        };
                        log.files.insert(entry.file, (tool, lines));
                    }
                    None => {
                        log.files.remove(&entry.file);
                    }
                }
            }
        }
        log
    }

    pub fn ai_line(&self, path: &str, line: u32) -> Option<&str> {
        let (tool, lines) = self.files.get(path)?;
        contains(lines, line).then_some(tool.as_str())
    }
}

/// Agent Trace records (`.agent-trace/traces.jsonl`): per revision and file, the line ranges
/// an `ai` or `mixed` contributor wrote.
#[derive(Debug, Default)]
pub struct AgentTrace {
    /// (revision, path, tool, lines, line number in the traces file).
    ranges: Vec<(String, String, String, Lines, usize)>,
}

impl AgentTrace {
    pub fn parse(text: &str) -> AgentTrace {
        let mut trace = AgentTrace::default();
        for (index, line) in text.lines().enumerate() {
            let Ok(record) = serde_json::from_str::<Value>(line) else {
                continue;
            };
            let revision = record
                .pointer("/vcs/revision")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string();
            let record_tool = record
                .pointer("/tool/name")
                .and_then(Value::as_str)
                .unwrap_or("");
            let files = record.get("files").and_then(Value::as_array);
            for file in files.into_iter().flatten() {
                let Some(path) = file.get("path").and_then(Value::as_str) else {
                    continue;
                };
                let conversations = file.get("conversations").and_then(Value::as_array);
                for conversation in conversations.into_iter().flatten() {
                    let contributor = conversation.get("contributor");
                    let kind = contributor
                        .and_then(|c| c.get("type"))
                        .and_then(Value::as_str)
                        .unwrap_or("");
                    if kind != "ai" && kind != "mixed" {
                        continue;
                    }
                    let model = contributor
                        .and_then(|c| c.get("model_id"))
                        .and_then(Value::as_str);
                    let mut tool = if record_tool.is_empty() {
                        "an AI tool"
                    } else {
                        record_tool
                    }
                    .to_string();
                    if let Some(model) = model {
                        tool = format!("{tool} ({model})");
                    }
                    if kind == "mixed" {
                        tool.push_str(", mixed with human edits");
                    }
                    let lines: Lines = conversation
                        .get("ranges")
                        .and_then(Value::as_array)
                        .into_iter()
                        .flatten()
                        .filter_map(|r| {
                            let start = u32::try_from(r.get("start_line")?.as_u64()?).ok()?;
                            let end = u32::try_from(r.get("end_line")?.as_u64()?).ok()?;
                            Some(start..=end)
                        })
                        .collect();
                    if !lines.is_empty() {
                        trace.ranges.push((
                            revision.clone(),
                            path.trim_start_matches("./").to_string(),
                            tool,
                            lines,
                            index + 1,
                        ));
                    }
                }
            }
        }
        trace
    }

    pub fn is_empty(&self) -> bool {
        self.ranges.is_empty()
    }

    /// The tool and the traces-file line of a record at `revision` (full or abbreviated id)
    /// that says an AI wrote 1-based `line` of `path`.
    pub fn ai_line(&self, revision: &str, path: &str, line: u32) -> Option<(&str, usize)> {
        self.ranges
            .iter()
            .rev()
            .find(|(rev, p, _, lines, _)| {
                !rev.is_empty()
                    && (rev.starts_with(revision) || revision.starts_with(rev.as_str()))
                    && p == path
                    && contains(lines, line)
            })
            .map(|(_, _, tool, _, at)| (tool.as_str(), *at))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn git_ai_note() {
        let note = GitAiNote::parse(
            "src/main.rs\n  abcd1234abcd1234 1-10,15\n\"deploy/clean up.sh\"\n  efgh5678efgh5678 3\n---\n{\"schema_version\":\"authorship/3.0.0\",\"prompts\":{\"abcd1234abcd1234\":{\"agent_id\":{\"tool\":\"cursor\",\"id\":\"x\",\"model\":\"claude-4.5-opus\"}}}}\n",
        );
        assert_eq!(
            note.ai_line("src/main.rs", 15),
            Some("cursor (claude-4.5-opus)")
        );
        assert_eq!(note.ai_line("src/main.rs", 11), None);
        assert_eq!(note.ai_line("deploy/clean up.sh", 3), Some("an AI session"));
        assert_eq!(GitAiNote::parse("garbage").ai_line("garbage", 1), None);
    }

    #[test]
    fn working_log_last_checkpoint_wins() {
        let log = WorkingLog::parse(concat!(
            "{\"author\":\"claude\",\"entries\":[{\"file\":\"a.sh\",\"added_lines\":[2,[5,7]]},{\"file\":\"b.sh\",\"added_lines\":[1]}],\"agent_id\":{\"tool\":\"claude\",\"id\":\"s\",\"model\":\"opus\"}}\n",
            "{\"author\":\"human\",\"entries\":[{\"file\":\"b.sh\",\"added_lines\":[1]}]}\n",
            "not json\n"
        ));
        assert_eq!(log.ai_line("a.sh", 6), Some("claude (opus)"));
        assert_eq!(log.ai_line("a.sh", 3), None);
        assert_eq!(log.ai_line("b.sh", 1), None);
    }

    #[test]
    fn agent_trace() {
        let trace = AgentTrace::parse(concat!(
            "{\"version\":\"0.1.0\",\"vcs\":{\"type\":\"git\",\"revision\":\"a1b2c3d4e5\"},\"tool\":{\"name\":\"cursor\"},\"files\":[{\"path\":\"deploy.sh\",\"conversations\":[{\"contributor\":{\"type\":\"ai\",\"model_id\":\"anthropic/claude\"},\"ranges\":[{\"start_line\":3,\"end_line\":4}]},{\"contributor\":{\"type\":\"human\"},\"ranges\":[{\"start_line\":9,\"end_line\":9}]}]}]}\n",
            "{broken\n"
        ));
        assert_eq!(
            trace.ai_line("a1b2c3d", "deploy.sh", 4),
            Some(("cursor (anthropic/claude)", 1))
        );
        assert_eq!(trace.ai_line("a1b2c3d", "deploy.sh", 9), None);
        assert_eq!(trace.ai_line("ffff", "deploy.sh", 4), None);
    }
}
