//! A minimal LSP client speaking real JSON-RPC frames, to the server in-process (over
//! `tokio::io::duplex`) or to the built binary (over its stdio). It answers the server's own
//! requests (`workspace/applyEdit` is recorded and accepted) and keeps notifications for
//! assertions.

use std::collections::VecDeque;
use std::time::Duration;

use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};

pub struct Client {
    reader: BufReader<Box<dyn AsyncRead + Unpin + Send>>,
    writer: Box<dyn AsyncWrite + Unpin + Send>,
    next_id: i64,
    pub notifications: VecDeque<Value>,
    pub applied_edits: Vec<Value>,
    pub server_requests: Vec<Value>,
}

const TIMEOUT: Duration = Duration::from_secs(20);

impl Client {
    pub fn new(
        reader: impl AsyncRead + Unpin + Send + 'static,
        writer: impl AsyncWrite + Unpin + Send + 'static,
    ) -> Client {
        Client {
            reader: BufReader::new(Box::new(reader)),
            writer: Box::new(writer),
            next_id: 1,
            notifications: VecDeque::new(),
            applied_edits: Vec::new(),
            server_requests: Vec::new(),
        }
    }

    /// A client connected to a fresh in-process server.
    pub fn in_process() -> Client {
        let (client_side, server_side) = tokio::io::duplex(1 << 20);
        let (server_read, server_write) = tokio::io::split(server_side);
        tokio::spawn(blast_radius::lsp::serve(server_read, server_write));
        let (read, write) = tokio::io::split(client_side);
        Client::new(read, write)
    }

    pub async fn send(&mut self, message: &Value) {
        let body = serde_json::to_vec(message).unwrap();
        let header = format!("Content-Length: {}\r\n\r\n", body.len());
        self.writer.write_all(header.as_bytes()).await.unwrap();
        self.writer.write_all(&body).await.unwrap();
        self.writer.flush().await.unwrap();
    }

    pub async fn send_raw(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).await.unwrap();
        self.writer.flush().await.unwrap();
    }

    async fn read_message(&mut self) -> Option<Value> {
        let mut length = None;
        loop {
            let mut line = String::new();
            if self.reader.read_line(&mut line).await.ok()? == 0 {
                return None;
            }
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(value) = line.strip_prefix("Content-Length: ") {
                length = value.parse::<usize>().ok();
            }
        }
        let mut body = vec![0; length?];
        self.reader.read_exact(&mut body).await.ok()?;
        serde_json::from_slice(&body).ok()
    }

    /// Reads one message; answers server requests; returns it.
    async fn pump(&mut self) -> Value {
        let message = tokio::time::timeout(TIMEOUT, self.read_message())
            .await
            .expect("timed out waiting for the server")
            .expect("the server closed the connection");
        if message.get("method").is_some() && message.get("id").is_some() {
            self.server_requests.push(message.clone());
            let result = match message["method"].as_str().unwrap() {
                "workspace/applyEdit" => {
                    self.applied_edits.push(message["params"]["edit"].clone());
                    json!({"applied": true})
                }
                _ => Value::Null,
            };
            self.send(&json!({"jsonrpc": "2.0", "id": message["id"], "result": result}))
                .await;
        } else if message.get("method").is_some() {
            self.notifications.push_back(message.clone());
        }
        message
    }

    pub async fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}))
            .await;
        loop {
            let message = self.pump().await;
            if message.get("method").is_none() && message["id"] == json!(id) {
                return message;
            }
        }
    }

    pub async fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}))
            .await;
    }

    /// Waits for a notification of `method` that satisfies `accept` and removes it from the queue
    /// (the others stay, in order).
    pub async fn wait_for(&mut self, method: &str, accept: impl Fn(&Value) -> bool) -> Value {
        let mut searched = 0;
        loop {
            let found = self
                .notifications
                .iter()
                .skip(searched)
                .position(|m| m["method"] == method && accept(&m["params"]))
                .map(|i| i + searched);
            if let Some(index) = found {
                return self.notifications.remove(index).unwrap()["params"].clone();
            }
            searched = self.notifications.len();
            self.pump().await;
        }
    }

    /// Waits for the diagnostics of `uri` at `version`.
    pub async fn diagnostics(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let params = self
            .wait_for("textDocument/publishDiagnostics", |p| {
                p["uri"] == uri && p["version"] == json!(version)
            })
            .await;
        params["diagnostics"].as_array().unwrap().clone()
    }

    pub async fn initialize(&mut self, capabilities: Value, options: Value) -> Value {
        let response = self
            .request("initialize", json!({"capabilities": capabilities, "initializationOptions": options, "processId": null}))
            .await;
        self.notify("initialized", json!({})).await;
        response
    }

    pub async fn open(&mut self, uri: &str, language: &str, text: &str) {
        let item = json!({"uri": uri, "languageId": language, "version": 1, "text": text});
        self.notify("textDocument/didOpen", json!({"textDocument": item}))
            .await;
    }

    pub async fn change(&mut self, uri: &str, version: i64, changes: Value) {
        let params =
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": changes});
        self.notify("textDocument/didChange", params).await;
    }

    pub async fn shutdown(&mut self) {
        let response = self.request("shutdown", Value::Null).await;
        assert!(response.get("error").is_none(), "{response}");
        self.notify("exit", Value::Null).await;
    }
}

/// The byte offset of an LSP position in `text` under an encoding ("utf-8", "utf-16", "utf-32").
pub fn offset_of(text: &str, line: u64, character: u64, encoding: &str) -> usize {
    let mut start = 0;
    for _ in 0..line {
        start += text[start..]
            .find('\n')
            .map_or(text.len() - start, |i| i + 1);
    }
    let mut units = 0u64;
    for (i, c) in text[start..].char_indices() {
        if units >= character || c == '\n' || c == '\r' {
            return start + i;
        }
        units += match encoding {
            "utf-8" => c.len_utf8() as u64,
            "utf-16" => c.len_utf16() as u64,
            _ => 1,
        };
    }
    text.len()
}

/// Applies LSP `TextEdit`s (non-overlapping) to `text`.
pub fn apply_edits(text: &str, edits: &[Value], encoding: &str) -> String {
    let mut resolved: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|edit| {
            let at = |p: &Value| {
                offset_of(
                    text,
                    p["line"].as_u64().unwrap(),
                    p["character"].as_u64().unwrap(),
                    encoding,
                )
            };
            (
                at(&edit["range"]["start"]),
                at(&edit["range"]["end"]),
                edit["newText"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    resolved.sort_by_key(|(start, _, _)| std::cmp::Reverse(*start));
    let mut result = text.to_string();
    for (start, end, new_text) in resolved {
        result.replace_range(start..end, &new_text);
    }
    result
}
