//! A real `fahras serve` on a free loopback port, and a real HTTP client.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::Value;

pub struct Server {
    child: Child,
    pub base: String,
    /// Everything the server wrote on stderr after its address line.
    pub log: Arc<Mutex<String>>,
}

impl Server {
    /// Starts `fahras serve --bind 127.0.0.1:0 --index INDEX EXTRA…` and
    /// waits for the line that names its address.
    pub fn start(index: &Path, extra: &[&str]) -> Server {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("fahras"))
            .env_remove("FAHRAS_INDEX")
            .env_remove("FAHRAS_TOKEN")
            .env("NO_COLOR", "1")
            .current_dir(index.parent().unwrap())
            .args(["serve", "--bind", "127.0.0.1:0", "--index"])
            .arg(index)
            .args(extra)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("fahras serve starts");
        let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
        let mut base = None;
        for line in lines.by_ref() {
            let line = line.unwrap();
            if let Some(at) = line.find("http://") {
                let url = &line[at..];
                base = Some(url[..url.find("/api/").unwrap()].to_string());
                break;
            }
        }
        let base = base.expect("the server names its address");
        let log = Arc::new(Mutex::new(String::new()));
        let sink = log.clone();
        std::thread::spawn(move || {
            for line in lines.map_while(Result::ok) {
                let mut l = sink.lock().unwrap();
                l.push_str(&line);
                l.push('\n');
            }
        });
        Server { child, base, log }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Sends SIGTERM and waits for the exit status.
    pub fn terminate(mut self) -> std::process::ExitStatus {
        Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .unwrap();
        let status = self.child.wait().unwrap();
        std::mem::forget(self);
        status
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A client that hands back 4xx and 5xx answers instead of failing on them.
pub fn client() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(60)))
        .build()
        .into()
}

/// GET `url` with `params`; the status and the body as JSON.
pub fn get(url: &str, params: &[(&str, &str)]) -> (u16, Value) {
    let mut req = client().get(url);
    for (k, v) in params {
        req = req.query(*k, *v);
    }
    let mut res = req.call().expect("the server answers");
    let status = res.status().as_u16();
    let body = res.body_mut().read_to_string().unwrap();
    let json = serde_json::from_str(&body).unwrap_or(Value::String(body));
    (status, json)
}

/// POST `body` as JSON to `url`.
pub fn post(url: &str, body: &Value) -> (u16, Value) {
    let mut res = client()
        .post(url)
        .send_json(body)
        .expect("the server answers");
    let status = res.status().as_u16();
    (status, res.body_mut().read_json().unwrap())
}
