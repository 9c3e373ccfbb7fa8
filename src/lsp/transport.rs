//! A filter in front of the JSON-RPC layer: it reads `Content-Length` frames and passes on only
//! those whose body is JSON. The protocol layer stops reading after a frame it cannot decode,
//! so without this filter one garbage or truncated message would end the session. A body must
//! decode as a JSON-RPC request, notification or response, as the protocol layer would read it.

use tower_lsp_server::jsonrpc::{Request, Response};

use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};

/// What the protocol layer decodes a frame into: a body it cannot decode as one of these ends
/// its input, so only these pass.
#[derive(serde::Deserialize)]
#[serde(untagged)]
enum Message {
    // Only decoded to check the shape; the protocol layer decodes the frame again.
    #[allow(dead_code)]
    Response(Response),
    #[allow(dead_code)]
    Request(Request),
}

/// Frames larger than this are skipped (their bytes are read and discarded).
const MAX_FRAME: usize = 256 * 1024 * 1024;

pub async fn filter_frames<I, O>(input: I, mut output: O)
where
    I: AsyncRead + Unpin,
    O: AsyncWrite + Unpin,
{
    let mut reader = BufReader::new(input);
    loop {
        let mut length: Option<usize> = None;
        let mut saw_header = false;
        loop {
            let mut line = String::new();
            match reader.read_line(&mut line).await {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
            let line = line.trim_end_matches(['\r', '\n']);
            if line.is_empty() {
                if saw_header {
                    break;
                }
                continue;
            }
            saw_header = true;
            if let Some((name, value)) = line.split_once(':') {
                if name.trim().eq_ignore_ascii_case("content-length") {
                    length = value.trim().parse().ok();
                }
            }
        }
        let Some(length) = length else {
            tracing::warn!("dropped a JSON-RPC frame without a valid Content-Length header");
            continue;
        };
        if length > MAX_FRAME {
            tracing::warn!(
                "dropped a JSON-RPC frame of {length} bytes (over the {MAX_FRAME}-byte limit)"
            );
            let mut rest = (&mut reader).take(length as u64);
            if tokio::io::copy(&mut rest, &mut tokio::io::sink())
                .await
                .is_err()
            {
                return;
            }
            continue;
        }
        let mut body = vec![0; length];
        if reader.read_exact(&mut body).await.is_err() {
            tracing::warn!("the input ended inside a JSON-RPC frame");
            return;
        }
        if let Err(err) = serde_json::from_slice::<Message>(&body) {
            let what = if serde_json::from_slice::<serde::de::IgnoredAny>(&body).is_ok() {
                "is not a JSON-RPC message"
            } else {
                "is not JSON"
            };
            tracing::warn!("dropped a JSON-RPC frame whose body {what} ({length} bytes): {err}");
            continue;
        }
        let header = format!("Content-Length: {length}\r\n\r\n");
        if output.write_all(header.as_bytes()).await.is_err()
            || output.write_all(&body).await.is_err()
        {
            return;
        }
    }
}
