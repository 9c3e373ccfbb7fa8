//! `workspace/executeCommand`: request review for every finding in a file (the code lens), and
//! scan the workspace folders in the background with `$/progress`.

use ropey::Rope;
use serde_json::Value;
use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types::*;

use super::code_action::request_review_all;
use super::diagnostics;
use super::server::Backend;
use crate::cli::check;

pub const REQUEST_REVIEW_ALL: &str = "blast-radius.requestReviewAll";
pub const SCAN_WORKSPACE: &str = "blast-radius.scanWorkspace";

pub async fn execute(backend: &Backend, params: ExecuteCommandParams) -> Result<Option<Value>> {
    match params.command.as_str() {
        REQUEST_REVIEW_ALL => {
            let uri = params
                .arguments
                .first()
                .and_then(Value::as_str)
                .and_then(|s| s.parse::<Uri>().ok())
                .ok_or_else(|| {
                    Error::invalid_params("expected the document URI as the first argument")
                })?;
            let encoding = backend.encoding();
            let edit = match backend.current(&uri) {
                Some(document) => backend.guarded("requestReviewAll", &uri, || {
                    request_review_all(&document, &uri, encoding)
                }),
                None => {
                    return Err(Error::invalid_params(format!(
                        "{} is not open",
                        uri.as_str()
                    )));
                }
            };
            if let Some(edit) = edit.flatten() {
                let applied = backend.client.apply_edit(edit).await?;
                return Ok(Some(Value::Bool(applied.applied)));
            }
            Ok(Some(Value::Bool(false)))
        }
        SCAN_WORKSPACE => {
            scan_workspace(backend, params.work_done_progress_params.work_done_token).await
        }
        other => Err(Error::invalid_params(format!("unknown command `{other}`"))),
    }
}

/// Checks every workspace folder with the CLI's scanner and publishes the findings of the files
/// that are not open (open ones are analysed live). Returns the number of findings.
async fn scan_workspace(backend: &Backend, token: Option<ProgressToken>) -> Result<Option<Value>> {
    let roots = backend
        .roots
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .clone();
    let token = match token {
        Some(token) => token,
        None => {
            let token = ProgressToken::String(format!("blast-radius-scan-{}", std::process::id()));
            let _ = backend
                .client
                .create_work_done_progress(token.clone())
                .await;
            token
        }
    };
    let progress = backend
        .client
        .progress(token, "blast-radius: scanning workspace")
        .with_percentage(0)
        .begin()
        .await;
    let encoding = backend.encoding();
    let editor = backend.editor();
    let mut total = 0usize;
    let mut files = 0usize;
    for (index, root) in roots.iter().enumerate() {
        progress
            .report_with_message(
                format!("{}", root.display()),
                (index * 100 / roots.len().max(1)) as u32,
            )
            .await;
        let paths = vec![root.clone()];
        let report = tokio::task::spawn_blocking(move || {
            check::run(
                &paths,
                None,
                &check::HistoryOptions {
                    provenance: true,
                    ..Default::default()
                },
            )
        })
        .await;
        let report = match report {
            Ok(Ok(report)) => report,
            Ok(Err(message)) => {
                backend
                    .client
                    .show_message(MessageType::ERROR, format!("blast-radius: {message}"))
                    .await;
                continue;
            }
            Err(err) => {
                tracing::error!("workspace scan of {} failed: {err}", root.display());
                continue;
            }
        };
        files += report.files_checked;
        for file in &report.files {
            let path = root.join(&file.path);
            let path = if std::path::Path::new(&file.path).is_absolute() {
                file.path.clone().into()
            } else {
                path
            };
            let Some(uri) = Uri::from_file_path(&path) else {
                continue;
            };
            if backend.documents.contains_key(&uri) {
                continue;
            }
            let rope = Rope::from_str(&file.text);
            let source = diagnostics::Source {
                uri: &uri,
                rope: &rope,
                rules: &file.rules,
                version: None,
            };
            let items = diagnostics::for_findings(&file.findings, &source, encoding, &editor);
            total += items.len();
            backend.client.publish_diagnostics(uri, items, None).await;
        }
    }
    progress
        .finish_with_message(format!("{total} findings in {files} files"))
        .await;
    Ok(Some(serde_json::json!({"findings": total, "files": files})))
}
