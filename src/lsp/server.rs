//! The server state and the `LanguageServer` implementation: each method routes to the file that
//! implements the feature. Document notifications mutate state before their first `await`, so
//! they apply in the order they arrive; every piece of analysis runs under `catch_unwind`.

use std::panic::{self, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};

use dashmap::DashMap;
use dashmap::mapref::one::Ref;
use serde_json::Value;
use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer};

use super::document::{Document, detect_language};
use super::position::Encoding;
use super::settings::{ConfigCache, ConfigProblem, EditorSettings, line_of};
use super::{code_action, code_lens, commands, diagnostics, hover};
use crate::provenance::git::Repo;
use crate::workspace::Settings;

/// How many documents keep their parse trees (the most recently opened or edited).
pub const KEEP_TREES: usize = 16;

pub struct Backend {
    pub(super) client: Client,
    pub(super) documents: DashMap<Uri, Document>,
    /// Per document: the analysis generation last published, behind a lock that keeps
    /// publications of one document in order.
    published: DashMap<Uri, Arc<tokio::sync::Mutex<u64>>>,
    /// Bumped on every analysis, so a publication knows whether it has something new.
    generation: DashMap<Uri, u64>,
    next_generation: AtomicU64,
    /// The documents that keep their parse trees, most recently used first (at most
    /// [`KEEP_TREES`]).
    recent: Mutex<std::collections::VecDeque<Uri>>,
    pub(super) encoding: RwLock<Encoding>,
    pull_diagnostics: AtomicBool,
    /// The client takes `workspace/codeLens/refresh` (`workspace.codeLens.refreshSupport`).
    code_lens_refresh: AtomicBool,
    /// The client takes `workspace/diagnostic/refresh`.
    diagnostic_refresh: AtomicBool,
    watch_registration: AtomicBool,
    pub(super) editor: RwLock<EditorSettings>,
    configs: Mutex<ConfigCache>,
    pub(super) roots: RwLock<Vec<PathBuf>>,
}

impl Backend {
    pub fn new(client: Client) -> Backend {
        Backend {
            client,
            documents: DashMap::new(),
            published: DashMap::new(),
            generation: DashMap::new(),
            next_generation: AtomicU64::new(1),
            recent: Mutex::new(std::collections::VecDeque::new()),
            encoding: RwLock::new(Encoding::Utf16),
            pull_diagnostics: AtomicBool::new(false),
            code_lens_refresh: AtomicBool::new(false),
            diagnostic_refresh: AtomicBool::new(false),
            watch_registration: AtomicBool::new(false),
            editor: RwLock::new(EditorSettings::default()),
            configs: Mutex::new(ConfigCache::default()),
            roots: RwLock::new(Vec::new()),
        }
    }

    /// Marks a document as the most recently used and frees the parse trees of those past the
    /// [`KEEP_TREES`] most recent: a tree is ~10 MB for a 10,000-line file, the text a few
    /// hundred KB. A document whose tree was freed is parsed and queried whole on its next edit.
    fn touch(&self, uri: &Uri) {
        let released: Vec<Uri> = {
            let mut recent = self.recent.lock().unwrap_or_else(|e| e.into_inner());
            recent.retain(|u| u != uri);
            recent.push_front(uri.clone());
            let excess = recent.len().saturating_sub(KEEP_TREES);
            (0..excess).filter_map(|_| recent.pop_back()).collect()
        };
        for old in released {
            if let Some(mut document) = self.documents.get_mut(&old) {
                document.release_trees();
            }
        }
    }

    /// Asks the client to re-request code lenses, if it says it takes such requests. The
    /// answer is not waited for in the handler: a client that never answers must not hold up
    /// the handler, or `exit`.
    fn refresh_code_lenses(&self) {
        if !self.code_lens_refresh.load(Ordering::Relaxed) {
            return;
        }
        let client = self.client.clone();
        tokio::spawn(async move {
            let _ = client.code_lens_refresh().await;
        });
    }

    pub(super) fn encoding(&self) -> Encoding {
        *self.encoding.read().unwrap_or_else(|e| e.into_inner())
    }

