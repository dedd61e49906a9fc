//! The web app in a real headless Chromium, driven over WebDriver: what a
//! researcher does, step by step, on the sample corpus. Each step that
//! fails leaves a screenshot in `target/browser-screenshots/`.
//!
//! Needs Debian's `chromium` and `chromium-driver` (`.ci/run` installs
//! them). Without them the test says so and passes, unless
//! `FAHRAS_BROWSER_TESTS=require` (as `.ci/run` sets) makes it fail.

mod common;

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::server::Server;
use common::*;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

const DRIVER: &str = "/usr/bin/chromedriver";
const CHROMIUM: &str = "/usr/bin/chromium";

/// chromedriver on a free loopback port, stopped when dropped.
struct Driver {
    child: Child,
    url: String,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// chromedriver, or `None` (with a note) when this machine has none.
fn driver() -> Option<Driver> {
    let driver = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| DRIVER.into());
    if !Path::new(&driver).exists() {
        let required = std::env::var("FAHRAS_BROWSER_TESTS").is_ok_and(|v| v == "require");
        assert!(!required, "FAHRAS_BROWSER_TESTS=require, but there is no {driver}: apt-get install chromium chromium-driver");
        eprintln!("browser tests skipped: no {driver} (apt-get install chromium chromium-driver)");
        return None;
    }
    let port = free_port();
    let child = Command::new(&driver)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts");
    let url = format!("http://127.0.0.1:{port}");
    let deadline = Instant::now() + Duration::from_secs(20);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            Instant::now() < deadline,
            "chromedriver did not listen on {port}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    Some(Driver { child, url })
}

async fn browser(driver: &Driver, profile: &Path) -> Client {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| CHROMIUM.into());
    let caps = json!({
        "goog:chromeOptions": {
            "binary": chromium,
            // As root in a container, with a closed network: no sandbox,
            // and none of Chromium's own background connections.
            "args": [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1280,1000",
                format!("--user-data-dir={}", profile.display()),
            ]
        }
    });
    let Value::Object(caps) = caps else {
        unreachable!()
    };
    let connector = hyper_util::client::legacy::connect::HttpConnector::new();
    ClientBuilder::new(connector)
        .capabilities(caps)
        .connect(&driver.url)
        .await
        .expect("a Chromium session")
}

fn screenshots() -> PathBuf {
    root().join("target").join("browser-screenshots")
}

/// Runs one step; when it fails, saves a screenshot named after it first.
async fn step<F, T>(c: &Client, name: &str, work: F) -> T
where
    F: std::future::Future<Output = Result<T, String>>,
{
    match work.await {
        Ok(v) => v,
        Err(e) => {
            let dir = screenshots();
            let _ = std::fs::create_dir_all(&dir);
            let shot = dir.join(format!("{name}.png"));
            if let Ok(png) = c.screenshot().await {
                let _ = std::fs::write(&shot, png);
            }
            let url = c
                .current_url()
                .await
                .map(|u| u.to_string())
                .unwrap_or_default();
            panic!(
                "step {name:?} failed at {url}: {e} (screenshot: {})",
                shot.display()
            );
        }
    }
}

async fn js(c: &Client, script: &str) -> Result<Value, String> {
    c.execute(script, vec![]).await.map_err(|e| e.to_string())
}

async fn number(c: &Client, script: &str) -> Result<u64, String> {
    js(c, script)
        .await?
        .as_u64()
        .ok_or_else(|| format!("not a number: {script}"))
}

