//! Provenance: where each line of a file came from, as data.
//!
//! The facts come, strongest evidence first, from git-ai authorship notes (`refs/notes/ai`) and
//! working logs (`.git/ai/`), Agent Trace records (`.agent-trace/traces.jsonl`), the commit that
//! last touched the line (AI co-author trailers, aider author names, agent bot e-mails), the
//! uncommitted change (lines that differ from HEAD) and, in the language server, bulk insertions.
//!
//! This module and its parsers are pure; [`git`] reads the repository. The rest of the program
//! sees only [`FileFacts`] and [`Provenance`], so tests can feed facts directly.

pub mod formats;
pub mod git;
pub mod plan;
pub mod policy;

use std::collections::HashSet;
use std::fmt::Write as _;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::ops::Range;
use std::sync::Arc;

use serde::Serialize;

use crate::analysis::{Finding, LineIndex, RuleSet, Scope};

pub use policy::{Level, Policy, PolicyClass};

/// Where an AI attribution comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AiSource {
    /// A git-ai authorship note on the commit that introduced the line.
    GitAiNote,
    /// A git-ai working log checkpoint of an uncommitted edit.
    GitAiWorkingLog,
    /// An Agent Trace record.
    AgentTrace,
    /// A commit trailer (`Co-authored-by:`, `Assisted-by:`, …) naming an AI tool.
    CommitTrailer,
    /// The commit's author is an AI tool (` (aider)` names, agent bot e-mails).
    CommitAuthor,
}

impl AiSource {
    pub fn name(self) -> &'static str {
        match self {
            AiSource::GitAiNote => "git-ai-note",
            AiSource::GitAiWorkingLog => "git-ai-working-log",
            AiSource::AgentTrace => "agent-trace",
            AiSource::CommitTrailer => "commit-trailer",
            AiSource::CommitAuthor => "commit-author",
        }
    }

    /// Line-level evidence outranks commit-level evidence.
    fn strength(self) -> u8 {
        match self {
            AiSource::GitAiNote | AiSource::GitAiWorkingLog => 3,
            AiSource::AgentTrace => 2,
            AiSource::CommitTrailer | AiSource::CommitAuthor => 1,
        }
    }
}

/// Evidence that an AI tool wrote a line.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct AiAttribution {
    pub source: AiSource,
    /// The tool (and model, where known): "claude", "cursor (claude-4.5-opus)".
    pub tool: String,
    /// The evidence in words: "git-ai note on commit a1b2c3d".
    pub evidence: String,
}

impl AiAttribution {
    /// The stronger of two attributions (the first on a tie).
    pub fn stronger(
        a: Option<Arc<AiAttribution>>,
        b: Option<Arc<AiAttribution>>,
    ) -> Option<Arc<AiAttribution>> {
        match (a, b) {
            (Some(a), Some(b)) => Some(if b.source.strength() > a.source.strength() {
                b
            } else {
                a
            }),
            (a, b) => a.or(b),
        }
    }
}

/// The commit that last changed a line (by blame of HEAD).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct CommitInfo {
    /// Abbreviated id (7 hex digits).
    pub id: String,
    /// `Name <e-mail>` of the author.
    pub author: String,
    pub email: String,
    /// AI evidence on the commit as a whole (trailers, author).
    #[serde(skip)]
    pub ai: Option<Arc<AiAttribution>>,
}

/// How a line stands against the base it is compared with.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "base")]
pub enum Change {
    /// Differs from HEAD in the working tree or editor buffer.
    Uncommitted,
    /// Changed since a revision (`check --diff <rev>`).
    SinceRevision(String),
}

/// What is known about one line.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct LineFacts {
    pub ai: Option<Arc<AiAttribution>>,
    pub change: Option<Change>,
    /// Inserted by a single large edit in this editor session (a hint, never proof).
    pub bulk_insertion: bool,
    pub commit: Option<Arc<CommitInfo>>,
}

/// What is known about the lines of one file's current text.
#[derive(Clone, Debug, Default)]
pub struct FileFacts {
    /// Indexed by 0-based line; lines past the end have no facts.
    pub lines: Vec<LineFacts>,
    /// Whether a repository was read at all (otherwise nothing is known, not "unchanged").
    pub known: bool,
}

