//! `cargo xtask compress [DIR]`: writes `FILE.br` (brotli, quality 11) and `FILE.gz` (gzip, level
//! 9) beside every `.wasm`, `.js` and `.css` of a built panel, which the server sends to browsers
//! that accept them (docs/api.md, "Serving the panel").
//!
//! Trunk runs it after every build, as the `post_build` hook in Trunk.toml, on the staged dist/
//! before it replaces the old one: so every release dist/ — `cargo xtask test` and `demo`, CI, a
//! `trunk build --release` by hand — has its compressed copies, and never stale ones (trunk empties
//! dist/ first). Debug builds (`trunk serve`) skip the seconds quality 11 takes. `index.html` is
//! left alone: the server sends the document uncompressed (its CSP hash is read from it).
//!
//! Before compressing, it minifies the JS glue with esbuild (trunk's own JS minifier fails on
//! wasm-bindgen's output) and bundles the stylesheets (kept by capability in style/, one file per
//! capability as trunk builds them) into one, writing the new files' subresource-integrity hashes
//! into index.html: 3 KB less brotli and four requests fewer on a cold load (docs/performance.md).
//!
//! It also holds the panel to its size ceiling: a build whose wasm + js + css come to more than
//! [`CEILING_BROTLI`] fails, naming the total, so no release build over it is ever made by CI.

use std::io::Write;
use std::path::{Path, PathBuf};

use brotli::enc::BrotliEncoderParams;
use flate2::Compression;
use flate2::write::GzEncoder;
use sha2::Digest;

/// The files that get compressed copies.
const EXTENSIONS: [&str; 3] = ["wasm", "js", "css"];
/// Brotli's densest setting; browsers decode it as fast as any other.
const BROTLI_QUALITY: i32 = 11;
/// A 4 MiB window (brotli's default): more than the largest file here.
const BROTLI_WINDOW_BITS: i32 = 22;

/// The panel's size ceiling in bytes: wasm + js + css as brotli (docs/performance.md).
pub const CEILING_BROTLI: usize = 350_000;

/// One file's sizes in bytes: as built, brotli, gzip.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sizes {
    pub file: String,
    pub raw: usize,
    pub brotli: usize,
    pub gzip: usize,
}

/// Compresses `DIR` if given, else trunk's staging dir when trunk runs this as its hook (release
/// builds only), else `dist/`; prints the sizes.
pub fn run(args: &[String]) -> Result<(), String> {
    let dir = match (args.first(), std::env::var_os("TRUNK_STAGING_DIR")) {
        (Some(dir), _) => PathBuf::from(dir),
        (None, Some(staging)) => {
            if std::env::var("TRUNK_PROFILE").as_deref() != Ok("release") {
                eprintln!("xtask compress: a debug build, left uncompressed");
                return Ok(());
            }
            PathBuf::from(staging)
        }
        (None, None) => crate::cmd::root().join("dist"),
    };
    let started = std::time::Instant::now();
    minify_js(&dir)?;
    bundle_css(&dir)?;
    let sizes = compress_dir(&dir)?;
    if sizes.is_empty() {
        return Err(format!("{}: no .wasm, .js or .css to compress (build the panel first)", dir.display()));
    }
    eprintln!("xtask compress: {} in {:.1} s", dir.display(), started.elapsed().as_secs_f32());
    eprintln!("{:>10} {:>10} {:>10}  file", "bytes", "brotli", "gzip");
    for s in &sizes {
        eprintln!("{:>10} {:>10} {:>10}  {}", s.raw, s.brotli, s.gzip, s.file);
    }
    let total = within_ceiling(&sizes)?;
    eprintln!("{total:>21}  brotli in all, of the {CEILING_BROTLI} ceiling");
    Ok(())
}