    pub(super) fn editor(&self) -> EditorSettings {
        self.editor
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    fn settings_for(&self, uri: &Uri) -> (Arc<Settings>, Vec<ConfigProblem>) {
        let path = uri.to_file_path().map(|p| p.into_owned());
        self.configs
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .for_path(path.as_deref())
    }

    fn bump(&self, uri: &Uri) {
        let generation = self.next_generation.fetch_add(1, Ordering::Relaxed);
        self.generation.insert(uri.clone(), generation);
    }

    /// Runs `work`, turning a panic into a logged error so one bug never ends the server.
    /// The error is also sent to the client's log, naming the document and, when the panic
    /// came from a rule evaluation, the rule.
    pub(super) fn guarded<T>(&self, what: &str, uri: &Uri, work: impl FnOnce() -> T) -> Option<T> {
        let work = || {
            #[cfg(debug_assertions)]
            super::injected_panic(what);
            work()
        };
        match panic::catch_unwind(AssertUnwindSafe(work)) {
            Ok(value) => Some(value),
            Err(payload) => {
                let detail = payload
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| payload.downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                let rule = crate::analysis::take_panicked_rule()
                    .map(|rule| format!(" (rule {rule})"))
                    .unwrap_or_default();
                let message = format!(
                    "internal error in {what} for {}{rule}: {detail}",
                    uri.as_str()
                );
                tracing::error!("{message}");
                if let Ok(runtime) = tokio::runtime::Handle::try_current() {
                    let client = self.client.clone();
                    runtime.spawn(async move {
                        client.log_message(MessageType::ERROR, message).await;
                    });
                }
                None
            }
        }
    }

    /// The answer to a request whose handler panicked (the panic is already logged).
    fn failed(what: &str, uri: &Uri) -> Error {
        Error {
            code: tower_lsp_server::jsonrpc::ErrorCode::InternalError,
            message: format!(
                "blast-radius: internal error in {what} for {}; see the server log",
                uri.as_str()
            )
            .into(),
            data: None,
        }
    }

    /// An open document, its analysis brought up to date with its last change.
    pub(super) fn current(&self, uri: &Uri) -> Option<Ref<'_, Uri, Document>> {
        let mut document = self.documents.get_mut(uri)?;
        if document.is_pending() {
            self.guarded("analysis", uri, || document.refresh());
        }
        Some(document.downgrade())
    }

    /// Publishes the current diagnostics of a document (push mode), in order per document and
    /// never for an analysis older than one already published.
    pub(super) async fn publish(&self, uri: &Uri) {
        if self.pull_diagnostics.load(Ordering::Relaxed) {
            return;
        }
        let lock = self.published.entry(uri.clone()).or_default().clone();
        let mut last = lock.lock().await;
        let generation = self.generation.get(uri).map_or(0, |g| *g);
        if generation <= *last {
            return;
        }
        let editor = self.editor();
        let encoding = self.encoding();
        // The analysis happens here, once, for every change that arrived while an earlier
        // publication of this document held the lock.
        let payload = self.current(uri).and_then(|document| {
            self.guarded("diagnostics", uri, || {
                (
                    document.version,
                    diagnostics::for_document(&document, uri, encoding, &editor),
                )
            })
        });
        let Some((version, items)) = payload else {
            return;
        };
        *last = generation;
        self.client
            .publish_diagnostics(uri.clone(), items, Some(version))
            .await;
    }

    async fn report_config_problems(&self, problems: Vec<ConfigProblem>) {
        for problem in problems {
            let message = format!("blast-radius: {}", problem.message);
            self.client.show_message(MessageType::ERROR, &message).await;
            if let Some(uri) = Uri::from_file_path(&problem.path) {
                let line = line_of(&problem.message);
                let range = Range::new(Position::new(line, 0), Position::new(line, u32::MAX));
                let diagnostic = Diagnostic {
                    range,
                    severity: Some(DiagnosticSeverity::ERROR),
                    source: Some("blast-radius".into()),
                    message: problem.message,
                    ..Default::default()
                };
                self.client
                    .publish_diagnostics(uri, vec![diagnostic], None)
                    .await;
            }
        }
    }