async fn click(c: &Client, css: &str) -> Result<(), String> {
    let e = c
        .find(Locator::Css(css))
        .await
        .map_err(|e| format!("{css}: {e}"))?;
    // Every click here navigates. Right after it, the old document still
    // reads "complete"; a mark on it tells the old page from the new one.
    js(c, "window.__fahrasOld = true; return null").await?;
    e.click().await.map_err(|e| format!("click {css}: {e}"))?;
    let deadline = Instant::now() + Duration::from_secs(20);
    // A script sent mid-navigation may fail; that too means "not yet".
    while js(c, "return window.__fahrasOld === true")
        .await
        .unwrap_or(Value::Bool(true))
        == true
    {
        if Instant::now() > deadline {
            return Err(format!("a click on {css} did not open a new page"));
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    wait_loaded(c).await
}

async fn wait_loaded(c: &Client) -> Result<(), String> {
    let deadline = Instant::now() + Duration::from_secs(20);
    while js(c, "return document.readyState").await? != "complete" {
        if Instant::now() > deadline {
            return Err("the page did not finish loading".into());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Ok(())
}

fn ensure(ok: bool, what: impl Into<String>) -> Result<(), String> {
    if ok {
        Ok(())
    } else {
        Err(what.into())
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_researcher_searches_narrows_compares_reads_and_exports() {
    let Some(driver) = driver() else { return };
    let ix = Indexed::sample();
    let server = Server::start(&ix.index, &["--quiet"]);
    let profile = tempfile::tempdir().unwrap();
    let c = browser(&driver, profile.path()).await;
    let origin = server.base.clone();
    let seed = SEED_ID.replace('/', "%2F");

    step(&c, "1-search", async {
        c.goto(&server.url("/?q=%D8%AE%D8%A7%D8%B1%D8%B7%D8%A9+%D8%B7%D8%B1%D9%8A%D9%82")).await.map_err(|e| e.to_string())?;
        wait_loaded(&c).await?;
        ensure(js(&c, "return document.documentElement.dir").await? == "rtl", "the page is not dir=rtl")?;
        let first = js(&c, "return document.querySelector('li.hit h3 a').getAttribute('href')").await?;
        ensure(first.as_str().is_some_and(|h| h.contains(&seed)), format!("the first hit is {first}"))?;
        // The match is marked with a background, in the weight of its text.
        let mark = js(&c, "const m = document.querySelector('li.hit mark'); if (!m) return null; \
            const s = getComputedStyle(m), p = getComputedStyle(m.parentElement); \
            return [m.textContent, s.backgroundColor, s.fontWeight === p.fontWeight, s.fontSize === p.fontSize]").await?;
        ensure(mark[0].as_str().is_some_and(|t| t.contains("خارطة")), format!("marked: {mark}"))?;
        ensure(mark[1] != "rgba(0, 0, 0, 0)" && mark[2] == true && mark[3] == true, format!("mark style: {mark}"))?;
        // For BENCHMARKS.md, not a test: a timed assertion would be flaky.
        let paint = js(&c, "const p = performance.getEntriesByName('first-contentful-paint')[0]; return p ? p.startTime : null").await?;
        eprintln!("first contentful paint of the search page: {paint} ms");
        Ok(())
    })
    .await;

    step(&c, "2-facet", async {
        let count = number(&c, "return Number(document.querySelector('aside.facets a[data-entity]').parentElement.querySelector('.count').textContent)").await?;
        click(&c, "aside.facets a[data-entity]").await?;
        let total = number(&c, "return Number(document.querySelector('.total').dataset.total)").await?;
        ensure(total == count, format!("the facet said {count}, the filtered page shows {total}"))?;
        ensure(number(&c, "return document.querySelectorAll('ul.chips li').length").await? == 1, "no chip for the filter")
    })
    .await;

    step(&c, "3-compare", async {
        c.goto(&server.url("/?q=%D8%A7%D9%84%D8%B9%D8%B1%D8%A7%D9%82"))
            .await
            .map_err(|e| e.to_string())?;
        wait_loaded(&c).await?;
        let input = c
            .find(Locator::Css("#vs"))
            .await
            .map_err(|e| e.to_string())?;
        input.send_keys("سوريا").await.map_err(|e| e.to_string())?;
        click(&c, "form.compare button").await?;
        ensure(
            js(&c, "return location.search")
                .await?
                .as_str()
                .is_some_and(|s| s.contains("vs=")),
            "the compared query is not in the URL",
        )?;
        ensure(
            number(
                &c,
                "return document.querySelectorAll('ul.legend li').length",
            )
            .await?
                == 2,
            "the legend has not two series",
        )?;
        ensure(
            number(
                &c,
                "return document.querySelectorAll('figure.chart svg polyline').length",
            )
            .await?
                >= 2,
            "the chart has not two lines",
        )
    })
    .await;

    step(&c, "4-chart-click", async {
        c.goto(&server.url("/?q=%D8%A7%D9%84%D8%B9%D8%B1%D8%A7%D9%82&interval=year"))
            .await
            .map_err(|e| e.to_string())?;
        wait_loaded(&c).await?;
        let all = number(
            &c,
            "return Number(document.querySelector('.total').dataset.total)",
        )
        .await?;
        click(&c, "figure.chart svg").await?;
        let url = js(&c, "return location.search").await?;
        ensure(
            url.as_str()
                .is_some_and(|s| s.contains("since=") && s.contains("until=")),
            format!("a click on the chart went to {url}"),
        )?;
        let narrowed = number(
            &c,
            "const t = document.querySelector('.total'); return t ? Number(t.dataset.total) : 0",
        )
        .await?;
        ensure(narrowed <= all, format!("{narrowed} of {all}"))
    })
    .await;

    step(&c, "5-article", async {
        c.goto(&server.url("/?q=%D8%AE%D8%A7%D8%B1%D8%B7%D8%A9+%D8%B7%D8%B1%D9%8A%D9%82"))
            .await
            .map_err(|e| e.to_string())?;
        wait_loaded(&c).await?;
        click(&c, "li.hit h3 a").await?;
        ensure(
            js(&c, "return location.pathname")
                .await?
                .as_str()
                .is_some_and(|p| p.contains(&seed)),
            "not on the seed's page",
        )?;
        ensure(
            number(
                &c,
                "return document.querySelectorAll('.article .body mark').length",
            )
            .await?
                >= 2,
            "the matches are not marked",
        )?;
        ensure(
            number(
                &c,
                "return document.querySelectorAll('aside.similar li').length",
            )
            .await?
                >= 1,
            "no similar articles",
        )
    })
    .await;

    step(&c, "6-export", async {
        c.goto(&server.url("/?q=%D8%A7%D9%84%D8%B9%D8%B1%D8%A7%D9%82")).await.map_err(|e| e.to_string())?;
        wait_loaded(&c).await?;
        let total = number(&c, "return Number(document.querySelector('.total').dataset.total)").await?;
        let rows = c
            .execute_async(
                "const done = arguments[arguments.length - 1]; \
                 const a = document.querySelector('a.download[href^=\"/api/export\"][href*=\"format=csv\"]'); \
                 fetch(a.href).then(r => r.text()).then(t => done(t.trim().split('\\n').length - 1), e => done(String(e)));",
                vec![],
            )
            .await
            .map_err(|e| e.to_string())?;
        ensure(rows.as_u64() == Some(total), format!("the CSV has {rows} rows, the page says {total}"))
    })
    .await;

    step(&c, "7-same-origin", async {
        let names = js(
            &c,
            "return performance.getEntriesByType('resource').map(e => e.name)",
        )
        .await?;
        let names = names.as_array().cloned().unwrap_or_default();
        ensure(!names.is_empty(), "no resources were loaded")?;
        let away: Vec<&Value> = names
            .iter()
            .filter(|n| !n.as_str().is_some_and(|n| n.starts_with(&origin)))
            .collect();
        ensure(
            away.is_empty(),
            format!("requests left the server's origin: {away:?}"),
        )
    })
    .await;

    c.close().await.unwrap();
}

/// For `benches/web.sh`, not a test (`--ignored`): the first contentful
/// paint of the search page of a running server (`FAHRAS_PAINT_URL`) for
/// the first 30 queries of `FAHRAS_PAINT_QUERIES`, each in a fresh tab.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore]
async fn first_paint_of_a_running_server() {
    let (Ok(base), Ok(queries)) = (
        std::env::var("FAHRAS_PAINT_URL"),
        std::env::var("FAHRAS_PAINT_QUERIES"),
    ) else {
        eprintln!("set FAHRAS_PAINT_URL and FAHRAS_PAINT_QUERIES");
        return;
    };
    let Some(driver) = driver() else { return };
    let profile = tempfile::tempdir().unwrap();
    let c = browser(&driver, profile.path()).await;
    let text = std::fs::read_to_string(queries).unwrap();
    let mut paints = Vec::new();
    for q in text.lines().take(30) {
        let q: String = form_urlencoded::byte_serialize(q.as_bytes()).collect();
        c.goto(&format!("{base}/?q={q}")).await.unwrap();
        wait_loaded(&c).await.unwrap();
        // The paint entry is recorded a frame after the load.
        for _ in 0..40 {
            let p = js(&c, "const p = performance.getEntriesByName('first-contentful-paint')[0]; return p ? p.startTime : null").await.unwrap();
            if let Some(ms) = p.as_f64() {
                paints.push(ms);
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
    paints.sort_by(f64::total_cmp);
    assert!(!paints.is_empty(), "no page painted");
    println!(
        "first contentful paint: n {}  p50 {:.0}  max {:.0} ms",
        paints.len(),
        paints[paints.len() / 2],
        paints[paints.len() - 1]
    );
}