/// Minifies every `.js` directly in `dir` with esbuild (pinned in tests/e2e/package.json, installed
/// by `cargo xtask setup` beside wasm-opt) and replaces its `integrity` hash in `dir/index.html`:
/// wasm-bindgen's 52 KB of glue becomes 23 KB, 1.7 KB less brotli (docs/performance.md).
pub fn minify_js(dir: &Path) -> Result<(), String> {
    let esbuild = crate::cmd::root().join("tests/e2e/node_modules/.bin/esbuild");
    if !esbuild.exists() {
        return Err(format!("{} is missing: run `cargo xtask setup`", esbuild.display()));
    }
    let index_path = dir.join("index.html");
    let mut index = std::fs::read_to_string(&index_path).unwrap_or_default();
    for entry in std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.extension().and_then(|e| e.to_str()) != Some("js") {
            continue;
        }
        let before = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let status = std::process::Command::new(&esbuild)
            .arg(&path)
            .args(["--minify", "--allow-overwrite", "--log-level=warning"])
            .arg(format!("--outfile={}", path.display()))
            .status()
            .map_err(|e| format!("cannot run esbuild: {e}"))?;
        if !status.success() {
            return Err(format!("esbuild could not minify {}", path.display()));
        }
        let after = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        index = index.replace(&integrity(&before), &integrity(&after));
    }
    if index_path.exists() {
        std::fs::write(&index_path, index).map_err(|e| format!("{}: {e}", index_path.display()))?;
    }
    Ok(())
}

/// Replaces the stylesheets `dir/index.html` links (trunk's `<link href=/NAME.css integrity=…
/// rel=stylesheet>`, minified) with one file of them all in document order, named like trunk's
/// hashed assets (`panel-{16 hex}.css`, which the server caches as immutable), and deletes them.
/// Brotli compresses the styles' shared vocabulary once instead of five times.
pub fn bundle_css(dir: &Path) -> Result<(), String> {
    let index_path = dir.join("index.html");
    let Ok(mut index) = std::fs::read_to_string(&index_path) else { return Ok(()) };
    let mut links = Vec::new();
    let mut from = 0;
    while let Some(start) = index[from..].find("<link ").map(|i| from + i) {
        let end = index[start..].find('>').map(|i| start + i + 1).ok_or("index.html: unclosed <link")?;
        let tag = &index[start..end];
        if tag.contains("rel=stylesheet") {
            let href =
                tag.split_whitespace().find_map(|a| a.strip_prefix("href=/")).ok_or("a stylesheet without href")?;
            links.push((start..end, href.trim_end_matches('>').to_owned()));
        }
        from = end;
    }
    if links.len() < 2 {
        return Ok(());
    }
    let mut bundle = Vec::new();
    for (_, href) in &links {
        let path = dir.join(href);
        bundle.extend(std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?);
        bundle.push(b'\n');
    }
    let hash: String = sha2::Sha384::digest(&bundle).iter().take(8).map(|b| format!("{b:02x}")).collect();
    let name = format!("panel-{hash}.css");
    std::fs::write(dir.join(&name), &bundle).map_err(|e| format!("{name}: {e}"))?;
    let link = format!("<link href=/{name} integrity={} rel=stylesheet>", integrity(&bundle));
    for (n, (range, href)) in links.iter().enumerate().rev() {
        index.replace_range(range.clone(), if n == 0 { &link } else { "" });
        std::fs::remove_file(dir.join(href)).map_err(|e| format!("{href}: {e}"))?;
    }
    std::fs::write(&index_path, index).map_err(|e| format!("{}: {e}", index_path.display()))
}

/// A subresource-integrity value as trunk writes it: `sha384-` and the base64 digest.
fn integrity(bytes: &[u8]) -> String {
    use base64::Engine;
    format!("sha384-{}", base64::engine::general_purpose::STANDARD.encode(sha2::Sha384::digest(bytes)))
}

/// The brotli bytes a browser downloads for the whole bundle, or why that is over the ceiling.
pub fn within_ceiling(sizes: &[Sizes]) -> Result<usize, String> {
    let total = sizes.iter().map(|s| s.brotli).sum();
    if total > CEILING_BROTLI {
        return Err(format!(
            "the panel is {total} bytes brotli (wasm + js + css), over its {CEILING_BROTLI}-byte ceiling: \
             make room before adding (docs/performance.md, \"Panel bundle\")"
        ));
    }
    Ok(total)
}