    /// The severity policy and bulk-insertion threshold for a document.
    fn configure(&self, document: &mut Document, settings: &Settings) {
        let editor = self.editor();
        let mut policy = settings.config.policy;
        if let Some(overrides) = &editor.policy {
            let (merged, problems) = policy.with_json(overrides);
            for problem in problems {
                tracing::warn!("{problem}");
            }
            policy = merged;
        }
        document.policy = policy;
        document.bulk_threshold = editor.bulk_insert_lines;
    }

    /// Reads what HEAD says about a document's file (blame, AI authorship records) off the
    /// request path, then re-judges and republishes it. With provenance off, forgets it.
    pub(super) async fn load_base(&self, uri: &Uri) {
        self.load_plan(uri).await;
        let enabled = self.editor().provenance && self.settings_for(uri).0.config.provenance;
        let path = uri.to_file_path().map(|p| p.into_owned());
        let base = match (enabled, path) {
            (true, Some(path)) => {
                let started = std::time::Instant::now();
                let read = tokio::task::spawn_blocking(move || {
                    panic::catch_unwind(AssertUnwindSafe(|| {
                        Repo::discover(&path).map(|mut repo| Arc::new(repo.base(&path, None)))
                    }))
                    .ok()
                    .flatten()
                })
                .await
                .ok()
                .flatten();
                tracing::debug!(
                    "provenance of {} read in {:?}",
                    uri.as_str(),
                    started.elapsed()
                );
                read
            }
            _ => None,
        };
        {
            let Some(mut document) = self.documents.get_mut(uri) else {
                return;
            };
            if base.is_none() && document.base().is_none() {
                // Nothing known before or now (no repository, provenance off): nothing to
                // re-judge or publish again.
                return;
            }
            self.guarded("provenance", uri, || document.set_base(base));
        }
        self.bump(uri);
        self.publish(uri).await;
        self.refresh_code_lenses();
    }

    /// Reads the Terraform plans (`terraform show -json` output) of a `.tf` document's module,
    /// off the request path; a plan that cannot be read is reported to the user.
    async fn load_plan(&self, uri: &Uri) {
        let Some(path) = uri.to_file_path().map(|p| p.into_owned()) else {
            return;
        };
        if !crate::plan_files::is_terraform_file(&path) {
            return;
        }
        let settings = self.settings_for(uri).0;
        let file = path.clone();
        let read = tokio::task::spawn_blocking(move || {
            let dir = file.parent()?.to_path_buf();
            panic::catch_unwind(AssertUnwindSafe(|| {
                crate::plan_files::module_plan(&dir, &settings.config, &settings.root)
            }))
            .ok()
        })
        .await
        .ok()
        .flatten();
        let (plan, errors) = read.unwrap_or_default();
        for (plan_file, message) in errors {
            let message = format!("blast-radius: {plan_file}: {message}");
            tracing::warn!("{message}");
            self.client
                .show_message(MessageType::WARNING, message)
                .await;
        }
        {
            let Some(mut document) = self.documents.get_mut(uri) else {
                return;
            };
            if plan.is_none() && document.plan.is_none() {
                return;
            }
            let plan = plan.map(|plan| (Arc::new(plan), path));
            self.guarded("terraform plan", uri, || document.set_plan(plan));
        }
        self.bump(uri);
        self.publish(uri).await;
        self.refresh_code_lenses();
    }