impl FileFacts {
    pub fn unknown() -> FileFacts {
        FileFacts::default()
    }

    /// The combined facts of lines `lines` (a finding may span several): the strongest AI
    /// evidence, any change, the commit of the first line.
    pub fn for_lines(&self, lines: Range<usize>) -> LineFacts {
        let mut combined = LineFacts::default();
        for facts in self
            .lines
            .get(lines.start..lines.end.min(self.lines.len()))
            .unwrap_or(&[])
        {
            combined.ai = AiAttribution::stronger(combined.ai.take(), facts.ai.clone());
            if combined.change.is_none() {
                combined.change = facts.change.clone();
            }
            combined.bulk_insertion |= facts.bulk_insertion;
            if combined.commit.is_none() {
                combined.commit = facts.commit.clone();
            }
        }
        combined
    }
}

/// A finding's provenance as reported: the facts, the policy class they put it in, and a sentence.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Provenance {
    pub ai: Option<Arc<AiAttribution>>,
    pub change: Option<Change>,
    pub bulk_insertion: bool,
    pub commit: Option<Arc<CommitInfo>>,
    /// The `[policy]` key that set the severity.
    pub policy: PolicyClass,
    /// "added in the uncommitted change; commit a1b2c3d co-authored by Claude".
    pub summary: String,
    /// Why a `reviewed` directive does not count under `--four-eyes`.
    pub review_rejected: Option<String>,
}

impl Provenance {
    pub fn new(facts: LineFacts, policy: PolicyClass) -> Provenance {
        let summary = describe(&facts);
        Provenance {
            ai: facts.ai,
            change: facts.change,
            bulk_insertion: facts.bulk_insertion,
            commit: facts.commit,
            policy,
            summary,
            review_rejected: None,
        }
    }

    /// Whether anything is known (a repository was read, or an editor hint exists).
    pub fn is_known(&self) -> bool {
        self.policy != PolicyClass::Unknown || self.bulk_insertion
    }

    /// The evidence as the JSON report's `provenance` array, strongest first.
    pub fn evidence(&self) -> Vec<serde_json::Value> {
        use serde_json::json;
        let mut items = Vec::new();
        if let Some(ai) = &self.ai {
            items.push(json!({"kind": ai.source.name(), "tool": ai.tool, "detail": ai.evidence}));
        }
        if self.bulk_insertion {
            items.push(json!({"kind": "bulk-insertion", "detail": "inserted as one block in this editor session"}));
        }
        match &self.change {
            Some(Change::Uncommitted) => {
                items.push(json!({"kind": "uncommitted", "detail": "differs from HEAD"}));
            }
            Some(Change::SinceRevision(rev)) => {
                items.push(json!({"kind": "changed-since", "revision": rev, "detail": format!("changed since {rev}")}));
            }
            None => {}
        }
        if let Some(commit) = &self.commit {
            items.push(json!({"kind": "commit", "id": commit.id, "author": commit.author, "detail": format!("last changed in commit {} by {}", commit.id, commit.author)}));
        }
        items
    }
}

/// The 0-based first and last line of a finding.
pub fn finding_lines(lines: &LineIndex, finding: &Finding) -> (usize, usize) {
    let first = lines.line_of(finding.range.start);
    let last = lines.line_of(finding.range.end.max(finding.range.start + 1) - 1);
    (first, last)
}

/// Sets each finding's severity by `policy` from the facts of its lines, and records its
/// provenance. Findings must come fresh from the analysis (their severity is the rule's).
pub fn judge(
    findings: &mut [Finding],
    lines: &LineIndex,
    rules: &RuleSet,
    facts: &FileFacts,
    policy: &Policy,
) {
    for finding in findings {
        let rule = rules.get(&finding.rule);
        let scope = rule.map_or(Scope::Process, |r| r.scope);
        let (first, last) = finding_lines(lines, finding);
        let mut line_facts = facts.for_lines(first..last + 1);
        // A diff finding is about the edit itself, even on a line the edit kept (a guard
        // removed is reported on its block's unchanged first line): it is judged as changed,
        // never as settled code.
        if rule.is_some_and(|r| r.is_diff()) && line_facts.change.is_none() {
            line_facts.change = Some(
                facts
                    .lines
                    .iter()
                    .find_map(|l| l.change.clone())
                    .unwrap_or(Change::Uncommitted),
            );
        }
        let (severity, class) = policy.apply(
            scope,
            finding.severity,
            &finding.review,
            &line_facts,
            facts.known,
        );
        finding.severity = severity;
        finding.provenance = Some(Arc::new(Provenance::new(line_facts, class)));
    }
}