/// Writes the compressed copies of every file to compress under `dir`, sorted by path.
pub fn compress_dir(dir: &Path) -> Result<Vec<Sizes>, String> {
    let mut files = Vec::new();
    collect(dir, &mut files)?;
    files.sort();
    files
        .iter()
        .map(|path| {
            let raw = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
            let brotli = write_beside(path, "br", &brotli(&raw)?, raw.len())?;
            let gzip = write_beside(path, "gz", &gzip(&raw)?, raw.len())?;
            let file = path.strip_prefix(dir).unwrap_or(path).display().to_string();
            Ok(Sizes { file, raw: raw.len(), brotli, gzip })
        })
        .collect()
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) -> Result<(), String> {
    for entry in std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            collect(&path, files)?;
        } else if path.extension().and_then(|e| e.to_str()).is_some_and(|e| EXTENSIONS.contains(&e)) {
            files.push(path);
        }
    }
    Ok(())
}

/// Writes `path.{extension}` when it is smaller than the file (a server sends the file itself
/// otherwise); returns the size a browser gets.
fn write_beside(path: &Path, extension: &str, compressed: &[u8], raw: usize) -> Result<usize, String> {
    let mut name = path.as_os_str().to_owned();
    name.push(format!(".{extension}"));
    let target = PathBuf::from(name);
    if compressed.len() >= raw {
        let _ = std::fs::remove_file(&target);
        return Ok(raw);
    }
    std::fs::write(&target, compressed).map_err(|e| format!("{}: {e}", target.display()))?;
    Ok(compressed.len())
}

fn brotli(raw: &[u8]) -> Result<Vec<u8>, String> {
    let params = BrotliEncoderParams {
        quality: BROTLI_QUALITY,
        lgwin: BROTLI_WINDOW_BITS,
        size_hint: raw.len(),
        ..BrotliEncoderParams::default()
    };
    let mut out = Vec::new();
    brotli::BrotliCompress(&mut &raw[..], &mut out, &params).map_err(|e| format!("brotli: {e}"))?;
    Ok(out)
}

