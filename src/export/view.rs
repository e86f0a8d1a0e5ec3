//! Ctrl+E in the window: save what the map shows as a PNG.
//!
//! The app asks the window for a screenshot of the next frame
//! ([`egui::ViewportCommand::Screenshot`]); when it arrives, the map's part is
//! cropped out, encoded and written on a background thread, and the outcome
//! comes back as a notice ("Saved view to PATH" or what went wrong).

use super::Rgba8;
use super::png::write_png;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};

/// Saving the map view; one per app.
pub struct ViewExport {
    /// Where PNGs go; [`default_dir`] when `None`.
    pub dir: Option<PathBuf>,
    sender: Sender<String>,
    receiver: Receiver<String>,
    /// Requests made whose outcome has not been reported yet.
    pending: Arc<AtomicUsize>,
}

impl Default for ViewExport {
    fn default() -> Self {
        let (sender, receiver) = channel();
        Self {
            dir: None,
            sender,
            receiver,
            pending: Arc::new(AtomicUsize::new(0)),
        }
    }
}

impl ViewExport {
    /// Asks for a screenshot of the next frame and saves its `map` part
    /// (in points) once it arrives. Returns a notice when there is nothing
    /// to save.
    pub fn request(&self, ctx: &egui::Context, map: Option<egui::Rect>) -> Option<String> {
        let Some(map) = map else {
            return Some(crate::t!("export-no-map"));
        };
        let dir = self.dir.clone().unwrap_or_else(default_dir);
        let name = file_name(&jiff::ZonedDateTime::now().datetime());
        let pixels_per_point = ctx.pixels_per_point();
        let sender = self.sender.clone();
        let pending = Arc::clone(&self.pending);
        let repaint = ctx.clone();
        pending.fetch_add(1, Ordering::SeqCst);
        // The notice is worded on the encoding thread, in the window's language.
        let lang = crate::i18n::current();
        let callback = move |screenshot: Arc<egui::ColorImage>| {
            let (failed, wake) = (sender.clone(), repaint.clone());
            // Encoding a large PNG takes a while: not on the UI thread.
            let spawned = std::thread::Builder::new()
                .name("sitmap-export-view".into())
                .spawn(move || {
                    crate::i18n::set_current(lang);
                    let notice = match save_view(&screenshot, map, pixels_per_point, &dir, &name) {
                        Ok(path) => crate::t!("export-saved", path = path.display().to_string()),
                        Err(error) => crate::t!("export-failed", error = error.to_string()),
                    };
                    sender.send(notice).ok();
                    repaint.request_repaint();
                });
            if let Err(error) = spawned {
                failed
                    .send(format!(
                        "Could not save the view: no thread to write it: {error}"
                    ))
                    .ok();
                wake.request_repaint();
            }
        };
        ctx.send_viewport_cmd(egui::ViewportCommand::Screenshot(
            egui::ScreenshotCallback::new(callback),
        ));
        None
    }

    /// Moves finished exports' notices to `notices`.
    pub fn poll(&self, notices: &mut Vec<String>) {
        for notice in self.receiver.try_iter() {
            self.pending.fetch_sub(1, Ordering::SeqCst);
            notices.push(notice);
        }
    }

    /// Whether an export has been asked for and not reported yet.
    pub fn in_progress(&self) -> bool {
        self.pending.load(Ordering::SeqCst) > 0
    }
}

/// The user's Pictures folder's `sitmap` folder, else the current folder.
pub fn default_dir() -> PathBuf {
    dirs::picture_dir()
        // No XDG pictures folder set (a bare desktop): the usual place anyway.
        .or_else(|| dirs::home_dir().map(|home| home.join("Pictures")))
        .map(|pictures| pictures.join("sitmap"))
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_else(|| PathBuf::from("."))
}

/// `sitmap-YYYY-MM-DD-HHMMSS.png` for a local time.
pub fn file_name(time: &jiff::civil::DateTime) -> String {
    format!("sitmap-{}.png", time.strftime("%Y-%m-%d-%H%M%S"))
}

/// `dir/name`, or `dir/stem-2.png`, `-3` ... when taken (two saves in one second).
pub fn unused_path(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    if !path.exists() {
        return path;
    }
    let stem = name.strip_suffix(".png").unwrap_or(name);
    (2..)
        .map(|n| dir.join(format!("{stem}-{n}.png")))
        .find(|p| !p.exists())
        .unwrap_or(path)
}

