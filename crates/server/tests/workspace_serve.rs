//! `serve --workspace-listen` as a real process: two listeners, two log lines, and the workspace's
//! origin accepted as a host by the main server.

mod common;

use common::process::{serve, start};

async fn json(url: &str) -> serde_json::Value {
    let resp = reqwest::get(url).await.unwrap();
    assert!(resp.status().is_success(), "{url}: {}", resp.status());
    serde_json::from_str(&resp.text().await.unwrap()).unwrap()
}

/// A built panel of one page, beside the test's database.
fn fixture_dist(db: &common::TestDb) -> std::path::PathBuf {
    let dist = db.dir().join("dist");
    std::fs::create_dir(&dist).unwrap();
    std::fs::write(dist.join("index.html"), "<!doctype html><title>Customer 360</title><script>go()</script>").unwrap();
    dist
}

#[tokio::test]
async fn the_workspace_listens_on_its_own_origin_which_the_demo_tenants_accept_as_a_host() {
    let db = common::TestDb::new().await;
    let dist = fixture_dist(&db);
    let mut cmd = serve(&db, &["--demo", "--workspace-listen", "127.0.0.1:0"]);
    cmd.args(["--static", dist.to_str().unwrap(), "--allow-host-origin", "https://agent.example.com"]);
    let server = start(cmd);
    let base = server.wait_for("listening on ");
    let page = server.wait_for("demo workspace on ");
    let origin = page.strip_suffix("/demo/workspace").expect("the page's URL").to_owned();
    assert!(base.starts_with("http://127.0.0.1:") && origin.starts_with("http://127.0.0.1:") && base != origin);

    let allowed = json(&format!("{base}/v1/panel/tenants/demo/host-origins")).await;
    assert_eq!(allowed["allowedHostOrigins"], serde_json::json!([origin, "https://agent.example.com"]));
    let document = reqwest::get(format!("{base}/?tenantId=demo-identity")).await.unwrap();
    let policy = document.headers()["content-security-policy"].to_str().unwrap().to_owned();
    assert!(policy.ends_with(&format!("frame-ancestors 'self' {origin} https://agent.example.com")), "{policy}");

    let html = reqwest::get(&page).await.unwrap().text().await.unwrap();
    assert!(html.contains("Demo agent workspace"));
    let session = json(&format!("{origin}/demo/workspace/session?tenantId=demo-identity")).await;
    assert_eq!(session["panelOrigin"], base.as_str());
    let config = reqwest::Client::new()
        .get(format!("{base}/v1/panel/tenants/demo-identity/config"))
        .bearer_auth(session["token"].as_str().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(config.status(), 200);
    let config: serde_json::Value = serde_json::from_str(&config.text().await.unwrap()).unwrap();
    assert_eq!(config["nativeCrm"], false);
    // The main listener mints nothing.
    let main = reqwest::get(format!("{base}/demo/workspace/session?tenantId=demo")).await.unwrap();
    assert!(!main.text().await.unwrap().contains("\"token\""));
}

#[tokio::test]
async fn the_workspace_needs_the_demo_and_the_panel_and_host_origins_are_checked() {
    let db = common::TestDb::new().await;
    let out = serve(&db, &["--workspace-listen", "127.0.0.1:0"]).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--workspace-listen needs --demo and --static"));
    let out = serve(&db, &["--allow-host-origin", "agent.example.com/path"]).output().unwrap();
    assert!(!out.status.success());
    let out = serve(&db, &[]).env("C360_ALLOW_HOST_ORIGINS", "https://a.example,ftp://b.example").output().unwrap();
    assert!(!out.status.success(), "every origin in the environment list is checked");
}

#[tokio::test]
async fn behind_a_load_balancer_the_workspace_frames_the_panel_from_the_public_origin() {
    let db = common::TestDb::new().await;
    let dist = fixture_dist(&db);
    let mut cmd = serve(&db, &["--demo", "--workspace-listen", "127.0.0.1:0", "--static", dist.to_str().unwrap()]);
    cmd.args(["--public-origin", "http://127.0.0.1:8000"]);
    let server = start(cmd);
    let page = server.wait_for("demo workspace on ");
    let origin = page.strip_suffix("/demo/workspace").unwrap();
    let session = json(&format!("{origin}/demo/workspace/session?tenantId=demo")).await;
    assert_eq!(session["panelOrigin"], "http://127.0.0.1:8000");
    assert!(session["panelUrl"].as_str().unwrap().starts_with("http://127.0.0.1:8000/?"), "{session}");
}