/// The facts in one sentence, strongest evidence first.
pub fn describe(facts: &LineFacts) -> String {
    let mut parts: Vec<String> = Vec::new();
    match &facts.change {
        Some(Change::Uncommitted) => parts.push("added in the uncommitted change".into()),
        Some(Change::SinceRevision(rev)) => parts.push(format!("changed since {rev}")),
        None => {}
    }
    if facts.bulk_insertion {
        parts.push("inserted as one block in this editor session".into());
    }
    if let Some(ai) = &facts.ai {
        parts.push(format!("written by {} ({})", ai.tool, ai.evidence));
    }
    if let Some(commit) = &facts.commit {
        let mut text = format!("commit {} by {}", commit.id, commit.author);
        if let Some(ai) = commit.ai.as_ref().filter(|c| facts.ai.as_ref() != Some(*c)) {
            let _ = write!(text, ", {}", ai.evidence);
        }
        parts.push(text);
    }
    if parts.is_empty() {
        return "no provenance known".into();
    }
    parts.join("; ")
}

/// AI tools named in tool trailers (`Assisted-by:`, `Generated-by:`, `AI-Tool:`): a lowercase
/// word of the value and the tool's display name.
const AI_MARKERS: &[(&str, &str)] = &[
    ("claude", "Claude"),
    ("copilot", "GitHub Copilot"),
    ("codex", "OpenAI Codex"),
    ("chatgpt", "ChatGPT"),
    ("gpt", "OpenAI GPT"),
    ("openai", "OpenAI"),
    ("aider", "aider"),
    ("cursor", "Cursor"),
    ("devin", "Devin"),
    ("gemini", "Gemini"),
    ("jules", "Jules"),
    ("amazon q", "Amazon Q"),
    ("codewhisperer", "Amazon CodeWhisperer"),
    ("windsurf", "Windsurf"),
    ("codeium", "Codeium"),
    ("opencode", "opencode"),
    ("tabnine", "Tabnine"),
    ("cline", "Cline"),
    ("llm", "an LLM"),
];

/// E-mail addresses (or their distinctive parts) that agents commit or co-author with.
const AGENT_EMAILS: &[(&str, &str)] = &[
    ("noreply@anthropic.com", "Claude"),
    ("+copilot@users.noreply.github.com", "GitHub Copilot"),
    ("copilot-swe-agent[bot]", "GitHub Copilot"),
    ("cursoragent@cursor.com", "Cursor"),
    ("aider@aider.chat", "aider"),
    ("noreply@aider.chat", "aider"),
    ("codex@openai.com", "OpenAI Codex"),
    ("noreply@openai.com", "OpenAI"),
    ("devin-ai-integration[bot]", "Devin"),
    ("google-labs-jules[bot]", "Jules"),
    ("gemini-code-assist[bot]", "Gemini"),
    ("amp@ampcode.com", "Amp"),
];

/// Co-author names that are agents, compared whole (a person called Claude Dupont is not one).
const AGENT_NAMES: &[(&str, &str)] = &[
    ("claude", "Claude"),
    ("claude code", "Claude"),
    ("copilot", "GitHub Copilot"),
    ("github copilot", "GitHub Copilot"),
    ("codex", "OpenAI Codex"),
    ("openai codex", "OpenAI Codex"),
    ("chatgpt", "ChatGPT"),
    ("aider", "aider"),
    ("cursor", "Cursor"),
    ("cursor agent", "Cursor"),
    ("devin", "Devin"),
    ("devin ai", "Devin"),
    ("gemini", "Gemini"),
    ("gemini code assist", "Gemini"),
    ("jules", "Jules"),
    ("amazon q", "Amazon Q"),
    ("amazon q developer", "Amazon Q"),
    ("windsurf", "Windsurf"),
    ("opencode", "opencode"),
    ("amp", "Amp"),
];