    /// Re-reads configuration for every open document and re-analyses them all.
    async fn reload_all(&self) {
        self.configs
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .invalidate();
        let uris: Vec<Uri> = self.documents.iter().map(|d| d.key().clone()).collect();
        let recent = self
            .recent
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        let mut problems = Vec::new();
        for uri in &uris {
            let (settings, found) = self.settings_for(uri);
            problems.extend(found);
            if let Some(mut document) = self.documents.get_mut(uri) {
                self.guarded("reload", uri, || {
                    self.configure(&mut document, &settings);
                    document.set_rules(settings.rules.clone());
                    if !recent.contains(uri) {
                        document.release_trees();
                    }
                });
            }
            self.bump(uri);
        }
        problems.sort_by(|a, b| (&a.path, &a.message).cmp(&(&b.path, &b.message)));
        problems.dedup_by(|a, b| a.path == b.path && a.message == b.message);
        self.report_config_problems(problems).await;
        for uri in &uris {
            self.publish(uri).await;
        }
        if self.pull_diagnostics.load(Ordering::Relaxed)
            && self.diagnostic_refresh.load(Ordering::Relaxed)
        {
            let client = self.client.clone();
            tokio::spawn(async move {
                let _ = client.workspace_diagnostic_refresh().await;
            });
        }
        self.refresh_code_lenses();
        for uri in &uris {
            self.load_base(uri).await;
        }
    }

