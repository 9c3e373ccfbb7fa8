//! The language server: a thin adapter over the analysis core on tower-lsp-server.
//!
//! - `server.rs`: the state and the one `LanguageServer` impl that routes each method;
//! - `document.rs`: open documents, incremental edits and re-analysis;
//! - `position.rs`: position encodings (the only place positions are converted);
//! - `diagnostics.rs`, `hover.rs`, `code_action.rs`, `code_lens.rs`, `commands.rs`: one file per
//!   feature, turning findings into protocol data;
//! - `settings.rs`: editor settings and `blast-radius.toml` per document, reloaded on change;
//! - `transport.rs`: drops malformed JSON-RPC frames before they reach the protocol layer.
//!
//! Architecture invariant: this is the only module that knows LSP types; it never writes a file
//! (every change is a `WorkspaceEdit` the client applies) and logs to stderr, never stdout.

mod code_action;
mod code_lens;
mod commands;
mod diagnostics;
pub mod document;
mod hover;
pub mod position;
mod server;
mod settings;
mod transport;

use tokio::io::{AsyncRead, AsyncWrite};
use tower_lsp_server::{LspService, Server};

pub use commands::{REQUEST_REVIEW_ALL, SCAN_WORKSPACE};
pub use server::{Backend, KEEP_TREES};

/// Serves LSP over stdin/stdout until `exit`; returns the process exit code.
pub fn run() -> u8 {
    let filter = tracing_subscriber::EnvFilter::try_from_env("BLAST_RADIUS_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
    let _ = tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(filter)
        .with_ansi(false)
        .try_init();
    #[cfg(debug_assertions)]
    if injection().is_some_and(|what| what.starts_with("rule:")) {
        let _ = crate::analysis::BEFORE_RULE_EVALUATION
            .set(|rule| injected_panic(&format!("rule:{rule}")));
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(err) => {
            tracing::error!("cannot start the async runtime: {err}");
            return 2;
        }
    };
    runtime.block_on(serve(tokio::io::stdin(), tokio::io::stdout()));
    // Reading stdin occupies a blocking thread that only returns when the client closes it;
    // after `exit` the server must not wait for that.
    runtime.shutdown_background();
    0
}

/// Serves LSP over any byte streams (stdio in production, an in-memory pipe in tests).
/// Incoming frames pass through [`transport::filter_frames`] first, so a malformed message is
/// dropped and logged instead of ending the connection.
pub async fn serve<I, O>(input: I, output: O)
where
    I: AsyncRead + Unpin + Send + 'static,
    O: AsyncWrite,
{
    let (filtered_writer, filtered_reader) = tokio::io::duplex(1 << 16);
    let filter = tokio::spawn(transport::filter_frames(input, filtered_writer));
    let (service, socket) = LspService::new(Backend::new);
    // Handlers in flight at once: a burst of changes to one document waits on that document's
    // publication lock and is analysed once, so more room means fewer analyses under load.
    Server::new(filtered_reader, output, socket)
        .concurrency_level(1024)
        .serve(service)
        .await;
    filter.abort();
}

/// Debug builds only: `BLAST_RADIUS_INJECT_PANIC=<what>` makes the guarded work named `what`
/// panic (a handler such as `hover`, `codeAction`, `didChange`, or `rule:<id>` for one rule's
/// evaluation), so tests can check that the guards hold. Release builds compile none of this:
/// neither workspace content nor the environment can make them panic on purpose.
#[cfg(debug_assertions)]
fn injection() -> Option<&'static str> {
    static INJECTION: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
    INJECTION
        .get_or_init(|| std::env::var("BLAST_RADIUS_INJECT_PANIC").ok())
        .as_deref()
}

#[cfg(debug_assertions)]
fn injected_panic(what: &str) {
    if injection() == Some(what) {
        panic!("panic injected into {what} (BLAST_RADIUS_INJECT_PANIC)");
    }
}
