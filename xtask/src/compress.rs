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
//! It also holds the panel to its size ceiling: a build whose wasm + js + css come to more than
//! [`CEILING_BROTLI`] fails, naming the total, so no release build over it is ever made by CI.

use std::io::Write;
use std::path::{Path, PathBuf};

use brotli::enc::BrotliEncoderParams;
use flate2::Compression;
use flate2::write::GzEncoder;

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