/// Name prefixes of models that sign as co-authors ("Claude Opus 4.1", "GPT-5").
const MODEL_PREFIXES: &[(&str, &str)] = &[
    ("claude opus", "Claude"),
    ("claude sonnet", "Claude"),
    ("claude haiku", "Claude"),
    ("claude-", "Claude"),
    ("gpt-", "OpenAI GPT"),
    ("gemini-", "Gemini"),
    ("gemini ", "Gemini"),
];

/// Trailers that name a tool that helped write a commit.
const TOOL_TRAILERS: &[&str] = &["assisted-by", "generated-by", "ai-tool", "ai-assisted-by"];

fn agent_by_email(email: &str) -> Option<&'static str> {
    let email = email.trim().to_ascii_lowercase();
    AGENT_EMAILS
        .iter()
        .find(|(fragment, _)| email.contains(fragment))
        .map(|(_, tool)| *tool)
}

fn agent_by_name(name: &str) -> Option<&'static str> {
    let name = name.trim().to_ascii_lowercase();
    AGENT_NAMES
        .iter()
        .find(|(known, _)| name == *known)
        .or_else(|| {
            MODEL_PREFIXES
                .iter()
                .find(|(prefix, _)| name.starts_with(prefix))
        })
        .map(|(_, tool)| *tool)
}

fn tool_in(text: &str) -> Option<&'static str> {
    let lower = text.to_ascii_lowercase();
    AI_MARKERS
        .iter()
        .find(|(fragment, _)| {
            // Whole-word match, so "clineage" or "codexes" do not count.
            lower.match_indices(fragment).any(|(at, _)| {
                let before = lower[..at].chars().next_back();
                let after = lower[at + fragment.len()..].chars().next();
                !before.is_some_and(|c| c.is_ascii_alphanumeric())
                    && !after.is_some_and(|c| c.is_ascii_alphabetic())
            })
        })
        .map(|(_, tool)| *tool)
}

/// `Name <e-mail>` split; either part may be empty.
fn name_and_email(value: &str) -> (&str, &str) {
    match value.split_once('<') {
        Some((name, rest)) => (name.trim(), rest.trim_end().trim_end_matches('>').trim()),
        None => (value.trim(), ""),
    }
}

/// AI evidence on a commit: its author (an aider name, an agent's address or bot account) or
/// its trailers (an agent as `Co-authored-by:`, a tool in `Assisted-by:` and the like).
pub fn commit_ai(
    author_name: &str,
    author_email: &str,
    message: &str,
    id: &str,
) -> Option<AiAttribution> {
    if author_name.trim_end().ends_with("(aider)") {
        return Some(AiAttribution {
            source: AiSource::CommitAuthor,
            tool: "aider".into(),
            evidence: format!("commit {id} authored as `{}`", author_name.trim()),
        });
    }
    let bot = author_name.trim_end().ends_with("[bot]");
    let by_author = agent_by_email(author_email).or_else(|| {
        bot.then(|| tool_in(author_name.trim_end().trim_end_matches("[bot]")))
            .flatten()
    });
    if let Some(tool) = by_author {
        return Some(AiAttribution {
            source: AiSource::CommitAuthor,
            tool: tool.into(),
            evidence: format!("commit {id} authored by {author_name} <{author_email}>"),
        });
    }
    for line in trailer_block(message) {
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let lower = key.trim().to_ascii_lowercase();
        let tool = if lower == "co-authored-by" {
            let (name, email) = name_and_email(value);
            agent_by_email(email).or_else(|| agent_by_name(name))
        } else if TOOL_TRAILERS.contains(&lower.as_str()) {
            tool_in(value)
        } else {
            None
        };
        if let Some(tool) = tool {
            return Some(AiAttribution {
                source: AiSource::CommitTrailer,
                tool: tool.into(),
                evidence: format!("commit {id} has `{}: {}`", key.trim(), value.trim()),
            });
        }
    }
    None
}

/// The lines of a commit message's last paragraph (where git puts trailers).
fn trailer_block(message: &str) -> impl Iterator<Item = &str> {
    let trimmed = message.trim_end();
    let start = trimmed.rfind("\n\n").map_or(0, |at| at + 2);
    trimmed[start..].lines()
}