/// The part of `screenshot` under `rect` (in points), as straight RGBA;
/// `None` when nothing of it is inside the screenshot.
pub fn crop(
    screenshot: &egui::ColorImage,
    rect: egui::Rect,
    pixels_per_point: f32,
) -> Option<Rgba8> {
    let [width, height] = screenshot.size;
    let to_pixel = |v: f32, max: usize| ((v * pixels_per_point).round().max(0.0) as usize).min(max);
    let (x0, x1) = (to_pixel(rect.min.x, width), to_pixel(rect.max.x, width));
    let (y0, y1) = (to_pixel(rect.min.y, height), to_pixel(rect.max.y, height));
    if x1 <= x0 || y1 <= y0 {
        return None;
    }
    let mut pixels = Vec::with_capacity((x1 - x0) * (y1 - y0) * 4);
    for y in y0..y1 {
        let row = screenshot.pixels.get(y * width + x0..y * width + x1)?;
        for colour in row {
            pixels.extend_from_slice(&colour.to_srgba_unmultiplied());
        }
    }
    Some(Rgba8 {
        width: (x1 - x0) as u32,
        height: (y1 - y0) as u32,
        pixels,
    })
}

/// Crops, then writes into `dir` (created if missing) under `name` or the
/// next free variant of it; returns the path written.
fn save_view(
    screenshot: &egui::ColorImage,
    map: egui::Rect,
    pixels_per_point: f32,
    dir: &Path,
    name: &str,
) -> Result<PathBuf, String> {
    // What the window shows is what is saved: in presentation mode the
    // caption card, date and legend (`crate::ui::slide`) are on the map;
    // outside it, the date and the day's cards.
    let image = crop(screenshot, map, pixels_per_point)
        .ok_or_else(|| "the map was not in the screenshot".to_string())?;
    std::fs::create_dir_all(dir)
        .map_err(|e| format!("{}: cannot create the folder: {e}", dir.display()))?;
    let path = unused_path(dir, name);
    write_png(&image, &path).map_err(|e| e.to_string())?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::{Color32, ColorImage, Rect, pos2};

    /// A 6x4 image whose pixel (x, y) has red x and green y.
    fn numbered() -> ColorImage {
        let pixels = (0..4)
            .flat_map(|y| (0..6).map(move |x| Color32::from_rgb(x, y, 200)))
            .collect();
        ColorImage::new([6, 4], pixels)
    }

    #[test]
    fn the_crop_is_the_map_rect_in_pixels() {
        let image = crop(
            &numbered(),
            Rect::from_min_max(pos2(1.0, 0.5), pos2(2.0, 1.5)),
            2.0,
        )
        .unwrap();
        assert_eq!((image.width, image.height), (2, 2));
        assert_eq!(image.pixel(0, 0), Some([2, 1, 200, 255]));
        assert_eq!(image.pixel(1, 1), Some([3, 2, 200, 255]));
    }

    #[test]
    fn a_crop_past_the_edges_is_clipped_and_one_outside_is_none() {
        let image = crop(
            &numbered(),
            Rect::from_min_max(pos2(-3.0, 2.0), pos2(100.0, 100.0)),
            1.0,
        )
        .unwrap();
        assert_eq!((image.width, image.height), (6, 2));
        assert_eq!(image.pixel(5, 1), Some([5, 3, 200, 255]));
        assert!(
            crop(
                &numbered(),
                Rect::from_min_max(pos2(10.0, 0.0), pos2(20.0, 4.0)),
                1.0
            )
            .is_none()
        );
    }

    #[test]
    fn file_names_carry_the_local_date_and_time() {
        let time = jiff::civil::date(2025, 11, 17).at(9, 5, 3, 0);
        assert_eq!(file_name(&time), "sitmap-2025-11-17-090503.png");
    }

    #[test]
    fn a_taken_name_gets_a_number() {
        let dir = tempfile::tempdir().unwrap();
        let name = "sitmap-2025-11-17-090503.png";
        assert_eq!(unused_path(dir.path(), name), dir.path().join(name));
        std::fs::write(dir.path().join(name), "").unwrap();
        assert_eq!(
            unused_path(dir.path(), name),
            dir.path().join("sitmap-2025-11-17-090503-2.png")
        );
    }

    #[test]
    fn a_saved_view_is_reported_with_its_path() {
        let dir = tempfile::tempdir().unwrap();
        let export = ViewExport {
            dir: Some(dir.path().join("new")),
            ..ViewExport::default()
        };
        let path = save_view(
            &numbered(),
            Rect::from_min_max(pos2(0.0, 0.0), pos2(3.0, 2.0)),
            1.0,
            export.dir.as_deref().unwrap(),
            "view.png",
        )
        .unwrap();
        assert_eq!(path, dir.path().join("new").join("view.png"));
        let decoded = image::open(&path).unwrap().to_rgba8();
        assert_eq!(decoded.dimensions(), (3, 2));
    }
}
