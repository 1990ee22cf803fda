//! A `playbook serve` process for tests (killed on drop) and a tiny HTTP/1.1
//! client over `TcpStream`: plain requests, and the Server-Sent Events
//! stream read event by event.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

/// How long a test waits for the server to say or do something.
pub const PATIENCE: Duration = Duration::from_secs(30);

/// A running `playbook serve`; killed and reaped when dropped.
pub struct Server {
    child: Child,
    /// The port it printed.
    pub port: u16,
    stderr: Arc<Mutex<String>>,
}

impl Server {
    /// Starts `playbook serve --root ROOT --port 0 EXTRA…` and waits for its
    /// `Serving at` line.
    pub fn start(root: &Path, extra: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_playbook"))
            .args(["serve", "--port", "0", "--root"])
            .arg(root)
            .args(extra)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start playbook serve");
        let stderr = Arc::new(Mutex::new(String::new()));
        let sink = Arc::clone(&stderr);
        let mut err = BufReader::new(child.stderr.take().expect("piped stderr"));
        std::thread::spawn(move || {
            let mut line = String::new();
            while err.read_line(&mut line).is_ok_and(|n| n > 0) {
                sink.lock().expect("stderr lock").push_str(&line);
                line.clear();
            }
        });
        let (sender, lines) = mpsc::channel();
        let mut out = BufReader::new(child.stdout.take().expect("piped stdout"));
        std::thread::spawn(move || {
            let mut line = String::new();
            let _ = out.read_line(&mut line);
            let _ = sender.send(line);
        });
        let mut server = Server { child, port: 0, stderr };
        let line = lines.recv_timeout(PATIENCE).unwrap_or_default();
        let port = line
            .trim_end()
            .strip_prefix("Serving at http://127.0.0.1:")
            .and_then(|rest| rest.strip_suffix('/'))
            .and_then(|p| p.parse().ok());
        server.port = port.unwrap_or_else(|| panic!("no `Serving at` line: {line:?}\n{}", server.stderr()));
        server
    }

    /// Everything the server wrote on stderr so far.
    pub fn stderr(&self) -> String {
        self.stderr.lock().expect("stderr lock").clone()
    }

    /// Waits until stderr satisfies `wanted` (it is read on another thread).
    pub fn stderr_until(&self, what: &str, wanted: impl Fn(&str) -> bool) -> String {
        eventually(what, || Some(self.stderr()).filter(|s| wanted(s)))
    }

    /// `GET target` (sent as is, not normalised).
    pub fn get(&self, target: &str) -> Response {
        request(self.port, "GET", target)
    }

    /// Opens `/__playbook/events`.
    pub fn events(&self) -> Events {
        self.events_at("/__playbook/events")
    }

    /// Opens the event stream at `target` (`/__playbook/events?page=…`).
    pub fn events_at(&self, target: &str) -> Events {
        let mut stream = connect(self.port);
        let head = format!("GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n");
        stream.write_all(head.as_bytes()).expect("send request");
        let mut reader = BufReader::new(stream);
        let mut status = String::new();
        reader.read_line(&mut status).expect("status line");
        assert!(status.starts_with("HTTP/1.1 200"), "{status}");
        let mut chunked = false;
        loop {
            let mut line = String::new();
            reader.read_line(&mut line).expect("header");
            if line.trim().is_empty() {
                break;
            }
            chunked |= line.to_ascii_lowercase().starts_with("transfer-encoding: chunked");
        }
        Events { reader, chunked, buffer: String::new() }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A response, body de-chunked.
#[derive(Debug)]
pub struct Response {
    /// Status code.
    pub status: u16,
    /// Headers, names lowercased.
    pub headers: Vec<(String, String)>,
    /// Body.
    pub body: Vec<u8>,
}

impl Response {
    /// The first header of that (lowercase) name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }

    /// The body as text.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

fn connect(port: u16) -> TcpStream {
    let stream = TcpStream::connect(("127.0.0.1", port)).expect("connect to playbook serve");
    stream.set_read_timeout(Some(Duration::from_millis(500))).expect("timeout");
    stream
}

/// One request with `Connection: close`.
pub fn request(port: u16, method: &str, target: &str) -> Response {
    let mut stream = connect(port);
    stream.set_read_timeout(Some(PATIENCE)).expect("timeout");
    let head = format!("{method} {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    stream.write_all(head.as_bytes()).expect("send request");
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw);
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n").expect("a complete response head");
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.split("\r\n");
    let status = lines.next().and_then(|l| l.split(' ').nth(1)).and_then(|s| s.parse().ok()).expect("status");
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let body = raw[split + 4..].to_vec();
    let chunked = headers.iter().any(|(n, v)| n == "transfer-encoding" && v.contains("chunked"));
    let body = if chunked { dechunk(&body) } else { body };
    Response { status, headers, body }
}

fn dechunk(mut raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(end) = raw.windows(2).position(|w| w == b"\r\n") {
        let size = usize::from_str_radix(String::from_utf8_lossy(&raw[..end]).trim(), 16).unwrap_or(0);
        if size == 0 {
            break;
        }
        let start = end + 2;
        out.extend_from_slice(&raw[start..(start + size).min(raw.len())]);
        raw = raw.get(start + size + 2..).unwrap_or(&[]);
    }
    out
}

/// An open event stream.
pub struct Events {
    reader: BufReader<TcpStream>,
    chunked: bool,
    buffer: String,
}

/// One event: its name and data.
#[derive(Debug, Clone)]
pub struct Event {
    /// `event:` field.
    pub name: String,
    /// `data:` field.
    pub data: String,
}

impl Events {
    /// Events until one named `name` whose data satisfies `wanted`.
    pub fn wait_for(&mut self, name: &str, wanted: impl Fn(&str) -> bool) -> Event {
        let deadline = Instant::now() + PATIENCE;
        let mut seen = Vec::new();
        while Instant::now() < deadline {
            if let Some(event) = self.next() {
                if event.name == name && wanted(&event.data) {
                    return event;
                }
                seen.push(event.name);
            }
        }
        panic!("no `{name}` event came; saw {seen:?}");
    }

    /// The next event, or `None` when none is complete yet.
    fn next(&mut self) -> Option<Event> {
        loop {
            if let Some(end) = self.buffer.find("\n\n") {
                let block: String = self.buffer.drain(..end + 2).collect();
                let field = |f: &str| {
                    let lines =
                        block.lines().filter_map(|l| l.strip_prefix(f)).map(|v| v.trim_start_matches(' '));
                    lines.collect::<Vec<_>>().join("\n")
                };
                let (name, data) = (field("event:"), field("data:"));
                if name.is_empty() && data.is_empty() {
                    continue; // a keep-alive comment
                }
                return Some(Event { name, data });
            }
            let mut line = String::new();
            match self.reader.read_line(&mut line) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(_) => return None,
            }
            if self.chunked {
                // A chunk-size line, then its data line(s) in the next reads.
                if usize::from_str_radix(line.trim(), 16).is_ok() && line.ends_with("\r\n") {
                    continue;
                }
                line = line.replace("\r\n", "");
            }
            self.buffer.push_str(&line);
        }
    }
}

/// Polls `f` until it returns `Some`, or panics after [`PATIENCE`].
pub fn eventually<T>(what: &str, f: impl Fn() -> Option<T>) -> T {
    let deadline = Instant::now() + PATIENCE;
    while Instant::now() < deadline {
        if let Some(v) = f() {
            return v;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("timed out waiting for {what}");
}