/// Lines inserted by single large edits in an editor session, remembered by content so they
/// are still recognised after edits above them move them.
#[derive(Clone, Debug, Default)]
pub struct BulkLines {
    hashes: HashSet<u64>,
}

impl BulkLines {
    /// Remembers the lines of `inserted` when it spans at least `threshold` lines.
    pub fn record(&mut self, inserted: &str, threshold: usize) -> bool {
        if threshold == 0 || inserted.lines().count() < threshold {
            return false;
        }
        for line in inserted.lines() {
            if let Some(hash) = line_hash(line) {
                self.hashes.insert(hash);
            }
        }
        true
    }

    pub fn contains(&self, line: &str) -> bool {
        line_hash(line).is_some_and(|h| self.hashes.contains(&h))
    }

    pub fn is_empty(&self) -> bool {
        self.hashes.is_empty()
    }
}

/// A line's identity for [`BulkLines`]: blank lines and lone punctuation do not count.
fn line_hash(line: &str) -> Option<u64> {
    let line = line.trim();
    if !line.chars().any(char::is_alphanumeric) {
        return None;
    }
    let mut hasher = DefaultHasher::new();
    line.hash(&mut hasher);
    Some(hasher.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commit_evidence() {
        let trailer = commit_ai(
            "Ann",
            "ann@example.com",
            "Fix cleanup\n\nLonger text.\n\nCo-authored-by: Claude <noreply@anthropic.com>\n",
            "a1b2c3d",
        )
        .map(|a| (a.source, a.tool));
        assert_eq!(
            trailer,
            Some((AiSource::CommitTrailer, "Claude".to_string()))
        );
        let aider = commit_ai("Ann (aider)", "ann@example.com", "x", "a1b2c3d").map(|a| a.tool);
        assert_eq!(aider.as_deref(), Some("aider"));
        let agent = commit_ai(
            "Copilot",
            "198982749+Copilot@users.noreply.github.com",
            "x",
            "a1b2c3d",
        )
        .map(|a| a.tool);
        assert_eq!(agent.as_deref(), Some("GitHub Copilot"));
        let tool = commit_ai("Ann", "a@x", "T\n\nAssisted-by: Gemini 2.5 Pro", "1").map(|a| a.tool);
        assert_eq!(tool.as_deref(), Some("Gemini"));
        let model = commit_ai(
            "Ann",
            "a@x",
            "T\n\nCo-authored-by: Claude Opus 4.1 <x@y>",
            "1",
        );
        assert!(model.is_some());
        // People who share a name with a tool are people.
        assert!(commit_ai("Claude Dupont", "claude@dupont.fr", "T", "1").is_none());
        assert!(
            commit_ai(
                "Ann",
                "a@x",
                "T\n\nCo-authored-by: Claude Dupont <claude@dupont.fr>",
                "1"
            )
            .is_none()
        );
        let bot = commit_ai(
            "copilot-swe-agent[bot]",
            "198982749+copilot-swe-agent[bot]@users.noreply.github.com",
            "x",
            "a1b2c3d",
        )
        .map(|a| a.tool);
        assert_eq!(bot.as_deref(), Some("GitHub Copilot"));
        // A human co-author, and a trailer only in the body, are not AI evidence.
        assert!(commit_ai("Ann", "a@x", "T\n\nCo-authored-by: Bob <bob@x>", "1").is_none());
        assert!(
            commit_ai(
                "Ann",
                "a@x",
                "Ask claude later\n\nSigned-off-by: Ann <a@x>",
                "1"
            )
            .is_none()
        );
        assert!(commit_ai("Ann", "a@x", "T\n\nCo-authored-by: Clineage <c@x>", "1").is_none());
    }

    #[test]
    fn bulk_lines_survive_moves_and_ignore_short_edits() {
        let mut bulk = BulkLines::default();
        assert!(!bulk.record("a\nb\n", 8));
        let block = (0..8)
            .map(|i| format!("rm -rf /srv/{i}\n"))
            .collect::<String>();
        assert!(bulk.record(&block, 8));
        assert!(bulk.contains("  rm -rf /srv/3"));
        assert!(!bulk.contains("rm -rf /srv/9"));
        assert!(!bulk.contains("}"));
    }
}