    async fn register_watchers(&self) {
        let watchers = [
            "**/blast-radius.toml",
            "**/*.scm",
            "**/rules/*.toml",
            "**/.git/HEAD",
            "**/.git/refs/heads/**",
            "**/.git/packed-refs",
            "**/.git/refs/notes/ai",
            "**/.agent-trace/traces.jsonl",
            "**/*.tfplan.json",
        ]
        .into_iter()
        .map(|glob| FileSystemWatcher {
            glob_pattern: GlobPattern::String(glob.into()),
            kind: None,
        })
        .collect();
        let options = DidChangeWatchedFilesRegistrationOptions { watchers };
        let registration = Registration {
            id: "blast-radius-config-watch".into(),
            method: "workspace/didChangeWatchedFiles".into(),
            register_options: serde_json::to_value(options).ok(),
        };
        if let Err(err) = self.client.register_capability(vec![registration]).await {
            tracing::warn!("could not register file watchers: {err}");
        }
    }
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let capabilities = &params.capabilities;
        let offered = capabilities
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_deref());
        let encoding = Encoding::negotiate(offered);
        *self.encoding.write().unwrap_or_else(|e| e.into_inner()) = encoding;
        let pull = capabilities
            .text_document
            .as_ref()
            .is_some_and(|t| t.diagnostic.is_some());
        self.pull_diagnostics.store(pull, Ordering::Relaxed);
        let workspace = capabilities.workspace.as_ref();
        self.code_lens_refresh.store(
            workspace
                .and_then(|w| w.code_lens.as_ref())
                .and_then(|c| c.refresh_support)
                .unwrap_or(false),
            Ordering::Relaxed,
        );
        self.diagnostic_refresh.store(
            workspace
                .and_then(|w| w.diagnostics.as_ref())
                .and_then(|d| d.refresh_support)
                .unwrap_or(false),
            Ordering::Relaxed,
        );
        let dynamic_watch = capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|w| w.dynamic_registration)
            .unwrap_or(false);
        self.watch_registration
            .store(dynamic_watch, Ordering::Relaxed);
        *self.editor.write().unwrap_or_else(|e| e.into_inner()) =
            EditorSettings::from_json(params.initialization_options.as_ref());
        let mut roots: Vec<PathBuf> = params
            .workspace_folders
            .iter()
            .flatten()
            .filter_map(|f| f.uri.to_file_path().map(|p| p.into_owned()))
            .collect();
        #[allow(deprecated)]
        if roots.is_empty() {
            roots.extend(
                params
                    .root_uri
                    .as_ref()
                    .and_then(|u| u.to_file_path().map(|p| p.into_owned())),
            );
        }
        *self.roots.write().unwrap_or_else(|e| e.into_inner()) = roots;

        let diagnostic_provider = pull.then(|| {
            DiagnosticServerCapabilities::Options(DiagnosticOptions {
                identifier: Some("blast-radius".into()),
                inter_file_dependencies: false,
                workspace_diagnostics: false,
                work_done_progress_options: WorkDoneProgressOptions::default(),
            })
        });
        Ok(InitializeResult {
            capabilities: ServerCapabilities {
                position_encoding: Some(encoding.kind()),
                text_document_sync: Some(TextDocumentSyncCapability::Options(
                    TextDocumentSyncOptions {
                        open_close: Some(true),
                        change: Some(TextDocumentSyncKind::INCREMENTAL),
                        ..Default::default()
                    },
                )),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                code_action_provider: Some(CodeActionProviderCapability::Options(
                    CodeActionOptions {
                        code_action_kinds: Some(vec![
                            CodeActionKind::QUICKFIX,
                            code_action::REQUEST_REVIEW_KIND,
                        ]),
                        resolve_provider: Some(false),
                        work_done_progress_options: WorkDoneProgressOptions::default(),
                    },
                )),
                code_lens_provider: Some(CodeLensOptions {
                    resolve_provider: Some(false),
                }),
                execute_command_provider: Some(ExecuteCommandOptions {
                    commands: vec![
                        commands::REQUEST_REVIEW_ALL.into(),
                        commands::SCAN_WORKSPACE.into(),
                    ],
                    work_done_progress_options: WorkDoneProgressOptions::default(),
                }),
                diagnostic_provider,
                workspace: Some(WorkspaceServerCapabilities {
                    workspace_folders: Some(WorkspaceFoldersServerCapabilities {
                        supported: Some(true),
                        change_notifications: Some(OneOf::Left(true)),
                    }),
                    file_operations: None,
                }),
                ..Default::default()
            },
            server_info: Some(ServerInfo {
                name: "blast-radius".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
            offset_encoding: None,
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        if self.watch_registration.load(Ordering::Relaxed) {
            self.register_watchers().await;
        }
    }

    async fn shutdown(&self) -> Result<()> {
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let item = params.text_document;
        let uri = item.uri;
        let (settings, problems) = self.settings_for(&uri);
        let path = uri
            .to_file_path()
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut language = detect_language(&item.language_id, &path, &item.text);
        let limit = settings.config.max_file_size;
        let oversized = (language.is_some() && item.text.len() as u64 > limit).then(|| {
            language = None;
            format!(
                "blast-radius: {} is not analysed: {} bytes is over the size limit of {limit} \
                 bytes (`max-file-size`)",
                uri.as_str(),
                item.text.len()
            )
        });
        let mut document =
            Document::unanalysed(language, item.version, item.text, settings.rules.clone());
        self.configure(&mut document, &settings);
        self.guarded("didOpen", &uri, || document.analyse_from_scratch());
        self.documents.insert(uri.clone(), document);
        self.touch(&uri);
        self.bump(&uri);
        if let Some(message) = oversized {
            tracing::warn!("{message}");
            self.client
                .show_message(MessageType::WARNING, message)
                .await;
        }
        self.report_config_problems(problems).await;
        self.publish(&uri).await;
        self.load_base(&uri).await;
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        let version = params.text_document.version;
        let encoding = self.encoding();
        let warnings = match self.documents.get_mut(&uri) {
            None => Some(vec![format!(
                "didChange for {}, which is not open: ignored until didOpen",
                uri.as_str()
            )]),
            Some(mut document) => {
                if version <= document.version {
                    tracing::warn!(
                        "didChange version {version} for {} is not newer than {}",
                        uri.as_str(),
                        document.version
                    );
                }
                self.guarded("didChange", &uri, || {
                    document.edit(params.content_changes, version, encoding)
                })
            }
        };
        self.touch(&uri);
        self.bump(&uri);
        for warning in warnings.into_iter().flatten() {
            tracing::warn!("{warning}");
            self.client.log_message(MessageType::WARNING, warning).await;
        }
        // Let the changes already received apply first: the publication then analyses the
        // latest text once, and the publications of the older versions have nothing to do.
        tokio::task::yield_now().await;
        self.publish(&uri).await;
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        self.documents.remove(&uri);
        self.recent
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .retain(|u| u != &uri);
        self.generation.remove(&uri);
        self.published.remove(&uri);
        if !self.pull_diagnostics.load(Ordering::Relaxed) {
            self.client.publish_diagnostics(uri, Vec::new(), None).await;
        }
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        // Clients that pull settings send `null`: nothing changed that the server can see.
        if params.settings.is_null() {
            return;
        }
        let settings = EditorSettings::from_json(Some(&params.settings));
        let changed = {
            let mut editor = self.editor.write().unwrap_or_else(|e| e.into_inner());
            let changed = *editor != settings;
            *editor = settings;
            changed
        };
        if changed {
            self.reload_all().await;
        }
    }

    async fn did_change_workspace_folders(&self, params: DidChangeWorkspaceFoldersParams) {
        let path = |f: &WorkspaceFolder| f.uri.to_file_path().map(|p| p.into_owned());
        let mut roots = self.roots.write().unwrap_or_else(|e| e.into_inner());
        let removed: Vec<PathBuf> = params.event.removed.iter().filter_map(path).collect();
        roots.retain(|root| !removed.contains(root));
        for added in params.event.added.iter().filter_map(path) {
            if !roots.contains(&added) {
                roots.push(added);
            }
        }
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        let history_only = params.changes.iter().all(|change| {
            let path = change.uri.as_str();
            path.contains("/.git/") || path.contains("/.agent-trace/")
        });
        if history_only && !params.changes.is_empty() {
            // HEAD moved (commit, checkout, reset) or AI records changed: re-read provenance.
            let uris: Vec<Uri> = self.documents.iter().map(|d| d.key().clone()).collect();
            for uri in &uris {
                self.load_base(uri).await;
            }
        } else {
            self.reload_all().await;
        }
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let position = params.text_document_position_params;
        let uri = position.text_document.uri;
        let Some(document) = self.current(&uri) else {
            return Ok(None);
        };
        let encoding = self.encoding();
        self.guarded("hover", &uri, || {
            hover::hover(&document, position.position, encoding)
        })
        .ok_or_else(|| Self::failed("hover", &uri))
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let uri = params.text_document.uri.clone();
        let reviewer = self.reviewer_name(&uri);
        let Some(document) = self.current(&uri) else {
            return Ok(None);
        };
        let encoding = self.encoding();
        let actions = self.guarded("codeAction", &uri, || {
            code_action::actions(&document, &uri, &params, encoding, reviewer.as_deref())
        });
        let actions = actions.ok_or_else(|| Self::failed("codeAction", &uri))?;
        Ok(Some(actions).filter(|a| !a.is_empty()))
    }

    async fn code_lens(&self, params: CodeLensParams) -> Result<Option<Vec<CodeLens>>> {
        let uri = params.text_document.uri;
        let Some(document) = self.current(&uri) else {
            return Ok(None);
        };
        self.guarded("codeLens", &uri, || code_lens::lenses(&document, &uri))
            .ok_or_else(|| Self::failed("codeLens", &uri))
    }

    async fn diagnostic(
        &self,
        params: DocumentDiagnosticParams,
    ) -> Result<DocumentDiagnosticReportResult> {
        let uri = params.text_document.uri;
        let editor = self.editor();
        let encoding = self.encoding();
        let Some(document) = self.current(&uri) else {
            return Err(Error::invalid_params(format!(
                "{} is not open",
                uri.as_str()
            )));
        };
        let report = self.guarded("diagnostic", &uri, || {
            diagnostics::pull_report(
                &document,
                &uri,
                encoding,
                &editor,
                params.previous_result_id.as_deref(),
            )
        });
        report.ok_or_else(|| Self::failed("diagnostic", &uri))
    }

    async fn execute_command(&self, params: ExecuteCommandParams) -> Result<Option<Value>> {
        commands::execute(self, params).await
    }
}

impl Backend {
    /// The reviewer's name: the editor setting, else `user.name` from git's configuration.
    pub(super) fn reviewer_name(&self, uri: &Uri) -> Option<String> {
        self.editor().reviewer_name.or_else(|| {
            let path = uri.to_file_path().map(|p| p.into_owned());
            crate::workspace::git_user_name(path.as_deref().and_then(|p| p.parent()))
        })
    }
}