fn gzip(raw: &[u8]) -> Result<Vec<u8>, String> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(raw).and_then(|()| encoder.finish()).map_err(|e| format!("gzip: {e}"))
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    fn decoded_brotli(path: &Path) -> Vec<u8> {
        let mut out = Vec::new();
        brotli::BrotliDecompress(&mut std::fs::File::open(path).unwrap(), &mut out).unwrap();
        out
    }

    fn decoded_gzip(path: &Path) -> Vec<u8> {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(std::fs::File::open(path).unwrap()).read_to_end(&mut out).unwrap();
        out
    }

    #[test]
    fn minified_js_keeps_its_exports_and_its_integrity_hash_follows_it() {
        let dist = std::env::temp_dir().join(format!("c360-minify-{}", std::process::id()));
        std::fs::create_dir_all(&dist).unwrap();
        let glue = "export function hello(name) {\n    // a comment\n    const greeting = 'hi ' + name;\n    return greeting;\n}\n";
        std::fs::write(dist.join("panel.js"), glue).unwrap();
        let index = format!("<link href=/panel.js integrity={} rel=modulepreload>", integrity(glue.as_bytes()));
        std::fs::write(dist.join("index.html"), index).unwrap();
        minify_js(&dist).unwrap();
        let minified = std::fs::read(dist.join("panel.js")).unwrap();
        let text = String::from_utf8(minified.clone()).unwrap();
        assert!(text.len() < glue.len() && !text.contains("comment"), "{text}");
        assert!(text.contains("export") && text.contains("hello"), "the export keeps its name: {text}");
        let index = std::fs::read_to_string(dist.join("index.html")).unwrap();
        assert!(index.contains(&integrity(&minified)), "{index}");
        std::fs::remove_dir_all(&dist).unwrap();
    }

    #[test]
    fn the_stylesheets_become_one_file_in_document_order_with_its_integrity() {
        let dist = std::env::temp_dir().join(format!("c360-bundle-{}", std::process::id()));
        std::fs::create_dir_all(&dist).unwrap();
        std::fs::write(dist.join("ui-1a.css"), ":root{--a:1}").unwrap();
        std::fs::write(dist.join("history-2b.css"), ".row{color:red}").unwrap();
        let index = "<title>x</title><link href=/ui-1a.css integrity=sha384-a rel=stylesheet>\
                     <link href=/history-2b.css integrity=sha384-b rel=stylesheet><link href=/x.js rel=modulepreload>";
        std::fs::write(dist.join("index.html"), index).unwrap();
        bundle_css(&dist).unwrap();
        let index = std::fs::read_to_string(dist.join("index.html")).unwrap();
        let name = index.split("href=/").nth(1).unwrap().split(' ').next().unwrap().to_owned();
        assert!(
            name.starts_with("panel-") && name.ends_with(".css") && name.len() == "panel-.css".len() + 16,
            "{name}"
        );
        let bundle = std::fs::read(dist.join(&name)).unwrap();
        assert_eq!(bundle, b":root{--a:1}\n.row{color:red}\n");
        assert_eq!(index.matches("rel=stylesheet").count(), 1);
        assert!(
            index.contains(&integrity(&bundle)) && index.contains("<link href=/x.js rel=modulepreload>"),
            "{index}"
        );
        assert!(!dist.join("ui-1a.css").exists() && !dist.join("history-2b.css").exists());
        std::fs::remove_dir_all(&dist).unwrap();
    }

    #[test]
    fn a_bundle_over_the_ceiling_is_refused_with_its_total() {
        let file = |brotli| Sizes { file: "x".into(), raw: brotli * 3, brotli, gzip: brotli };
        assert_eq!(within_ceiling(&[file(300_000), file(50_000)]), Ok(350_000));
        let over = within_ceiling(&[file(300_000), file(50_001)]).unwrap_err();
        assert!(over.contains("350001 bytes") && over.contains("350000-byte ceiling"), "{over}");
    }

    #[test]
    fn every_asset_gets_brotli_and_gzip_copies_that_decode_to_it_and_the_document_none() {
        let dist = std::env::temp_dir().join(format!("xtask-compress-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dist);
        std::fs::create_dir_all(dist.join("snippets/x")).unwrap();
        let script = "export function greet(name) { return `Hello, ${name}!`; }\n".repeat(200);
        let style = ".row { display: grid; gap: var(--space-2); }\n".repeat(200);
        std::fs::write(dist.join("app-0123456789abcdef.js"), &script).unwrap();
        std::fs::write(dist.join("snippets/x/inline0.js"), &script).unwrap();
        std::fs::write(dist.join("main-0123456789abcdef.css"), &style).unwrap();
        std::fs::write(dist.join("index.html"), "<!doctype html>".repeat(100)).unwrap();
        std::fs::write(dist.join("tiny.css"), "a{}").unwrap();

        let sizes = compress_dir(&dist).unwrap();

        let files: Vec<&str> = sizes.iter().map(|s| s.file.as_str()).collect();
        assert_eq!(
            files,
            ["app-0123456789abcdef.js", "main-0123456789abcdef.css", "snippets/x/inline0.js", "tiny.css"]
        );
        for (name, text) in [("app-0123456789abcdef.js", &script), ("main-0123456789abcdef.css", &style)] {
            let path = dist.join(name);
            assert_eq!(decoded_brotli(&dist.join(format!("{name}.br"))), text.as_bytes(), "{name}.br");
            assert_eq!(decoded_gzip(&dist.join(format!("{name}.gz"))), text.as_bytes(), "{name}.gz");
            let s = sizes.iter().find(|s| s.file == name).unwrap();
            assert!(s.brotli < s.gzip && s.gzip < s.raw / 10, "{s:?}: repetitive text compresses well");
            assert_eq!(s.raw as u64, path.metadata().unwrap().len());
        }
        assert!(!dist.join("index.html.br").exists() && !dist.join("index.html.gz").exists());
        assert!(!dist.join("tiny.css.br").exists(), "no copy bigger than its file");
        std::fs::remove_dir_all(&dist).unwrap();
    }
}
